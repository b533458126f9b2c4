#include "shared/demo/demo.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>

#include "shared/auth/pin.hpp"
#include "shared/core/cash_rounding.hpp"
#include "shared/core/csv.hpp"
#include "shared/core/text.hpp"
#include "shared/demo/demo_pictures.hpp"
#include "shared/demo/demo_support.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/catalogue_look.hpp"
#include "shared/store/journal.hpp"
#include "shared/store/outbox.hpp"
#include "shared/store/people.hpp"
#include "shared/store/production.hpp"
#include "shared/store/sales.hpp"
#include "shared/store/setup.hpp"
#include "shared/store/summary.hpp"
#include "shared/store/transitions.hpp"

namespace bl {

namespace {

using namespace std::chrono;
using namespace demo;

struct DemoProduct {
    Product product;
    std::string workshop_key;
    std::int64_t minutes_per_unit = 0;
    std::int64_t typical_batch = 0;
};

struct DemoMaker {
    Maker maker;
    std::string workshop_key;
    std::vector<std::string> tasks;
};

struct Event {
    Timestamp at;
    int order; // keeps events at the same instant in the order they were planned
    std::function<std::optional<Message>()> run;
};

// Restores the database's real clock and random ids when the load ends, however it ends.
struct ClockGuard {
    Database& db;
    ~ClockGuard() {
        db.clock = now_utc;
        db.ids = UuidGenerator();
    }
};

} // namespace

Result<DemoSummary, Message> load_demo(Database& db, const DemoOptions& o) {
    if (!local_device_id(db).empty())
        return err(Message(BL_N_("This database already holds data; the demo is loaded only "
                                 "into a new, empty database.")));
    const std::string dir = o.assets_dir + "/demo/";
    auto shop_rows = read_table(dir + "shop.csv", 5);
    auto workshop_rows = read_table(dir + "workshops.csv", 4);
    auto staff_rows = read_table(dir + "staff.csv", 3);
    auto maker_rows = read_table(dir + "makers.csv", 7);
    auto product_rows = read_table(dir + "products.csv", 11);
    for (auto* r : {&shop_rows, &workshop_rows, &staff_rows, &maker_rows, &product_rows})
        if (!*r)
            return err(r->error());

    // The calendar: sales on the `sales_days` days up to `until`, production before that.
    sys_days until;
    if (o.until.empty()) {
        const LocalTime now = to_copenhagen(now_utc());
        until = sys_days{year{now.year} / month{unsigned(now.month)} / day{unsigned(now.day)}} -
                days{1};
    } else {
        auto t = parse_utc(o.until + "T00:00:00Z");
        if (!t || o.until.size() != 10)
            return err(Message(BL_N_("\"%s\" is not a date; write it as YYYY-MM-DD."), {o.until}));
        until = floor<days>(*t);
    }
    const sys_days first_sales_day = until - days{o.sales_days - 1};
    const sys_days setup_day = first_sales_day - days{75};

    Timestamp sim = at_local(setup_day, 9, 0);
    ClockGuard guard{db};
    db.clock = [&sim] { return sim; };
    db.ids = UuidGenerator(o.seed, [&sim] { return unix_ms(sim); });
    Dice dice(o.seed);

    auto fail = [](const Message& m) { return Result<DemoSummary, Message>(err(m)); };

    // Places and devices. The local device is the till or Keramikværkstedet's station; the
    // others are registered as the devices whose journals their actions belong to.
    const auto& srow = shop_rows.value().front().fields;
    Shop shop{"", srow[0], srow[1], srow[2], srow[3], srow[4]};
    std::map<std::string, Workshop> workshops;
    std::vector<std::string> workshop_order;
    for (const auto& r : workshop_rows.value()) {
        workshops[r.fields[0]] = Workshop{"", r.fields[1], r.fields[2], r.fields[3]};
        workshop_order.push_back(r.fields[0]);
    }
    std::map<std::string, Device> stations;
    Device till{"", "Kasse 1", DeviceRole::till, 1, {}, {}};
    int station_number = 101;
    if (o.role == DemoRole::till) {
        auto d = initialise_local_device(db, till, shop);
        if (!d)
            return fail(d.error());
        till = d.value();
        shop.id = *till.shop_id;
    }
    for (const auto& key : workshop_order) {
        Device st{"",
                  "Værkstedsstation " + workshops[key].name,
                  DeviceRole::workshop,
                  station_number++,
                  {},
                  {}};
        Result<Device, Message> d =
            (o.role == DemoRole::workshop && key == workshop_order.front())
                ? initialise_local_device(db, st, {}, workshops[key])
                : add_device(db, Actor{local_device_id(db), {}}, st, {}, workshops[key]);
        if (!d)
            return fail(d.error());
        stations[key] = d.value();
        workshops[key].id = *d.value().workshop_id;
    }
    if (o.role == DemoRole::workshop) {
        auto d = add_device(db, Actor{local_device_id(db), {}}, till, shop);
        if (!d)
            return fail(d.error());
        till = d.value();
        shop.id = *till.shop_id;
    }
    const std::string local = local_device_id(db);
    if (o.role == DemoRole::till) { // Vielgut Studio prints "Bag om tingene" on its receipts
        auto on = set_setting(db, Actor{local, {}}, "impact_block", "on");
        if (!on)
            return fail(on.error());
    }

    // Staff.
    std::map<std::string, StaffUser> staff_by_role;
    for (const auto& r : staff_rows.value()) {
        auto role = staff_role_from(r.fields[1]);
        if (!role)
            return fail(Message(BL_N_("Line %s of staff.csv has an unknown role."),
                                {std::to_string(r.line)}));
        sim += minutes{1};
        auto u = add_staff(db, Actor{local, {}},
                           StaffUser{"", r.fields[0], *role, hash_pin(r.fields[2]), true});
        if (!u)
            return fail(u.error());
        staff_by_role[r.fields[1]] = u.value();
    }
    const std::string clerk = staff_by_role["staff"].id;
    const std::string leader = staff_by_role["workshop_leader"].id;

    // Makers, with consent recorded by the workshop leader at the maker's workshop station.
    std::vector<DemoMaker> makers;
    for (const auto& r : maker_rows.value()) {
        const auto& f = r.fields;
        if (!workshops.count(f[0]))
            return fail(Message(BL_N_("Line %s of makers.csv names an unknown workshop."),
                                {std::to_string(r.line)}));
        const Device& st = stations[f[0]];
        std::optional<MakerPrivate> priv;
        if (o.role == DemoRole::workshop && st.id == local)
            priv = MakerPrivate{"", f[2], "", "", ""};
        sim += minutes{2};
        auto m =
            add_maker(db, Actor{st.id, leader}, Maker{"", workshops[f[0]].id, f[1], true}, priv);
        if (!m)
            return fail(m.error());
        const ConsentChannel channels[3] = {ConsentChannel::receipt, ConsentChannel::report,
                                            ConsentChannel::web};
        for (int c = 0; c < 3; ++c) {
            const int level = std::stoi(f[static_cast<std::size_t>(3 + c)]);
            if (level == 0)
                continue;
            auto rc = record_consent(db, Actor{st.id, leader}, m.value().id, channels[c],
                                     static_cast<ConsentLevel>(level));
            if (!rc)
                return fail(rc.error());
        }
        std::vector<std::string> tasks;
        for (const std::string_view t : split(f[6], ','))
            tasks.emplace_back(t);
        makers.push_back({m.value(), f[0], tasks});
    }

    // Products: each workshop's own goods from its station, the shop's own items from the
    // till.
    std::vector<DemoProduct> products;
    for (const auto& r : product_rows.value()) {
        const auto& f = r.fields;
        auto price = parse_money(f[3]);
        if (!price)
            return fail(price.error());
        Product p;
        p.sku = f[0];
        p.name = f[1];
        p.category = f[2];
        p.price = price.value();
        p.vat_rate = VatRate{std::stoi(f[4]) * 100};
        p.barcode = f[5];
        p.materials = f[7];
        p.locally_sourced = f[8] == "1";
        std::string device = till.id;
        if (!f[6].empty()) {
            if (!workshops.count(f[6]))
                return fail(Message(BL_N_("Line %s of products.csv names an unknown workshop."),
                                    {std::to_string(r.line)}));
            p.workshop_id = workshops[f[6]].id;
            device = stations[f[6]].id;
        }
        sim += minutes{1};
        auto added = add_product(db, Actor{device, {}}, p);
        if (!added)
            return fail(added.error());
        products.push_back({added.value(), f[6], std::stoll(f[9]), std::stoll(f[10])});
        // A few products have a picture on their tile (drawn by demo_pictures).
        if (const std::string png = demo_picture(p.sku); !png.empty())
            if (auto pic = set_product_picture(db, Actor{device, {}}, added.value().id, png); !pic)
                return fail(pic.error());
    }
    // Each category in a pale colour of its own on the till's tiles.
    for (const auto& [category, colour] :
         std::vector<std::pair<std::string, std::string>>{{"Keramik", "blue"},
                                                          {"Tekstil", "rose"},
                                                          {"Træ", "sand"},
                                                          {"Jul", "green"},
                                                          {"Bøger", "lilac"},
                                                          {"Bidrag", "yellow"}})
        if (auto set = set_category_colour(db, Actor{till.id, {}}, category, colour); !set)
            return fail(set.error());

    // Production: about 60 batches over the ten weeks before the last sales day, each
    // delivered to the shop two days later. Events run in time order so every device's
    // journal moves forward in time.
    std::vector<Event> events;
    int order = 0;
    std::vector<const DemoProduct*> made;
    for (const auto& p : products)
        if (!p.workshop_key.empty())
            made.push_back(&p);
    const int batch_count = 60;
    for (int i = 0; i < batch_count; ++i) {
        const DemoProduct& p = *made[static_cast<std::size_t>(i) % made.size()];
        const sys_days day = setup_day + days{3 + i * 68 / batch_count + dice.between(0, 1)};
        const std::int64_t units =
            std::max<std::int64_t>(2, p.typical_batch * dice.between(70, 130) / 100);
        std::vector<const DemoMaker*> crew;
        for (const auto& m : makers)
            if (m.workshop_key == p.workshop_key)
                crew.push_back(&m);
        const std::int64_t n =
            std::min<std::int64_t>(static_cast<std::int64_t>(crew.size()), dice.between(1, 4));
        for (std::int64_t k = 0; k < n; ++k) // a small shuffle: the first n are the crew
            std::swap(crew[static_cast<std::size_t>(k)],
                      crew[static_cast<std::size_t>(
                          dice.between(k, static_cast<std::int64_t>(crew.size()) - 1))]);
        const std::int64_t total = std::max<std::int64_t>(
            30, p.minutes_per_unit * units * dice.between(80, 120) / 100 / 5 * 5);
        Batch b;
        b.product_id = p.product.id;
        b.workshop_id = workshops[p.workshop_key].id;
        b.produced_on = date_of(day);
        b.units = units;
        b.material_cost =
            Money::from_ore(p.product.price.ore() * units * dice.between(8, 20) / 100);
        std::int64_t left = total;
        for (std::int64_t k = 0; k < n; ++k) {
            const DemoMaker& m = *crew[static_cast<std::size_t>(k)];
            std::int64_t share =
                k + 1 == n ? left
                           : std::max<std::int64_t>(15, left / (n - k) * dice.between(70, 130) /
                                                            100 / 5 * 5);
            share = std::min(share, left - 15 * (n - k - 1));
            left -= share;
            const std::string task = dice.pick(m.tasks);
            // Work longer than five hours is spread over the days before production.
            for (int d = 0; share > 0; ++d) {
                const std::int64_t today = std::min<std::int64_t>(share, 300);
                b.contributions.push_back(
                    {"", "", m.maker.id, today, task, date_of(day - days{d})});
                share -= today;
            }
        }
        const std::string station = stations[p.workshop_key].id;
        const Timestamp when = at_local(day, 15, static_cast<int>(dice.between(0, 59)));
        auto batch_id = std::make_shared<std::string>();
        events.push_back({when, order++,
                          [&db, station, leader, b, batch_id]() mutable -> std::optional<Message> {
                              auto r = add_batch(db, Actor{station, leader}, b);
                              if (!r)
                                  return r.error();
                              *batch_id = r.value().id;
                              return std::nullopt;
                          }});
        std::int64_t deliver = units - (dice.chance(30) ? 1 : 0);
        // Twice a mug or a bowl broke in the kiln after the batch was logged: the leader
        // corrects it the next morning, before the delivery, saying why.
        if (i == 7 || i == 29) {
            deliver = std::min(deliver, units - 1);
            events.push_back({at_local(day + days{1}, 8, 40), order++,
                              [&db, station, leader, batch_id]() -> std::optional<Message> {
                                  auto was = find_batch(db, *batch_id);
                                  if (!was)
                                      return Message(BL_N_("That batch does not exist."));
                                  BatchFix fix{was->id,
                                               was->revision,
                                               was->produced_on,
                                               was->units - 1,
                                               was->material_cost,
                                               was->notes,
                                               was->contributions,
                                               "En gik i stykker i ovnen"};
                                  for (auto& w : fix.contributions)
                                      w.id.clear();
                                  auto r = correct_batch(db, Actor{station, leader}, fix);
                                  if (!r)
                                      return r.error();
                                  return std::nullopt;
                              }});
        }
        const std::string shop_id = shop.id;
        events.push_back(
            {at_local(day + days{2}, 9, 30), order++,
             [&db, station, leader, batch_id, shop_id, deliver]() -> std::optional<Message> {
                 auto r = deliver_batch(db, Actor{station, leader}, *batch_id, shop_id, deliver);
                 if (!r)
                     return r.error();
                 return std::nullopt;
             }});
    }

    // Six documented moves out of sheltered work (five to a job, one to a flex job), each
    // recorded with the maker's consent by the workshop leader: what the impact report's
    // estimates are made from (a group of five is the smallest the report shows). Makers are
    // picked by the dice; none of them twice.
    {
        std::vector<const DemoMaker*> movers;
        for (const auto& m : makers)
            movers.push_back(&m);
        for (int i = 0; i < 6 && !movers.empty(); ++i) {
            const auto at =
                static_cast<std::size_t>(dice.below(static_cast<std::int64_t>(movers.size())));
            const DemoMaker& m = *movers[at];
            movers.erase(movers.begin() + static_cast<std::ptrdiff_t>(at));
            const sys_days day = setup_day + days{12 + i * 11};
            const auto kind =
                i < 5 ? impact::TransitionKind::job : impact::TransitionKind::flex_job;
            const std::string station = stations[m.workshop_key].id;
            const std::string maker_id = m.maker.id;
            events.push_back(
                {at_local(day, 14, 0), order++,
                 [&db, station, leader, maker_id, kind, day]() -> std::optional<Message> {
                     auto r = record_transition(db, Actor{station, leader}, maker_id, kind,
                                                date_of(day), true);
                     if (!r)
                         return r.error();
                     return std::nullopt;
                 }});
        }
    }

    // Sales: the shop is open Tuesday to Saturday, 10:00–17:30, one shift a day.
    std::vector<std::string> sold; // sale ids, for the occasional refund
    const Product* donation = nullptr;
    for (const auto& p : products)
        if (p.product.vat_rate.basis_points == 0)
            donation = &p.product;
    for (sys_days day = first_sales_day; day <= until; day += days{1}) {
        const weekday wd{day};
        if (wd == Sunday || wd == Monday)
            continue;
        events.push_back(
            {at_local(day, 9, 45), order++, [&, day]() -> std::optional<Message> {
                 const Actor clerk_at_till{till.id, clerk};
                 auto s = open_shift(db, clerk_at_till, Money::from_kroner(1000));
                 if (!s)
                     return s.error();
                 const int count = static_cast<int>(dice.between(8, 19));
                 std::vector<int> minute_of_day;
                 for (int i = 0; i < count; ++i)
                     minute_of_day.push_back(10 * 60 + static_cast<int>(dice.below(7 * 60 + 30)));
                 std::sort(minute_of_day.begin(), minute_of_day.end());
                 for (int i = 0; i < count; ++i) {
                     sim = at_local(day, minute_of_day[static_cast<std::size_t>(i)] / 60,
                                    minute_of_day[static_cast<std::size_t>(i)] % 60);
                     // A refund now and then: one unit of an earlier sale, back to its tender.
                     if (!sold.empty() && dice.chance(2)) {
                         auto orig = find_sale(db, dice.pick(sold));
                         if (orig && !orig->refund_of) {
                             const SaleLine& ol = orig->lines.front();
                             if (refunded_quantity(db, orig->id, ol.line_no) < ol.quantity) {
                                 Sale r;
                                 SaleLine l;
                                 l.product_id = ol.product_id;
                                 l.description = ol.description;
                                 l.quantity = -1;
                                 l.unit_price = ol.unit_price;
                                 l.discount = Money::from_ore(-(ol.discount.ore() / ol.quantity));
                                 l.vat_rate = ol.vat_rate;
                                 l.refund_of_sale_id = orig->id;
                                 l.refund_of_line_no = ol.line_no;
                                 r.lines.push_back(l);
                                 const Money total = r.total();
                                 Payment p{orig->payments.front().tender, total, {}, {}, {}, {}};
                                 if (p.tender == Tender::cash) {
                                     p.amount = round_cash(total);
                                     p.rounding = p.amount - total;
                                 }
                                 r.payments.push_back(p);
                                 auto done = record_sale(db, clerk_at_till, r);
                                 if (!done)
                                     return done.error();
                                 continue;
                             }
                         }
                     }
                     Sale sale;
                     const std::int64_t lines = dice.chance(55) ? 1 : dice.chance(70) ? 2 : 3;
                     for (std::int64_t k = 0; k < lines; ++k) {
                         std::vector<std::pair<const Product*, std::vector<OpenBatch>>> stocked;
                         for (const auto& p : products)
                             if (!p.workshop_key.empty()) {
                                 auto open = open_batches(db, p.product.id);
                                 if (!open.empty())
                                     stocked.push_back({&p.product, std::move(open)});
                             }
                         if (stocked.empty())
                             break;
                         const auto& [prod, open] = dice.pick(stocked);
                         SaleLine l;
                         l.product_id = prod->id;
                         l.description = prod->name;
                         l.quantity = dice.chance(85) ? 1 : 2;
                         l.unit_price = prod->price;
                         l.vat_rate = prod->vat_rate;
                         if (dice.chance(60))
                             l.scanned_batch_id = dice.pick(open).batch_id;
                         if (dice.chance(5)) // 10 % off a slightly flawed piece
                             l.discount = Money::from_ore(l.unit_price.ore() * l.quantity / 10);
                         sale.lines.push_back(l);
                     }
                     if (donation && dice.chance(6)) {
                         SaleLine l;
                         l.product_id = donation->id;
                         l.description = donation->name;
                         l.quantity = 1;
                         l.unit_price = donation->price;
                         l.vat_rate = donation->vat_rate;
                         sale.lines.push_back(l);
                     }
                     if (sale.lines.empty())
                         continue;
                     const Money total = sale.total();
                     const std::int64_t how = dice.below(100);
                     Payment p;
                     if (how < 25) {
                         p.tender = Tender::cash;
                         p.amount = round_cash(total);
                         p.rounding = p.amount - total;
                         p.tendered = cash_tendered(p.amount, dice);
                         p.change = p.tendered - p.amount;
                     } else if (how < 70) {
                         p.tender = Tender::card;
                         p.amount = total;
                         p.reference = "Terminal " + std::to_string(100000 + dice.below(900000));
                     } else {
                         p.tender = Tender::mobilepay;
                         p.amount = total;
                     }
                     sale.payments.push_back(p);
                     auto done = record_sale(db, clerk_at_till, sale);
                     if (!done)
                         return done.error();
                     sold.push_back(done.value().id);
                 }
                 sim = at_local(day, 17, 45);
                 const ShiftTotals t = shift_totals(db, s.value().id);
                 Money counted = t.expected_cash;
                 if (dice.chance(20))
                     counted += Money::from_ore(dice.chance(50) ? -50 : 20'00);
                 auto z = close_shift(db, clerk_at_till, s.value().id, counted);
                 if (!z)
                     return z.error();
                 return std::nullopt;
             }});
    }

    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
        return a.at != b.at ? a.at < b.at : a.order < b.order;
    });
    for (auto& e : events) {
        sim = e.at;
        if (auto problem = e.run())
            return fail(*problem);
    }
    return summarize(db, o.assets_dir);
}

