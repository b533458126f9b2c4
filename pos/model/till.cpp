#include "pos/model/till.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "shared/core/barcode.hpp"
#include "shared/core/text.hpp"

namespace bl::pos {

TillPresenter::TillPresenter(TillStore& store, TillView& view, ReceiptSink& receipts)
    : m_store(store), m_view(view), m_receipts(receipts) {}

StaffRole TillPresenter::effective_role() const {
    StaffRole r = m_staff ? m_staff->role : StaffRole::staff;
    if (m_approver && role_at_least(m_approver->role, r))
        r = m_approver->role;
    return r;
}

bool TillPresenter::allowed(const char* refusal) {
    if (role_at_least(effective_role(), StaffRole::organiser))
        return true;
    m_view.show_problem(Message(refusal));
    return false;
}

bool TillPresenter::gate(const char* refusal) {
    if (role_at_least(effective_role(), StaffRole::organiser)) {
        m_approver.reset(); // an approval covers one action
        return true;
    }
    m_view.show_problem(Message(refusal));
    return false;
}

void TillPresenter::ask_approval() {
    if (need_login())
        return;
    std::vector<StaffUser> organisers;
    for (const auto& u : m_store.staff_list())
        if (role_at_least(u.role, StaffRole::organiser) && u.id != m_staff->id)
            organisers.push_back(u);
    if (organisers.empty()) {
        m_view.show_problem(Message(BL_N_("There is no other organiser who could approve.")));
        return;
    }
    m_view.show_approval(organisers);
}

void TillPresenter::approve(const std::string& organiser_id, const std::string& pin) {
    if (need_login())
        return;
    auto who = m_store.find(organiser_id);
    if (!who || !role_at_least(who->role, StaffRole::organiser)) {
        m_view.show_problem(Message(BL_N_("Only an organiser can approve.")));
        return;
    }
    auto r = pos::log_in(m_store, organiser_id, pin, m_store.now(), true);
    if (!r) {
        m_view.show_problem(r.error());
        return;
    }
    m_approver = r.value();
    m_view.show_approved(r.value().name);
    refresh_sale();
}

Permissions TillPresenter::permissions() const {
    Money limit = Money::from_kroner(50);
    if (auto m = parse_money(m_settings.discount_limit); m && !m.value().is_negative())
        limit = m.value();
    return Permissions{effective_role(), limit};
}

std::optional<Money> TillPresenter::read_money(const std::string& typed) {
    auto m = parse_money(typed);
    if (!m) {
        m_view.show_problem(m.error());
        return std::nullopt;
    }
    return m.value();
}

std::vector<std::pair<std::string, std::int64_t>> TillPresenter::categories() {
    return m_store.categories();
}

std::vector<Product> TillPresenter::products_in(const std::string& category, int limit) {
    return m_store.products_in(category, limit);
}

// Settings are read once per login and after saving, not on every sale or screen.
void TillPresenter::load_settings() {
    TillSettings t;
    t.printer = m_store.setting("printer").value_or("");
    t.mobilepay_name = m_store.setting("mobilepay_name").value_or("MobilePay");
    t.discount_limit = m_store.setting("discount_limit").value_or("50,00");
    t.impact_block = m_store.setting("impact_block").value_or("off") == "on";
    t.receipt_footer = m_store.setting("receipt_footer").value_or("Tak for dit køb!");
    t.language = m_store.setting("language").value_or("da");
    t.shop = m_store.shop();
    m_settings = t;
}

receipts::ReceiptData TillPresenter::receipt_base() {
    receipts::ReceiptData data;
    data.shop = m_settings.shop;
    const Device device = m_store.device();
    data.till_name = device.name;
    data.device_number = device.number;
    data.staff_name = m_staff ? m_staff->name : std::string();
    data.mobilepay_name = m_settings.mobilepay_name;
    if (!m_settings.receipt_footer.empty())
        data.footer = {m_settings.receipt_footer};
    return data;
}

void TillPresenter::import_catalogue(const std::string& path) {
    if (need_login())
        return;
    if (!allowed(BL_N_("Only an organiser can change the settings.")))
        return;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        m_view.show_problem(Message(BL_N_("The file %s could not be opened."), {path}));
        return;
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.size() > 5'000'000) {
        m_view.show_problem(Message(BL_N_("The file is larger than 5 MB; a catalogue is much "
                                          "smaller. Check that it is the right file.")));
        return;
    }
    auto plan =
        plan_catalogue_import(text, m_store.workshops_by_name(), [this](const std::string& code) {
            return m_store.product_by_barcode(code).has_value();
        });
    if (!plan) {
        m_view.show_problem(plan.error());
        return;
    }
    m_import = plan.value();
    m_view.show_import(*m_import);
}

