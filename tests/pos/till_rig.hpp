#pragma once
// The till's flows with fake views (recording what each screen was told) and a fake receipt
// outlet, on a real store (test::Shop). Shared by the flow tests.

#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "../store/fixture.hpp"
#include "pos/model/till.hpp"
#include "pos/wiring/store_till.hpp"
#include "shared/store/kept_carts.hpp"

namespace test {

struct FakeView : bl::pos::MessageView,
                  bl::pos::StatusView,
                  bl::pos::LoginView,
                  bl::pos::ApprovalView,
                  bl::pos::SaleView,
                  bl::pos::MenuView,
                  bl::pos::PaymentView,
                  bl::pos::DoneView,
                  bl::pos::ReceiptLookupView,
                  bl::pos::RefundView,
                  bl::pos::OpenShiftView,
                  bl::pos::XReportView,
                  bl::pos::CloseDayView,
                  bl::pos::ZReportView,
                  bl::pos::SettingsView,
                  bl::pos::ImportView {
    std::string screen;
    std::vector<std::string> problems, news;
    std::size_t cart_lines = 0;
    bl::Money total, remaining, change, x_gross, refund_total, paid_out;
    std::int64_t unsent = 0;
    std::string staff_name, till_name, mobilepay_name, suggested, approval_for;
    std::vector<bl::StaffUser> staff;
    std::vector<bl::Product> found;
    std::vector<bl::Sale> todays;
    std::int64_t next_quantity = 1;
    std::size_t typed_cleared = 0;
    std::size_t approvers = 0, parked = 0, import_valid = 0, catalogue_reloads = 0, cleared = 0;
    std::vector<std::string> import_rejected;
    bl::pos::TillSettings settings;
    bool training = false;
    bool impact_offered = false; ///< the change screen offers "Bag om tingene"
    std::optional<bl::Money> float_suggested;
    bl::pos::DrawerCount count;
    std::int64_t z_number = 0;
    bl::receipts::ReceiptText z_text;
    bl::pos::DrawerCount z_count;
    std::vector<std::pair<bl::pos::ZStep, std::string>> z_steps;
    bl::pos::OrganiserActions organiser_actions = bl::pos::OrganiserActions::never;

    bl::pos::TillViews views() {
        return {*this, *this, *this, *this, *this, *this, *this, *this,
                *this, *this, *this, *this, *this, *this, *this, *this};
    }

    void show_problem(const bl::Message& m) override {
        problems.push_back(bl::render(m));
        asked = nullptr;
    }
    void show_news(const bl::Message& m) override {
        news.push_back(bl::render(m));
        asked = nullptr;
    }
    /// The message bar was cleared: what it said is stale.
    void clear() override {
        ++cleared;
        asked = nullptr;
    }
    void ask(const bl::Message& q, const bl::Message&, std::function<void()> yes) override {
        question = bl::render(q);
        asked = std::move(yes);
    }
    /// Answers the question asked last ("yes"); false when none is open.
    bool answer() {
        auto yes = std::exchange(asked, nullptr);
        if (yes)
            yes();
        return static_cast<bool>(yes);
    }
    std::string question;
    std::function<void()> asked;
    void show_status(const std::string& name, std::int64_t n, std::optional<bl::Timestamp>,
                     const std::string& till) override {
        staff_name = name;
        unsent = n;
        till_name = till;
    }
    void show_login(const std::vector<bl::StaffUser>& s) override {
        screen = "login";
        staff = s;
    }
    void show_approval(const std::vector<bl::StaffUser>& o, const bl::Message& why) override {
        screen = "approval";
        approvers = o.size();
        approval_for = bl::render(why);
    }
    void show_sale(const bl::pos::Cart& c, const bl::pos::CartTotals& t) override {
        screen = "sale";
        cart_lines = c.lines().size();
        total = t.total;
    }
    void show_menu(bl::pos::OrganiserActions a, bool) override {
        screen = "menu";
        organiser_actions = a;
    }
    void show_search_results(const std::vector<bl::Product>& f) override { found = f; }
    void show_next_quantity(std::int64_t q) override { next_quantity = q; }
    void clear_typed() override { ++typed_cleared; }
    void show_parked(std::size_t n) override { parked = n; }
    void show_new_catalogue() override { ++catalogue_reloads; }
    void show_training(bool on) override { training = on; }
    void show_payment(const bl::pos::TenderSession& t, const std::string& name) override {
        screen = "payment";
        remaining = t.remaining();
        mobilepay_name = name;
    }
    void show_done(const bl::Sale&, bl::Money c, bool impact) override {
        screen = "done";
        change = c;
        impact_offered = impact;
    }
    void show_refund_done(const bl::Sale&, bl::Money paid, bl::Tender,
                          const std::string&) override {
        screen = "refund_done";
        paid_out = paid;
    }
    void show_receipt_lookup(bl::pos::ReceiptLookup purpose, const std::string& s,
                             const std::vector<bl::Sale>& today) override {
        screen = purpose == bl::pos::ReceiptLookup::copy ? "copy_lookup" : "refund_lookup";
        suggested = s;
        todays = today;
    }
    void show_refund(const bl::pos::RefundDraft& d, const std::string&) override {
        screen = "refund";
        refund_total = d.total();
    }
    void show_open_shift(const std::string&, std::optional<bl::Money> left) override {
        screen = "open_shift";
        float_suggested = left;
    }
    void show_x_report(const bl::ShiftTotals& t, const std::string& name) override {
        screen = "x_report";
        x_gross = t.gross;
        mobilepay_name = name;
    }
    void show_close_shift(const bl::ShiftTotals&, const std::string&) override {
        screen = "close_shift";
    }
    void show_count(const bl::pos::DrawerCount& c) override { count = c; }
    void show_z_report(std::int64_t number, const bl::receipts::ReceiptText& r,
                       const bl::pos::DrawerCount& c) override {
        screen = "z_report";
        z_count = c;
        z_number = number;
        z_text = r;
        z_steps.clear();
    }
    void show_z_step(bl::pos::ZStep step, const std::optional<bl::Message>& problem) override {
        z_steps.emplace_back(step, problem ? bl::render(*problem) : std::string());
    }
    void show_settings(const bl::pos::TillSettings& t) override {
        screen = "settings";
        settings = t;
    }
    void show_import(const bl::ImportPlan& p) override {
        screen = "import";
        import_valid = p.valid.size();
        import_rejected.clear();
        for (const auto& r : p.rejected)
            import_rejected.push_back(std::to_string(r.line) + ": " + bl::render(r.reason));
    }
};

struct Sink : bl::pos::ReceiptSink {
    std::vector<bl::receipts::ReceiptText> printed;
    int drawer_kicks = 0;
    std::string printer;
    std::optional<bl::Message> use_printer(const std::string& setting) override {
        if (!setting.empty() && setting.find(':') == std::string::npos && setting[0] != '/')
            return bl::Message("not a printer address");
        printer = setting;
        return std::nullopt;
    }
    void open_drawer(bl::pos::Reply done) override {
        ++drawer_kicks;
        done(std::nullopt);
    }
    /// Delivers at once, or (`hold`) keeps the answer until answer_held() is called, as a
    /// printer that is off keeps the background waiting; `failing` makes it a problem.
    void deliver(const bl::receipts::ReceiptText& r, bl::pos::Reply done) override {
        printed.push_back(r);
        if (hold) {
            held.push_back(std::move(done));
            return;
        }
        done(failing ? std::optional<bl::Message>(*failing) : std::nullopt);
    }
    void answer_held() {
        for (auto& d : std::exchange(held, {}))
            d(failing ? std::optional<bl::Message>(*failing) : std::nullopt);
    }
    bool hold = false;
    std::optional<bl::Message> failing;
    std::vector<bl::pos::Reply> held;
};

/// Whether any line of a printed receipt contains `part`.
inline bool has_line(const bl::receipts::ReceiptText& r, const std::string& part) {
    for (const auto& l : r.lines)
        if (l.text.find(part) != std::string::npos)
            return true;
    return false;
}

/// How many journal rows of a kind the till's database holds.
inline std::int64_t journaled(bl::Database& db, const std::string& kind) {
    return count(db, "SELECT count(*) FROM journal WHERE kind = '" + kind + "'");
}

/// Makes the journal refuse every new row (as a full disk would), or take them again.
inline void journal_refuses(bl::Database& db, bool refuse) {
    exec(db, refuse ? "CREATE TEMP TRIGGER journal_full BEFORE INSERT ON journal BEGIN "
                      "SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END"
                    : "DROP TRIGGER journal_full");
}

/// A till on a real store with fake views and receipt outlet; optionally an organiser,
/// Lise (PIN 2468), besides the fixture's Mette and Jonas.
struct Rig {
    Shop s;
    std::optional<bl::StaffUser> lise;
    bl::pos::StoreTill store;
    FakeView view;
    Sink sink;
    bl::pos::Till till;
    explicit Rig(bool open_shift = true, bool with_organiser = false)
        : s(open_shift), lise(with_organiser ? add_organiser(s) : std::nullopt), store(*s.db),
          till(store.ports(sink), view.views()) {}
    static std::optional<bl::StaffUser> add_organiser(Shop& shop) {
        auto u = bl::add_staff(
            *shop.db, {shop.till.id, {}},
            bl::StaffUser{"", "Lise", bl::StaffRole::organiser, demo_pin_hash(), true});
        REQUIRE(u.ok());
        return u.value();
    }
    const bl::pos::Cart& cart() const { return till.state().cart; }
};

/// Another till process on the same database, as after a restart or a power cut.
struct Restarted {
    FakeView view;
    Sink sink;
    bl::pos::StoreTill store;
    bl::pos::Till till;
    explicit Restarted(bl::Database& db) : store(db), till(store.ports(sink), view.views()) {}
    const bl::pos::Cart& cart() const { return till.state().cart; }
};

} // namespace test
