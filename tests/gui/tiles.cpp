// Tiles people can read at arm's length: the demo's categories have pale colours and a few
// products a picture. Each picture is decoded once and kept for its product until the picture
// changes; every tile still shows its whole text.

#include "gui_rig.hpp"
#include "shared/core/sha256.hpp"
#include "shared/model/picture.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/catalogue_look.hpp"
#include "shared/wxui/tile_grid.hpp"

namespace {

bl::wxui::Tile* tile_named(bl::wxui::TileGrid& tiles, const wxString& name) {
    for (std::size_t i = 0; i < tiles.count(); ++i)
        if (tiles.tile(i)->look().title == name)
            return tiles.tile(i);
    return nullptr;
}

void run(gui::Gui& g) {
    auto& f = *g.frame;
    g.log_in("Mette", "1357");
    g.wait_for([&] { return g.page() == "open_shift"; });
    g.type("1000");
    g.wait_for([&] { return g.page() == "sale"; });
    auto& sale = f.screen<bl::pos::SaleScreen>();
    auto& tiles = sale.tiles();
    g.check(tiles.count() > 0, "the sale screen shows the fullest category's tiles");
    if (tiles.count() == 0)
        return;

    // Keramik, light blue in the demo: every tile of it in that colour, with dark text.
    bool all_blue = true, whole = true;
    for (std::size_t i = 0; i < tiles.count(); ++i) {
        all_blue = all_blue && tiles.tile(i)->look().colour == wxColour("#cfe2f6");
        whole = whole && tiles.tile(i)->shows_whole_text();
    }
    g.check(all_blue, "the category's tiles have its pale colour");
    g.check(whole, "every tile shows its whole name and price");
    const wxString mug = wxString::FromUTF8("Krus med hank, blå glasur");
    auto* mug_tile = tile_named(tiles, mug);
    g.check(mug_tile && mug_tile->look().picture.IsOk(), "the mug's tile shows its picture");
    g.check(mug_tile && mug_tile->look().picture.GetHeight() <= 42 &&
                mug_tile->look().picture.GetWidth() <= 42,
            "made small to fit beside the name");
    auto* plain = tile_named(tiles, wxString::FromUTF8("Krus uden hank, hvid"));
    g.check(plain && !plain->look().picture.IsOk(), "a product with no picture shows none");
    const std::size_t decoded = sale.pictures().decoded();
    g.check(decoded == 2,
            "the category's two pictures were decoded once each (" + std::to_string(decoded) + ")");
    g.shot("tiles");

    // Shown again (a search finds the mug): the kept picture, nothing decoded again.
    g.click(sale.scan_field());
    g.type("krus med");
    g.check(g.wait_for([&] { return tile_named(tiles, mug) != nullptr && tiles.count() == 1; }),
            "a search shows the mug's tile");
    g.check(sale.pictures().decoded() == decoded && tile_named(tiles, mug)->look().picture.IsOk(),
            "with the picture kept, not decoded again");

    // A new picture (synced from the workshop, say): drawn anew the next time it is shown.
    std::vector<unsigned char> px(90 * 90 * 4, 60);
    for (std::size_t i = 3; i < px.size(); i += 4)
        px[i] = 255;
    const auto png = bl::thumbnail_from_rgba(90, 90, px).value();
    const auto product = bl::find_product_by_sku(*g.db, "KER-001");
    g.check(product.has_value(), "the mug is in the catalogue");
    if (!product)
        return;
    g.check(bl::set_product_picture(*g.db, {g.store->device().id, {}}, product->id, png).ok(),
            "the mug gets a new picture");
    g.key(WXK_ESCAPE);
    g.click(sale.scan_field());
    g.type("krus med h");
    g.check(g.wait_for([&] { return sale.pictures().decoded() == decoded + 1; }),
            "the new picture is decoded once when it is shown");
}

gui::Registered tiles("tiles", run);

} // namespace