void TillPresenter::confirm_import() {
    if (!m_import || need_login())
        return;
    if (!gate(BL_N_("Only an organiser can change the settings.")))
        return;
    if (m_import->valid.empty()) {
        m_view.show_problem(Message(BL_N_("No row in the file can be imported.")));
        return;
    }
    auto r = m_store.add_products(m_staff->id, m_import->valid);
    if (!r) {
        // Nothing was imported (one transaction); say why, for the row that was refused.
        m_view.show_problem(r.error().second);
        return;
    }
    m_import.reset();
    m_view.show_import_done(r.value());
}

void TillPresenter::park() {
    if (need_login() || part_paid())
        return;
    if (m_cart.empty()) {
        m_view.show_problem(Message(BL_N_("The sale has no items. Scan or choose an item "
                                          "first.")));
        return;
    }
    m_parked.push_back(m_cart);
    m_cart.clear();
    m_view.show_parked(m_parked.size());
    refresh_sale();
}

void TillPresenter::resume() {
    if (need_login())
        return;
    if (m_parked.empty()) {
        m_view.show_problem(Message(BL_N_("No sale is parked.")));
        return;
    }
    if (!m_cart.empty()) {
        m_view.show_problem(Message(BL_N_("Park or finish the current sale first.")));
        return;
    }
    m_cart = m_parked.front();
    m_parked.erase(m_parked.begin());
    m_view.show_parked(m_parked.size());
    refresh_sale();
}

void TillPresenter::open_settings() {
    if (need_login())
        return;
    if (!allowed(BL_N_("Only an organiser can change the settings.")))
        return;
    m_view.show_settings(m_settings);
}

void TillPresenter::save_settings(const TillSettings& typed) {
    if (need_login())
        return;
    if (!gate(BL_N_("Only an organiser can change the settings.")))
        return;
    // Check everything first, so a typo saves nothing.
    auto name = clean_text(typed.mobilepay_name,
                           TextRules{1, 20, false, BL_N_("Name of the mobile payment")});
    if (!name) {
        m_view.show_problem(name.error());
        return;
    }
    auto limit = read_money(typed.discount_limit);
    if (!limit)
        return;
    if (limit->is_negative()) {
        m_view.show_problem(Message(BL_N_("A price cannot be negative.")));
        return;
    }
    auto footer = clean_text(typed.receipt_footer,
                             TextRules{0, 48, false, BL_N_("Last line on the receipt")});
    if (!footer) {
        m_view.show_problem(footer.error());
        return;
    }
    if (typed.language != "da" && typed.language != "en") {
        m_view.show_problem(Message(BL_N_("The till speaks Danish (da) or English (en).")));
        return;
    }
    std::string printer = typed.printer;
    while (!printer.empty() && printer.back() == ' ')
        printer.pop_back();
    if (auto p = m_receipts.use_printer(printer)) {
        m_view.show_problem(*p); // not a printer address: nothing is saved
        return;
    }
    const TillSettings before = m_settings;
    SettingsChange change;
    if (typed.shop.name != before.shop.name || typed.shop.address != before.shop.address ||
        typed.shop.postcode != before.shop.postcode || typed.shop.city != before.shop.city ||
        typed.shop.cvr != before.shop.cvr) {
        change.shop = typed.shop;
        change.shop->id = before.shop.id;
    }
    auto save = [&](const char* key, const std::string& old_value, const std::string& value) {
        if (old_value != value)
            change.settings.emplace_back(key, value);
    };
    save("printer", before.printer, printer);
    save("mobilepay_name", before.mobilepay_name, name.value());
    save("discount_limit", before.discount_limit, format_amount(*limit));
    save("impact_block", before.impact_block ? "on" : "off", typed.impact_block ? "on" : "off");
    save("receipt_footer", before.receipt_footer, footer.value());
    save("language", before.language, typed.language);
    if (auto problem = m_store.save_settings(m_staff->id, change)) {
        m_view.show_problem(*problem); // nothing was saved
        (void)m_receipts.use_printer(before.printer);
        return;
    }
    load_settings();
    refresh_sale();
}

