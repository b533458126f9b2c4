#include "workshop_rig.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <sstream>

namespace test {

namespace {

std::string run(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    REQUIRE(pipe);
    std::array<char, 4096> buffer{};
    while (std::fgets(buffer.data(), buffer.size(), pipe.get()))
        out += buffer.data();
    return out;
}

} // namespace

Station::Station() {
    db = std::make_unique<bl::Database>(dir.file("station.db"));
    auto st = bl::initialise_local_device(
        *db, bl::Device{"", "Værkstedsstation Keramik", bl::DeviceRole::workshop, 107, {}, {}},
        std::nullopt,
        bl::Workshop{"", "Keramikværkstedet", "keramik", "Agtrupvej 88, 6000 Kolding"});
    REQUIRE(st.ok());
    station = st.value();
    workshop = *bl::find_workshop(*db, *station.workshop_id);
    const bl::Actor setup{station.id, {}};
    auto other = bl::add_device(
        *db, setup, bl::Device{"", "Station tekstil", bl::DeviceRole::workshop, 108, {}, {}},
        std::nullopt, bl::Workshop{"", "Tekstilværkstedet", "tekstil", ""});
    REQUIRE(other.ok());
    other_station = other.value();
    textiles = *bl::find_workshop(*db, *other_station.workshop_id);
    auto t = bl::add_device(
        *db, setup, bl::Device{"", "Kasse 1", bl::DeviceRole::till, 1, {}, {}},
        bl::Shop{"", "Vielgut Studio", "Jernbanegade 12", "6000", "Kolding", "12345674"});
    REQUIRE(t.ok());
    till = t.value();
    shop = *bl::find_shop(*db, *till.shop_id);
    auto person = [&](const char* name, bl::StaffRole role) {
        auto u = bl::add_staff(*db, setup, bl::StaffUser{"", name, role, demo_pin_hash(), true});
        REQUIRE(u.ok());
        return u.value();
    };
    clerk = person("Mette", bl::StaffRole::staff);
    leader = person("Jonas", bl::StaffRole::workshop_leader);
    organiser = person("Lise", bl::StaffRole::organiser);
    anna = bl::add_maker(*db, at_station(), bl::Maker{"", workshop.id, "Anna", true},
                         bl::MakerPrivate{"", "Anna Holmegaard", "20304050", "", ""})
               .value();
    REQUIRE(bl::record_consent(*db, at_station(), anna.id, bl::ConsentChannel::receipt,
                               bl::ConsentLevel::chosen_name)
                .ok());
    prik = bl::add_maker(*db, at_station(), bl::Maker{"", workshop.id, "Prikkeline", true},
                         bl::MakerPrivate{"", "Pernille Lundtoft", "", "pernille@example.dk",
                                          "Jeg drejer krus."})
               .value();
    sofie = bl::add_maker(*db, at_station(), bl::Maker{"", textiles.id, "Sofie", true}).value();

    auto product = [&](const char* sku, const char* name, const char* category, std::int64_t ore,
                       const std::string& workshop_id, bool active = true) {
        bl::Product p;
        p.sku = sku;
        p.name = name;
        p.category = category;
        p.price = bl::Money::from_ore(ore);
        p.workshop_id = workshop_id;
        p.active = active;
        auto r = bl::add_product(*db, setup, p);
        REQUIRE(r.ok());
        return r.value();
    };
    mug = product("KER-101", "Krus med hank, blå glasur", "Keramik", 18900, workshop.id);
    bowl = product("KER-103", "Skål, lille", "Keramik", 12900, workshop.id);
    retired = product("KER-199", "Askebæger", "Keramik", 5000, workshop.id, false);
    cloth = product("TEK-103", "Viskestykke, hør", "Tekstil", 11975, textiles.id);
}

WorkshopRig::WorkshopRig(const std::string& who)
    : store(*s.db, s.documents(), BL_SOURCE_ASSETS "/impact/coefficients.csv"),
      workshop(store.ports(), view.views()) {
    workshop.start();
    if (who == "Jonas")
        log_in(s.leader);
    else if (who == "Lise")
        log_in(s.organiser);
}

void WorkshopRig::log_in(const bl::StaffUser& u, const std::string& pin) {
    workshop.access().log_in(u.id, pin);
}

bl::production::QuickForm
WorkshopRig::mug_form(const std::string& units,
                      const std::vector<std::pair<const bl::Maker*, std::string>>& times) {
    bl::production::QuickForm f;
    f.product_id = s.mug.id;
    f.units = units;
    f.date = bl::format_date(bl::copenhagen_day(bl::now_utc()));
    for (const auto& [maker, time] : times)
        f.rows.push_back({maker->id, maker->display_name, time, time == "same", "drejning", ""});
    return f;
}

std::string pdf_text(const std::string& path) {
    return run("pdftotext -layout '" + path + "' - 2>/dev/null");
}

std::vector<std::string> barcodes_in(const std::string& pdf, int columns, int rows) {
    // zbar reports identical codes in one image once, so every label is cut out of the page
    // (ImageMagick) and read on its own.
    const std::string prefix = pdf + "-page";
    run("pdftoppm -r 300 -gray -png '" + pdf + "' '" + prefix + "' 2>/dev/null");
    std::vector<std::string> pages;
    const auto dir = std::filesystem::path(pdf).parent_path();
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().string().rfind(prefix, 0) == 0 && e.path().extension() == ".png")
            pages.push_back(e.path().string());
    std::sort(pages.begin(), pages.end());
    std::vector<std::string> codes;
    for (const auto& page : pages) {
        const std::string tiles = page + "-label";
        run("convert '" + page + "' -crop " + std::to_string(columns) + "x" + std::to_string(rows) +
            "@ +repage '" + tiles + "-%03d.png' 2>/dev/null");
        std::istringstream lines(run("zbarimg --quiet '" + tiles + "'-*.png 2>/dev/null"));
        for (std::string line; std::getline(lines, line);)
            if (!line.empty())
                codes.push_back(line);
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().string().rfind(tiles, 0) == 0)
                std::filesystem::remove(e.path());
        std::filesystem::remove(page);
    }
    return codes;
}

} // namespace test
