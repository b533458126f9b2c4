#include "fixture.hpp"

#include <random>

#include <catch2/catch.hpp>

#include "shared/auth/pin.hpp"
#include "shared/store/raw_sql.hpp"

namespace test {

TempDir::TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() /
           ("bundlinje-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
}

const std::string& demo_pin_hash() {
    static const std::string h = bl::hash_pin("2468");
    return h;
}

void exec(bl::Database& db, const std::string& sql) {
    bl::raw_sql::execute(db, sql);
}

std::int64_t count(bl::Database& db, const std::string& sql) {
    const auto value = bl::raw_sql::text(db, sql);
    REQUIRE(value.has_value());
    return std::stoll(*value);
}

std::string findings(const bl::DatabaseCheck& check) {
    std::string out;
    for (const auto& f : check.findings)
        out += "[" + f.table + " " + f.row + " @" + f.device_id + ":" + std::to_string(f.seq) +
               "] " + bl::render(f.problem) + "\n";
    return out;
}

Shop::Shop(bool open) {
    db = std::make_unique<bl::Database>(dir.file("till.db"));
    auto t = bl::initialise_local_device(
        *db, bl::Device{"", "Kasse 1", bl::DeviceRole::till, 1, {}, {}},
        bl::Shop{"", "Vielgut Studio", "Jernbanegade 12", "6000", "Kolding", "12345674"});
    REQUIRE(t.ok());
    till = t.value();
    shop = *bl::find_shop(*db, *till.shop_id);
    auto s =
        bl::add_device(*db, {till.id, {}},
                       bl::Device{"", "Station keramik", bl::DeviceRole::workshop, 101, {}, {}},
                       std::nullopt, bl::Workshop{"", "Keramikværkstedet", "keramik", ""});
    REQUIRE(s.ok());
    station = s.value();
    workshop = *bl::find_workshop(*db, *station.workshop_id);
    auto c = bl::add_staff(*db, {till.id, {}},
                           bl::StaffUser{"", "Mette", bl::StaffRole::staff, demo_pin_hash(), true});
    REQUIRE(c.ok());
    clerk = c.value();
    auto l = bl::add_staff(
        *db, {till.id, {}},
        bl::StaffUser{"", "Jonas", bl::StaffRole::workshop_leader, demo_pin_hash(), true});
    REQUIRE(l.ok());
    leader = l.value();
    anna = bl::add_maker(*db, at_station(), bl::Maker{"", workshop.id, "Anna", true}).value();
    anon = bl::add_maker(*db, at_station(), bl::Maker{"", workshop.id, "Prik", true}).value();

    bl::Product p;
    p.sku = "KER-001";
    p.name = "Krus med hank";
    p.category = "Keramik";
    p.price = bl::Money::from_ore(18900);
    p.barcode = "5790099000375";
    p.workshop_id = workshop.id;
    mug = bl::add_product(*db, at_station(), p).value();
    p = {};
    p.sku = "TEK-003";
    p.name = "Viskestykke, hør";
    p.price = bl::Money::from_ore(11975);
    cloth = bl::add_product(*db, {till.id, {}}, p).value();
    p = {};
    p.sku = "DON-001";
    p.name = "Bidrag";
    p.price = bl::Money::from_ore(2000);
    p.vat_rate = bl::VatRate::zero();
    donation = bl::add_product(*db, {till.id, {}}, p).value();

    auto batch = [&](const char* day, std::int64_t units, std::int64_t anna_min,
                     std::int64_t anon_min) {
        bl::Batch b;
        b.product_id = mug.id;
        b.workshop_id = workshop.id;
        b.produced_on = day;
        b.units = units;
        b.contributions = {{"", "", anna.id, anna_min, "drejning", ""},
                           {"", "", anon.id, anon_min, "glasering", ""}};
        auto r = bl::add_batch(*db, at_station(), b);
        REQUIRE(r.ok());
        REQUIRE(bl::deliver_batch(*db, at_station(), r.value().id, shop.id, units).ok());
        return r.value();
    };
    mugs_old = batch("2026-10-01", 3, 60, 30);
    mugs_new = batch("2026-10-15", 10, 200, 100);
    if (open)
        REQUIRE(bl::open_shift(*db, at_till(), bl::Money::from_kroner(1000)).ok());
}

bl::SaleLine Shop::line(const bl::Product& p, std::int64_t qty, std::optional<std::string> batch) {
    bl::SaleLine l;
    l.product_id = p.id;
    l.description = p.name;
    l.quantity = qty;
    l.unit_price = p.price;
    l.vat_rate = p.vat_rate;
    l.scanned_batch_id = std::move(batch);
    return l;
}

void Shop::pay(bl::Sale& s, bl::Tender t, bl::Money tendered) {
    bl::Payment p;
    p.tender = t;
    const bl::Money total = s.total();
    if (t == bl::Tender::cash) {
        p.amount = bl::round_cash(total);
        p.rounding = p.amount - total;
        p.tendered = total.is_negative() ? bl::Money{} : tendered;
        p.change = total.is_negative() ? bl::Money{} : tendered - p.amount;
    } else {
        p.amount = total;
    }
    s.payments = {p};
}

bl::Sale Shop::sell(std::vector<bl::SaleLine> lines, bl::Tender t) {
    bl::Sale s;
    s.lines = std::move(lines);
    pay(s, t, bl::round_cash(s.total()) + bl::Money::from_kroner(100));
    auto r = bl::record_sale(*db, at_till(), s);
    if (!r)
        FAIL(bl::render(r.error()));
    return r.value();
}

bl::Sale Shop::refund_of(const bl::Sale& sale, int line_no, std::int64_t qty, bl::Tender t) const {
    const bl::SaleLine& ol = sale.lines.at(static_cast<std::size_t>(line_no - 1));
    bl::SaleLine l = line(bl::Product{ol.product_id,
                                      "",
                                      ol.description,
                                      "",
                                      ol.unit_price,
                                      ol.vat_rate,
                                      "",
                                      "",
                                      false,
                                      {},
                                      true},
                          -qty);
    l.refund_of_sale_id = sale.id;
    l.refund_of_line_no = line_no;
    bl::Sale r;
    r.lines = {l};
    pay(r, t);
    return r;
}

} // namespace test