void TillPresenter::start() {
    m_staff.reset();
    load_settings();
    if (m_training) {
        // A practice basket is not kept for whoever logs in next.
        m_training = false;
        m_view.show_training(false);
        m_cart.clear();
    }
    m_tender.reset();
    if (!m_started) {
        m_started = true;
        restore_carts();
    }
    // The open cart stays for the next login (after a logout, or a restart).
    keep_carts();
    m_view.show_login(m_store.staff_list());
    refresh_status();
}

void TillPresenter::restore_carts() {
    m_kept = m_store.kept_carts();
    std::size_t dropped = 0, lines_dropped = 0;
    // The open cart's text carries its part payments as lines of their own.
    std::string cart_text, payments_text;
    for (const std::string_view line : split(m_kept.open, '\n')) {
        std::string& into = is_saved_payment(line) ? payments_text : cart_text;
        (into += into.empty() ? "" : "\n") += line;
    }
    m_cart = Cart::restore(cart_text, m_store, lines_dropped);
    dropped += lines_dropped;
    m_taken =
        m_cart.empty() ? std::vector<Payment>{} : restore_payments(payments_text, lines_dropped);
    dropped += m_cart.empty() ? 0 : lines_dropped;
    m_parked.clear();
    for (const auto& saved : m_kept.parked) {
        Cart c = Cart::restore(saved, m_store, lines_dropped);
        dropped += lines_dropped;
        if (!c.empty())
            m_parked.push_back(std::move(c));
    }
    if (!m_taken.empty()) {
        Money paid;
        for (const auto& p : m_taken)
            paid += p.amount;
        m_restored_paid = Message(BL_N_("%s of the open sale was already paid before the till "
                                        "stopped. It counts when you press Pay."),
                                  {format_dkk(paid)});
    }
    if (m_cart.empty() && m_parked.empty() && dropped == 0)
        return;
    std::int64_t items = 0;
    for (const auto& l : m_cart.lines())
        items += l.quantity;
    const std::string in_open = std::to_string(items), parked = std::to_string(m_parked.size());
    m_restored = dropped == 0
                     ? Message(BL_N_("Sales not yet paid when the till stopped are back: %s "
                                     "items in the open sale, %s parked sales."),
                               {in_open, parked})
                     : Message(BL_N_("Sales not yet paid when the till stopped are back: %s "
                                     "items in the open sale, %s parked sales. %s lines could "
                                     "not be brought back: their items are no longer in the "
                                     "catalogue."),
                               {in_open, parked, std::to_string(dropped)});
}

void TillPresenter::keep_carts() {
    if (m_training)
        return; // practice sales are not kept
    KeptCarts now;
    now.open = m_cart.save();
    if (!now.open.empty() && !taken().empty())
        now.open += "\n" + save_payments(taken());
    for (const auto& c : m_parked)
        now.parked.push_back(c.save());
    if (now == m_kept)
        return;
    if (auto problem = m_store.keep_carts(now)) {
        if (!m_keeping_failed) // said once, not on every scan until it works again
            m_view.show_problem(*problem);
        m_keeping_failed = true;
        return;
    }
    m_keeping_failed = false;
    m_kept = now;
}

bool TillPresenter::need_login() {
    if (m_staff)
        return false;
    m_view.show_problem(Message(BL_N_("Log in before selling.")));
    return true;
}

void TillPresenter::refresh_status() {
    m_view.show_status(m_staff ? m_staff->name : std::string(), m_store.unsent(),
                       m_store.last_sync());
}

void TillPresenter::refresh_sale() {
    m_view.show_sale(m_cart, m_cart.totals());
    keep_carts();
}