DemoSummary summarize(Database& db, const std::string& assets_dir) {
    DemoSummary s;
    if (auto d = local_device(db)) {
        s.device = d->name;
        if (d->shop_id)
            if (auto shop = find_shop(db, *d->shop_id))
                s.shop = shop->name + ", " + shop->address + ", " + shop->postcode + " " +
                         shop->city + " (CVR " + shop->cvr + ")";
    }
    const StoreCounts c = count_store(db);
    s.workshops = c.workshops;
    s.makers = c.makers;
    s.named_on_receipts = c.named_on_receipts;
    s.products = c.products;
    s.batches = c.batches;
    s.logged_minutes = c.logged_minutes;
    s.sales = c.sales;
    s.refunds = c.refunds;
    s.revenue_ore = c.revenue_ore;
    s.shifts = c.shifts;
    s.journal_rows = c.journal_rows;
    s.outbox_pending = c.outbox_pending;
    if (c.first_sale)
        s.first_sale = format_copenhagen(*c.first_sale);
    if (c.last_sale)
        s.last_sale = format_copenhagen(*c.last_sale);
    if (auto rows = read_table(assets_dir + "/demo/staff.csv", 3))
        for (const auto& r : rows.value())
            s.logins.push_back({r.fields[0], r.fields[1], r.fields[2]});
    return s;
}

} // namespace bl
