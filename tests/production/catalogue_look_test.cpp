// The organiser's catalogue screen sets how the till's tiles look: a category's colour from
// the palette and a product's picture from a PNG or JPEG file, each journaled; bad files are
// refused in words and change nothing; a workshop leader may not.

#include <algorithm>
#include <fstream>

#include <catch2/catch.hpp>

#include "shared/model/picture.hpp"
#include "tests/production/workshop_rig.hpp"

namespace {

/// A picture file: a 300 x 200 PNG (made by the same code, so no file is needed).
std::string picture_file(const test::WorkshopRig& rig) {
    std::vector<unsigned char> px(100 * 60 * 4, 180);
    auto png = bl::thumbnail_from_rgba(100, 60, px).value();
    const std::string path = rig.s.dir.file("krus.png");
    std::ofstream(path, std::ios::binary) << png;
    return path;
}

} // namespace

TEST_CASE("an organiser colours a category and gives a product a picture") {
    test::WorkshopRig rig("Lise");
    auto& catalogue = rig.workshop.catalogue();
    catalogue.open();
    REQUIRE(rig.view.screen == "catalogue");
    const auto& page = rig.view.catalogue;
    CHECK(page.palette.size() == 9);
    CHECK(std::find(page.categories.begin(), page.categories.end(), rig.s.mug.category) !=
          page.categories.end());
    CHECK(page.colours.empty());

    catalogue.set_category_colour(rig.s.mug.category, "green");
    CHECK(rig.view.last_news() == rig.s.mug.category + " has a new colour on the till's tiles.");
    CHECK(rig.view.catalogue.colours.at(rig.s.mug.category) == "green");
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'category_colour_set'") == 1);
    // The same again changes nothing and says so.
    catalogue.set_category_colour(rig.s.mug.category, "green");
    CHECK(rig.view.last_problem().find("has that colour already") != std::string::npos);
    CHECK(rig.count("SELECT count(*) FROM journal WHERE kind = 'category_colour_set'") == 1);
    catalogue.set_category_colour(rig.s.mug.category, "magenta");
    CHECK(rig.view.last_problem() == "There is no colour called magenta in the palette.");
    catalogue.set_category_colour("", "blue");
    CHECK(rig.view.last_problem() == "Choose a category first.");

    catalogue.set_picture(rig.s.mug.id, picture_file(rig));
    CHECK(rig.view.last_news() == rig.s.mug.name + " has a new picture on the till's tile.");
    CHECK(rig.view.catalogue.pictures.count(rig.s.mug.id) == 1);
    CHECK(rig.count("SELECT count(*) FROM product_picture WHERE length(png) > 0") == 1);

    // Not a picture, a missing file: said, nothing kept or journaled.
    const auto journal = rig.count("SELECT count(*) FROM journal");
    const std::string text = rig.s.dir.file("noter.png");
    std::ofstream(text) << "Husk ler og glasur\n";
    catalogue.set_picture(rig.s.bowl.id, text);
    CHECK(rig.view.last_problem() == "The file is not a PNG or JPEG picture. Nothing was changed.");
    catalogue.set_picture(rig.s.bowl.id, rig.s.dir.file("findes-ikke.jpg"));
    CHECK(rig.view.last_problem().find("cannot be opened") != std::string::npos);
    CHECK(rig.count("SELECT count(*) FROM journal") == journal);
    CHECK(rig.view.catalogue.pictures.count(rig.s.bowl.id) == 0);

    catalogue.remove_picture(rig.s.mug.id);
    CHECK(rig.view.last_news() == rig.s.mug.name + " has no picture on the till's tile now.");
    CHECK(rig.view.catalogue.pictures.empty());
    catalogue.remove_picture(rig.s.mug.id);
    CHECK(rig.view.last_problem().find("has no picture") != std::string::npos);
    CHECK(bl::verify_database(rig.db()).ok());

    // A workshop leader may not.
    test::WorkshopRig leader;
    leader.workshop.catalogue().set_category_colour(leader.s.mug.category, "blue");
    CHECK(leader.view.last_problem() == "Only an organiser can change the catalogue.");
    leader.workshop.catalogue().set_picture(leader.s.mug.id, picture_file(leader));
    CHECK(leader.view.last_problem() == "Only an organiser can change the catalogue.");
    CHECK(leader.count("SELECT count(*) FROM journal WHERE kind IN ('category_colour_set', "
                       "'product_picture_set')") == 0);
}