void TillPresenter::log_in(const std::string& staff_id, const std::string& pin) {
    auto r = pos::log_in(m_store, staff_id, pin, m_store.now());
    if (!r) {
        m_view.show_problem(r.error());
        return;
    }
    m_staff = r.value();
    refresh_status();
    if (!m_store.current_shift())
        m_view.show_open_shift(m_staff->name);
    else
        refresh_sale();
    m_view.show_parked(m_parked.size());
    if (m_restored) {
        m_view.show_problem(*m_restored);
        m_restored.reset();
    }
    if (m_restored_paid) { // money: said last, so it is what stays on screen
        m_view.show_problem(*m_restored_paid);
        m_restored_paid.reset();
    }
}

void TillPresenter::log_out() {
    if (m_staff)
        m_store.logout(m_staff->id);
    start();
}

void TillPresenter::open_shift(const std::string& counted_float) {
    if (need_login())
        return;
    auto amount = read_money(counted_float);
    if (!amount)
        return;
    auto s = m_store.open_shift(m_staff->id, *amount);
    if (!s) {
        m_view.show_problem(s.error());
        return;
    }
    refresh_status();
    refresh_sale();
}

void TillPresenter::scan(const std::string& code) {
    if (need_login())
        return;
    auto r = m_cart.scan(code, m_store);
    if (!r)
        m_view.show_problem(r.error());
    refresh_sale();
}

void TillPresenter::add_product(const std::string& product_id) {
    if (need_login())
        return;
    auto p = m_store.product_by_id(product_id);
    if (!p) {
        m_view.show_problem(Message(BL_N_("That item no longer exists in the catalogue.")));
        return;
    }
    auto r = m_cart.add(*p);
    if (!r)
        m_view.show_problem(r.error());
    refresh_sale();
}

std::vector<Product> TillPresenter::search(const std::string& query) {
    return m_store.search(query);
}

void TillPresenter::increment(std::size_t line) {
    if (auto p = m_cart.increment(line))
        m_view.show_problem(*p);
    refresh_sale();
}

void TillPresenter::decrement(std::size_t line) {
    if (auto p = m_cart.decrement(line))
        m_view.show_problem(*p);
    refresh_sale();
}

void TillPresenter::remove(std::size_t line) {
    if (auto p = m_cart.remove(line))
        m_view.show_problem(*p);
    refresh_sale();
}

void TillPresenter::set_quantity(std::size_t line, const std::string& typed) {
    std::int64_t q = 0;
    bool digits = !typed.empty() && typed.size() <= 6;
    for (char c : typed)
        digits = digits && c >= '0' && c <= '9';
    if (!digits) {
        m_view.show_problem(Message(BL_N_("\"%s\" is not a quantity. Type a whole number, "
                                          "for example 2."),
                                    {typed.substr(0, 20)}));
        return;
    }
    q = std::stoll(typed);
    if (auto p = m_cart.set_quantity(line, q))
        m_view.show_problem(*p);
    refresh_sale();
}

void TillPresenter::discount_line(std::size_t line, const std::string& typed) {
    if (need_login())
        return;
    auto d = parse_discount(typed);
    if (!d) {
        m_view.show_problem(d.error());
        return;
    }
    if (auto p = m_cart.set_line_discount(line, d.value(), permissions()))
        m_view.show_problem(*p);
    else
        m_approver.reset();
    refresh_sale();
}

void TillPresenter::discount_basket(const std::string& typed) {
    if (need_login())
        return;
    auto d = parse_discount(typed);
    if (!d) {
        m_view.show_problem(d.error());
        return;
    }
    if (auto p = m_cart.set_basket_discount(d.value(), permissions()))
        m_view.show_problem(*p);
    else
        m_approver.reset();
    refresh_sale();
}

void TillPresenter::override_price(std::size_t line, const std::string& typed) {
    if (need_login())
        return;
    auto price = read_money(typed);
    if (!price)
        return;
    const Money before = line < m_cart.lines().size() ? m_cart.lines()[line].unit_price : Money{};
    if (auto p = m_cart.override_price(line, *price, permissions()))
        m_view.show_problem(*p);
    else {
        m_approver.reset();
        (void)m_store.journal(m_staff->id, JournalKind::price_override,
                              JsonObject{{"product_id", m_cart.lines()[line].product.id},
                                         {"old_price_ore", before.ore()},
                                         {"new_price_ore", price->ore()}});
    }
    refresh_sale();
}

