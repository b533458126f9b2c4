// Commits sales (and now and then a Z close and a new shift) in a loop, and after each
// commit writes one line to stdout: "sale <id> <receipt number>" or "z <shift id>". As the
// till does, the cart of each sale is kept ("cart <seed>-<n>") before the sale commits; its lines
// are marked "#<seed>-<n>".
// Killed with SIGKILL by tests/crash/crash_test.cpp at random moments.

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "shared/core/cash_rounding.hpp"
#include "shared/store/catalogue.hpp"
#include "shared/store/kept_carts.hpp"
#include "shared/store/sales.hpp"

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: crash_child DB TILL_ID STAFF_ID PRODUCT_ID SEED\n");
        return 2;
    }
    bl::Database db(argv[1]);
    const bl::Actor actor{argv[2], argv[3]};
    const auto product = bl::find_product(db, argv[4]);
    if (!product)
        return 3;
    std::mt19937_64 rng(std::strtoull(argv[5], nullptr, 10));
    for (int i = 0;; ++i) {
        if (!bl::current_shift(db, actor.device_id)) {
            if (!bl::open_shift(db, actor, bl::Money::from_kroner(1000)))
                return 4;
        }
        if (i % 25 == 24) {
            const auto shift = *bl::current_shift(db, actor.device_id);
            const auto t = bl::shift_totals(db, shift.id);
            if (!bl::close_shift(db, actor, shift.id, t.expected_cash))
                return 5;
            std::printf("z %s\n", shift.id.c_str());
            std::fflush(stdout);
            continue;
        }
        const std::string mark = std::string(argv[5]) + "-" + std::to_string(i); // unique per run
        if (!bl::keep_carts(db, bl::KeptCarts{"cart " + mark, {}}))
            return 7;
        bl::Sale sale;
        const int lines = 1 + static_cast<int>(rng() % 5);
        for (int l = 0; l < lines; ++l) {
            bl::SaleLine line;
            line.product_id = product->id;
            line.description = product->name + " #" + mark;
            line.quantity = 1 + static_cast<std::int64_t>(rng() % 2);
            line.unit_price = product->price;
            line.vat_rate = product->vat_rate;
            sale.lines.push_back(line);
        }
        bl::Payment p;
        p.tender = bl::Tender::cash;
        p.amount = bl::round_cash(sale.total());
        p.rounding = p.amount - sale.total();
        p.tendered = p.amount;
        sale.payments = {p};
        auto r = bl::record_sale(db, actor, sale);
        if (!r) {
            std::fprintf(stderr, "%s\n", bl::render(r.error()).c_str());
            return 6;
        }
        // Reported only after the commit returned: the parent may count on every line.
        std::printf("sale %s %lld\n", r.value().id.c_str(),
                    static_cast<long long>(r.value().receipt_number));
        std::fflush(stdout);
    }
}
