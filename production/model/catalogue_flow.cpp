#include "production/model/catalogue_flow.hpp"

#include <algorithm>

#include "production/model/batch_draft.hpp"
#include "shared/core/text.hpp"
#include "shared/core/uuid.hpp"
#include "shared/model/picture.hpp"
#include "shared/rules/catalogue_look.hpp"

namespace bl::production {

namespace {

const char* const only_organisers = BL_N_("Only an organiser can change the catalogue.");

} // namespace

std::optional<Product> CatalogueFlow::product_or_say(const std::string& product_id) {
    for (auto& p : m_w.ports.catalogue.products())
        if (p.id == product_id)
            return p;
    m_w.say(Message(BL_N_("That product does not exist.")));
    return std::nullopt;
}

void CatalogueFlow::open() {
    if (!m_w.organisers_only(only_organisers))
        return;
    CataloguePage page;
    page.products = m_w.ports.catalogue.products();
    std::sort(page.products.begin(), page.products.end(), [](const Product& a, const Product& b) {
        return search_fold(a.name) < search_fold(b.name);
    });
    page.workshops = m_w.ports.station.workshops();
    for (const auto& p : page.products)
        if (!p.category.empty())
            page.categories.push_back(p.category);
    std::sort(
        page.categories.begin(), page.categories.end(),
        [](const std::string& a, const std::string& b) { return search_fold(a) < search_fold(b); });
    page.categories.erase(std::unique(page.categories.begin(), page.categories.end()),
                          page.categories.end());
    page.colours = m_w.ports.catalogue.category_colours();
    for (const auto& c : category_palette())
        page.palette.push_back(ColourChoice{std::string(c.key), std::string(c.hex), c.name.data()});
    page.pictures = m_w.ports.catalogue.picture_versions();
    m_w.views.catalogue.show_catalogue(page);
}

void CatalogueFlow::new_product() {
    if (!m_w.organisers_only(only_organisers))
        return;
    ProductForm f;
    f.workshop_id = m_w.state.workshop_id;
    m_w.views.catalogue.show_product_form(f, m_w.ports.station.workshops());
}

void CatalogueFlow::add_product(const ProductForm& f) {
    if (!m_w.organisers_only(only_organisers))
        return;
    Product p;
    p.name = f.name;
    p.category = f.category;
    auto price = parse_money(f.price);
    if (!price) {
        m_w.say(price.error());
        return;
    }
    p.price = price.value();
    const std::string vat = trimmed(f.vat);
    if (vat == "25" || vat == "25 %")
        p.vat_rate = VatRate::standard();
    else if (vat == "0" || vat == "0 %")
        p.vat_rate = VatRate::zero();
    else {
        m_w.say(Message(BL_N_("The VAT rate must be 25 %% or 0 %%.")));
        return;
    }
    p.barcode = trimmed(f.ean);
    p.sku = trimmed(f.sku);
    if (p.sku.empty()) {
        // A number of its own, as the import makes one: the random part of a new id.
        UuidGenerator ids;
        p.sku = "NY-" + ids.next().substr(24);
    }
    p.materials = f.materials;
    p.locally_sourced = f.locally_sourced;
    if (!f.workshop_id.empty())
        p.workshop_id = f.workshop_id;
    auto added = m_w.ports.catalogue.add_product(m_w.staff_id(), p);
    if (!added) {
        m_w.say(added.error());
        return;
    }
    m_w.refresh_status();
    open();
    m_w.news(Message(BL_N_("%s is added to the catalogue with the barcode %s."),
                     {added.value().name, added.value().barcode}));
}

void CatalogueFlow::change_price(const std::string& product_id, const std::string& typed) {
    if (!m_w.organisers_only(only_organisers))
        return;
    auto price = parse_money(typed);
    if (!price) {
        m_w.say(price.error());
        return;
    }
    if (price.value().is_negative()) {
        m_w.say(Message(BL_N_("A price cannot be negative.")));
        return;
    }
    const auto p = product_or_say(product_id);
    if (!p)
        return;
    if (p->price == price.value()) {
        m_w.say(Message(BL_N_("%s costs %s already. Nothing was changed."),
                        {p->name, format_dkk(p->price)}));
        return;
    }
    auto r = m_w.ports.catalogue.change_price(m_w.staff_id(), product_id, price.value());
    if (!r) {
        m_w.say(r.error());
        return;
    }
    m_w.refresh_status();
    open();
    m_w.news(Message(BL_N_("%s now costs %s (it was %s)."),
                     {p->name, format_dkk(price.value()), format_dkk(p->price)}));
}

void CatalogueFlow::set_category_colour(const std::string& category, const std::string& colour) {
    if (!m_w.organisers_only(only_organisers))
        return;
    if (category.empty()) {
        m_w.say(Message(BL_N_("Choose a category first.")));
        return;
    }
    const auto colours = m_w.ports.catalogue.category_colours();
    const auto now = colours.find(category);
    if ((now == colours.end() ? std::string() : now->second) == colour) {
        m_w.say(Message(colour.empty() ? BL_N_("%s has no colour already. Nothing was changed.")
                                       : BL_N_("%s has that colour already. Nothing was changed."),
                        {category}));
        return;
    }
    auto r = m_w.ports.catalogue.set_category_colour(m_w.staff_id(), category, colour);
    if (!r) {
        m_w.say(r.error());
        return;
    }
    m_w.refresh_status();
    open();
    m_w.news(Message(colour.empty() ? BL_N_("%s has no colour on the till's tiles now.")
                                    : BL_N_("%s has a new colour on the till's tiles."),
                     {category}));
}

void CatalogueFlow::set_picture(const std::string& product_id, const std::string& path) {
    if (!m_w.organisers_only(only_organisers))
        return;
    const auto p = product_or_say(product_id);
    if (!p)
        return;
    // Read and made small here, once; the store keeps only the small PNG.
    auto png = thumbnail_from_file(path);
    if (!png) {
        m_w.say(png.error());
        return;
    }
    auto r = m_w.ports.catalogue.set_picture(m_w.staff_id(), product_id, png.value());
    if (!r) {
        m_w.say(r.error());
        return;
    }
    m_w.refresh_status();
    open();
    m_w.news(Message(BL_N_("%s has a new picture on the till's tile."), {p->name}));
}

void CatalogueFlow::remove_picture(const std::string& product_id) {
    if (!m_w.organisers_only(only_organisers))
        return;
    const auto p = product_or_say(product_id);
    if (!p)
        return;
    if (!m_w.ports.catalogue.picture_versions().count(product_id)) {
        m_w.say(Message(BL_N_("%s has no picture. Nothing was changed."), {p->name}));
        return;
    }
    auto r = m_w.ports.catalogue.set_picture(m_w.staff_id(), product_id, "");
    if (!r) {
        m_w.say(r.error());
        return;
    }
    m_w.refresh_status();
    open();
    m_w.news(Message(BL_N_("%s has no picture on the till's tile now."), {p->name}));
}

void CatalogueFlow::import_file(const std::string& path) {
    if (!m_w.organisers_only(only_organisers))
        return;
    auto text = read_catalogue_file(path);
    if (!text) {
        m_w.say(text.error());
        return;
    }
    CatalogueBook& catalogue = m_w.ports.catalogue;
    CatalogueLookups lookups;
    lookups.workshops = catalogue.workshops_by_name();
    lookups.barcode_taken = [&catalogue](const std::string& code) {
        return catalogue.barcode_taken(code);
    };
    lookups.sku_taken = [&catalogue](const std::string& sku) { return catalogue.sku_taken(sku); };
    auto plan = plan_catalogue_import(text.value(), lookups);
    if (!plan) {
        m_w.say(plan.error());
        return;
    }
    m_w.state.import = plan.value();
    m_w.views.catalogue.show_import(plan.value());
}

void CatalogueFlow::confirm_import() {
    if (!m_w.organisers_only(only_organisers) || !m_w.state.import)
        return;
    if (m_w.state.import->valid.empty()) {
        m_w.say(Message(BL_N_("No row in the file can be imported.")));
        return;
    }
    auto r = m_w.ports.catalogue.add_products(m_w.staff_id(), m_w.state.import->valid);
    if (!r) {
        // Nothing was imported (one transaction): the refused row, with its line, joins the
        // rejected ones and the preview is shown again.
        m_w.say(refuse_at_commit(*m_w.state.import, r.error().first, r.error().second));
        m_w.views.catalogue.show_import(*m_w.state.import);
        return;
    }
    m_w.state.import.reset();
    m_w.refresh_status();
    open();
    m_w.news(Message(BL_N_("%s items were added to the catalogue."), {std::to_string(r.value())}));
}

void CatalogueFlow::cancel_import() {
    m_w.state.import.reset();
    open();
}

} // namespace bl::production