void TillPresenter::pay() {
    if (need_login())
        return;
    if (m_cart.empty()) {
        m_view.show_problem(Message(BL_N_("The sale has no items. Scan or choose an item "
                                          "first.")));
        return;
    }
    if (!m_store.current_shift()) {
        m_view.show_open_shift(m_staff->name);
        return;
    }
    // Part payments already taken (before the till stopped) count towards this sale.
    const std::vector<Payment> earlier = taken();
    m_tender = std::make_unique<TenderSession>(m_cart.totals().total);
    m_taken.clear();
    for (const auto& p : earlier) {
        auto r = p.tender == Tender::cash   ? m_tender->pay_cash(p.tendered)
                 : p.tender == Tender::card ? m_tender->pay_card(p.amount, p.reference)
                                            : m_tender->pay_mobilepay(p.amount, p.reference);
        if (!r)
            m_view.show_problem(r.error());
    }
    m_view.show_payment(*m_tender);
}

void TillPresenter::pay_cash(const std::string& handed_over) {
    // A scanner used on the payment screen types a barcode into the amount field.
    const bool digits_only = handed_over.size() >= 8 &&
                             handed_over.find_first_not_of("0123456789\r\n") == std::string::npos;
    if (digits_only && classify_barcode(handed_over)) {
        m_view.show_problem(Message(BL_N_("That is a barcode, not an amount. To add the item, "
                                          "go back to the sale (Esc) and scan it there.")));
        return;
    }
    if (auto amount = read_money(handed_over))
        pay_cash_amount(*amount);
}

void TillPresenter::pay_cash_amount(Money handed_over) {
    if (!m_tender)
        return;
    auto r = m_tender->pay_cash(handed_over);
    if (!r) {
        m_view.show_problem(r.error());
        return;
    }
    finish_if_settled();
}

void TillPresenter::pay_card(const std::string& reference) {
    if (!m_tender)
        return;
    auto r = m_tender->pay_card(std::nullopt, reference);
    if (!r) {
        m_view.show_problem(r.error());
        return;
    }
    finish_if_settled();
}

void TillPresenter::pay_mobilepay() {
    if (!m_tender)
        return;
    auto r = m_tender->pay_mobilepay(std::nullopt);
    if (!r) {
        m_view.show_problem(r.error());
        return;
    }
    finish_if_settled();
}

void TillPresenter::pay_card_part(const std::string& amount, const std::string& reference) {
    pay_exactly(Tender::card, amount, reference);
}

void TillPresenter::pay_mobilepay_part(const std::string& amount) {
    pay_exactly(Tender::mobilepay, amount, {});
}

void TillPresenter::pay_exactly(Tender tender, const std::string& amount,
                                const std::string& reference) {
    if (!m_tender)
        return;
    std::optional<Money> a; // none typed: the rest
    if (!amount.empty()) {
        a = read_money(amount);
        if (!a)
            return;
    }
    auto r = tender == Tender::card ? m_tender->pay_card(a, reference.substr(0, 40))
                                    : m_tender->pay_mobilepay(a);
    if (!r) {
        m_view.show_problem(r.error());
        return;
    }
    finish_if_settled();
}

void TillPresenter::cancel_payment() {
    if (m_tender && !m_tender->payments().empty()) {
        // Money has changed hands (a card or MobilePay part, or cash in the drawer): the till
        // must not forget it by going back.
        Money paid;
        for (const auto& p : m_tender->payments())
            paid += p.amount;
        m_view.show_problem(Message(BL_N_("%s of this sale is already paid. Take the rest, or "
                                          "undo the part payments (and give the money back) "
                                          "first."),
                                    {format_dkk(paid)}));
        return;
    }
    m_tender.reset();
    m_refund.reset();
    refresh_sale();
}

void TillPresenter::undo_payment() {
    if (!m_tender || m_tender->payments().empty())
        return;
    const Payment p = m_tender->payments().back();
    m_tender->undo_last();
    (void)m_store.journal(m_staff->id, JournalKind::part_payment_undone,
                          JsonObject{{"tender", std::string(to_string(p.tender))},
                                     {"amount_ore", p.amount.ore()},
                                     {"reference", p.reference}});
    keep_carts();
    m_view.show_payment(*m_tender);
}

void TillPresenter::finish_if_settled() {
    if (!m_tender->settled()) {
        keep_carts(); // a part payment is kept with the cart
        m_view.show_payment(*m_tender);
        return;
    }
    Sale sale;
    sale.lines = m_cart.sale_lines();
    sale.payments = m_tender->payments();
    sale.training = m_training;
    // The sale is recorded in one transaction before anything is printed or shown as done.
    auto done = m_store.record_sale(m_staff->id, sale);
    if (!done) {
        m_view.show_problem(done.error());
        m_tender->undo_last();
        keep_carts();
        m_view.show_payment(*m_tender);
        return;
    }
    const Money change = m_tender->change();
    receipts::ReceiptData data = receipt_of(done.value());
    m_cart.clear();
    if (!sale.training)
        m_kept.open.clear(); // the store took the kept open cart away with the sale
    m_tender.reset();
    m_last_receipt = data;
    m_view.show_done(done.value(), change);
    refresh_status();
    if (auto problem = m_receipts.deliver(receipts::sales_receipt(data)))
        m_view.show_problem(*problem);
}

void TillPresenter::next_sale() {
    m_refund.reset();
    refresh_sale();
}

void TillPresenter::begin_refund() {
    if (need_login())
        return;
    if (!allowed(BL_N_("Only an organiser can give refunds. Ask an "
                       "organiser to log in.")))
        return;
    if (!m_cart.empty()) {
        m_view.show_problem(Message(BL_N_("Finish or empty the current sale before a refund.")));
        return;
    }
    m_refund.reset();
    m_view.show_receipt_lookup(ReceiptLookup::refund, {});
}

void TillPresenter::find_refund(const std::string& receipt) {
    if (need_login())
        return;
    auto number = parse_receipt_reference(receipt, m_store.device().number);
    if (!number) {
        m_view.show_problem(number.error());
        return;
    }
    auto sale = m_store.find_receipt(number.value());
    if (!sale) {
        m_view.show_problem(Message(BL_N_("Receipt %s was not found on this till."),
                                    {std::to_string(number.value())}));
        return;
    }
    if (sale->refund_of) {
        m_view.show_problem(Message(BL_N_("Receipt %s is itself a refund and cannot be "
                                          "refunded."),
                                    {std::to_string(number.value())}));
        return;
    }
    std::vector<std::int64_t> already;
    for (const auto& l : sale->lines)
        already.push_back(m_store.refunded(sale->id, l.line_no));
    m_refund.emplace(*sale, already);
    m_view.show_refund(*m_refund);
}

void TillPresenter::refund_more(std::size_t line) {
    if (!m_refund || line >= m_refund->original().lines.size())
        return;
    if (auto p = m_refund->choose(line, m_refund->chosen(line) + 1))
        m_view.show_problem(*p);
    m_view.show_refund(*m_refund);
}

void TillPresenter::refund_less(std::size_t line) {
    if (!m_refund || line >= m_refund->original().lines.size())
        return;
    if (m_refund->chosen(line) > 0)
        (void)m_refund->choose(line, m_refund->chosen(line) - 1);
    m_view.show_refund(*m_refund);
}

void TillPresenter::refund_pay(Tender tender) {
    if (!m_refund || need_login())
        return;
    if (!gate(BL_N_("Only an organiser can give refunds. Ask an organiser to log in.")))
        return;
    if (!m_refund->any()) {
        m_view.show_problem(Message(BL_N_("Choose what the customer brings back first.")));
        return;
    }
    if (!m_store.current_shift()) {
        m_view.show_open_shift(m_staff->name);
        return;
    }
    TenderSession pay(m_refund->total());
    auto paid = tender == Tender::cash   ? pay.pay_cash(Money{})
                : tender == Tender::card ? pay.pay_card(std::nullopt)
                                         : pay.pay_mobilepay(std::nullopt);
    if (!paid) {
        m_view.show_problem(paid.error());
        return;
    }
    Sale refund = m_refund->to_sale();
    refund.payments = pay.payments();
    // Recorded in one transaction before the receipt is printed or the refund shown as done.
    auto done = m_store.record_sale(m_staff->id, refund);
    if (!done) {
        m_view.show_problem(done.error());
        return;
    }
    receipts::ReceiptData data = receipt_base();
    data.sale = done.value();
    data.refund_of_number = m_refund->original().receipt_number;
    m_refund.reset();
    m_last_receipt = data;
    m_view.show_refund_done(done.value(), paid.value().amount, tender);
    refresh_status();
    if (auto problem = m_receipts.deliver(receipts::sales_receipt(data)))
        m_view.show_problem(*problem);
}

const std::vector<Payment>& TillPresenter::taken() const {
    return m_tender ? m_tender->payments() : m_taken;
}

bool TillPresenter::part_paid() {
    if (taken().empty())
        return false;
    m_view.show_problem(Message(BL_N_("Part of this sale is already paid. Press Pay to take "
                                      "the rest, or to undo the part payments.")));
    return true;
}

void TillPresenter::abort_sale() {
    if (need_login() || part_paid())
        return;
    if (!m_cart.empty()) {
        // Emptying a cart with goods in it is journaled, as cash registers must.
        (void)m_store.journal(
            m_staff->id, JournalKind::sale_aborted,
            JsonObject{{"total_ore", m_cart.totals().total.ore()},
                       {"lines", static_cast<std::int64_t>(m_cart.lines().size())}});
        m_cart.clear();
    }
    refresh_sale();
}

void TillPresenter::begin_copy() {
    if (need_login())
        return;
    std::string suggested;
    if (!m_last_receipt) {
        if (const std::int64_t n = m_store.last_receipt_number(); n > 0)
            suggested = std::to_string(n);
    } else if (!m_last_receipt->sale.training) {
        suggested = std::to_string(m_last_receipt->sale.receipt_number);
    }
    m_view.show_receipt_lookup(ReceiptLookup::copy, suggested);
}

receipts::ReceiptData TillPresenter::receipt_of(const Sale& sale) {
    receipts::ReceiptData data = receipt_base();
    data.sale = sale;
    if (!m_staff || sale.staff_id != m_staff->id)
        if (auto seller = m_store.find(sale.staff_id))
            data.staff_name = seller->name;
    if (sale.refund_of) {
        if (auto original = m_store.find_sale(*sale.refund_of))
            data.refund_of_number = original->receipt_number;
    } else if (auto impact = m_store.receipt_impact(sale.id); impact && !impact->empty()) {
        data.impact = receipts::ImpactBlock{impact->workshops, impact->makers, impact->named,
                                            impact->work.rounded(10), impact->approximate};
    }
    return data;
}

void TillPresenter::copy_receipt(const std::string& receipt) {
    if (need_login())
        return;
    const bool blank = receipt.find_first_not_of(" \r\n") == std::string::npos;
    std::optional<receipts::ReceiptData> data;
    if (blank && m_last_receipt) {
        data = *m_last_receipt; // the last one, training receipts included
    } else {
        std::int64_t number = 0;
        if (blank) {
            number = m_store.last_receipt_number();
        } else {
            auto n = parse_receipt_reference(receipt, m_store.device().number);
            if (!n) {
                m_view.show_problem(n.error());
                return;
            }
            number = n.value();
        }
        if (number == 0) {
            m_view.show_problem(Message(BL_N_("There is no receipt to copy yet.")));
            return;
        }
        if (m_last_receipt && !m_last_receipt->sale.training &&
            m_last_receipt->sale.receipt_number == number) {
            data = *m_last_receipt;
        } else if (auto sale = m_store.find_receipt(number)) {
            data = receipt_of(*sale);
        } else {
            m_view.show_problem(
                Message(BL_N_("Receipt %s was not found on this till."), {std::to_string(number)}));
            return;
        }
    }
    data->copy = true;
    (void)m_store.journal(m_staff->id, JournalKind::receipt_copy,
                          JsonObject{{"receipt_number", data->sale.receipt_number},
                                     {"training", data->sale.training}});
    refresh_sale();
    if (auto problem = m_receipts.deliver(receipts::sales_receipt(*data)))
        m_view.show_problem(*problem);
}

void TillPresenter::open_drawer() {
    if (need_login())
        return;
    if (!gate(BL_N_("Only an organiser can open the drawer without a "
                    "sale.")))
        return;
    (void)m_store.journal(m_staff->id, JournalKind::drawer_opened,
                          JsonObject{{"without_sale", true}});
    if (auto problem = m_receipts.open_drawer())
        m_view.show_problem(*problem);
}

void TillPresenter::set_training(bool on) {
    if (need_login())
        return;
    if (!gate(BL_N_("Only an organiser can turn training mode on or "
                    "off.")))
        return;
    if (!m_cart.empty()) {
        m_view.show_problem(Message(BL_N_("Finish or empty the current sale first.")));
        return;
    }
    // A parked basket must not cross into or out of practice: a real customer's would not
    // be kept, a practice one could be sold for real.
    if (!m_parked.empty() && on != m_training) {
        m_view.show_problem(Message(BL_N_("Resume and finish the parked sales first.")));
        return;
    }
    if (on == m_training)
        return;
    m_training = on;
    (void)m_store.journal(m_staff->id, on ? JournalKind::training_on : JournalKind::training_off,
                          JsonObject{});
    m_view.show_training(on);
}

void TillPresenter::x_report() {
    if (need_login())
        return;
    auto shift = m_store.current_shift();
    if (!shift) {
        m_view.show_problem(Message(BL_N_("The till is not open. Open a shift and count the "
                                          "float first.")));
        return;
    }
    const ShiftTotals t = m_store.shift_totals(shift->id);
    (void)m_store.journal(m_staff->id, JournalKind::x_report,
                          JsonObject{{"shift_id", shift->id},
                                     {"gross_ore", t.gross.ore()},
                                     {"cash_ore", t.cash.ore()},
                                     {"card_ore", t.card.ore()},
                                     {"mobilepay_ore", t.mobilepay.ore()}});
    m_view.show_x_report(t);
    receipts::ShiftReportData report{m_settings.shop,
                                     m_store.device().name,
                                     m_staff->name,
                                     false,
                                     0,
                                     shift->opened_at,
                                     m_store.now(),
                                     t,
                                     shift->opening_float,
                                     std::nullopt};
    if (auto problem = m_receipts.deliver(receipts::shift_report(report)))
        m_view.show_problem(*problem);
}

std::optional<Shift> TillPresenter::closable_shift(bool use_approval) {
    if (need_login())
        return std::nullopt;
    if (!m_cart.empty()) {
        m_view.show_problem(Message(BL_N_("Finish or empty the current sale before closing "
                                          "the day.")));
        return std::nullopt;
    }
    const char* refusal = BL_N_("Only an organiser can close the day with a Z "
                                "report. Ask an organiser to log in.");
    if (!(use_approval ? gate(refusal) : allowed(refusal)))
        return std::nullopt;
    auto shift = m_store.current_shift();
    if (!shift)
        m_view.show_problem(Message(BL_N_("The till is not open. Open a shift and count the "
                                          "float first.")));
    return shift;
}

void TillPresenter::begin_close_shift() {
    if (auto shift = closable_shift(false))
        m_view.show_close_shift(m_store.shift_totals(shift->id));
}

void TillPresenter::close_shift(const std::string& counted_cash) {
    if (need_login())
        return;
    auto counted = read_money(counted_cash);
    if (!counted)
        return;
    auto shift = closable_shift(true);
    if (!shift)
        return;
    const ShiftTotals totals = m_store.shift_totals(shift->id);
    auto z = m_store.close_shift(m_staff->id, shift->id, *counted);
    if (!z) {
        m_view.show_problem(z.error());
        return;
    }
    // Committed: now the Z report can be printed.
    receipts::ShiftReportData report{m_settings.shop,
                                     m_store.device().name,
                                     m_staff->name,
                                     true,
                                     z.value().z_number.value_or(0),
                                     shift->opened_at,
                                     z.value().closed_at.value_or(m_store.now()),
                                     totals,
                                     shift->opening_float,
                                     *counted};
    std::optional<Message> problem = m_receipts.deliver(receipts::shift_report(report));
    std::optional<Message> backup = m_store.back_up_after_z(report.z_number);
    log_out();
    // Said on the login screen that follows, so nobody misses it.
    if (problem)
        m_view.show_problem(*problem);
    if (backup)
        m_view.show_problem(*backup);
}

} // namespace bl::pos
