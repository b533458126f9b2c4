#include "pos/model/settings_flow.hpp"

#include "shared/core/text.hpp"

namespace bl::pos {

namespace {

const char* const only_organisers = BL_N_("Only an organiser can change the settings.");

bool differs(const Shop& a, const Shop& b) {
    return a.name != b.name || a.address != b.address || a.postcode != b.postcode ||
           a.city != b.city || a.cvr != b.cvr;
}

} // namespace

TillSettings read_settings(SettingsStore& store) {
    TillSettings t;
    t.printer = store.setting("printer").value_or("");
    t.mobilepay_name = store.setting("mobilepay_name").value_or("MobilePay");
    t.discount_limit = store.setting("discount_limit").value_or("50,00");
    t.impact_block = store.setting("impact_block").value_or("off") == "on";
    t.receipt_footer = store.setting("receipt_footer").value_or("Tak for dit køb!");
    t.language = store.setting("language").value_or("da");
    t.shop = store.shop();
    return t;
}

SettingsFlow::SettingsFlow(TillContext& till) : m_till(till) {}

void SettingsFlow::open_settings() {
    if (m_till.need_login() || !m_till.allowed(only_organisers, [this] { open_settings(); }))
        return;
    m_till.views.settings.show_settings(m_till.state.settings);
}

void SettingsFlow::save_settings(const TillSettings& typed) {
    if (m_till.need_login() ||
        !m_till.gate(only_organisers, [this, typed] { save_settings(typed); }))
        return;
    // Check everything first, so a typo saves nothing.
    auto name = clean_text(typed.mobilepay_name,
                           TextRules{1, 20, false, BL_N_("Name of the mobile payment")});
    if (!name) {
        m_till.say(name.error());
        return;
    }
    auto limit = m_till.read_money(typed.discount_limit);
    if (!limit)
        return;
    if (limit->is_negative()) {
        m_till.say(Message(BL_N_("A price cannot be negative.")));
        return;
    }
    auto footer = clean_text(typed.receipt_footer,
                             TextRules{0, 48, false, BL_N_("Last line on the receipt")});
    if (!footer) {
        m_till.say(footer.error());
        return;
    }
    if (typed.language != "da" && typed.language != "en") {
        m_till.say(Message(BL_N_("The till speaks Danish (da) or English (en).")));
        return;
    }
    std::string printer = typed.printer;
    while (!printer.empty() && printer.back() == ' ')
        printer.pop_back();
    const TillSettings before = m_till.state.settings;
    if (auto p = m_till.ports.printer.use_printer(printer)) {
        m_till.say(*p); // not a printer address: nothing is saved
        return;
    }
    SettingsChange change;
    if (differs(typed.shop, before.shop)) {
        change.shop = typed.shop;
        change.shop->id = before.shop.id;
    }
    auto put = [&](const char* key, const std::string& old_value, const std::string& value) {
        if (old_value != value)
            change.settings.emplace_back(key, value);
    };
    put("printer", before.printer, printer);
    put("mobilepay_name", before.mobilepay_name, name.value());
    put("discount_limit", before.discount_limit, format_amount(*limit));
    put("impact_block", before.impact_block ? "on" : "off", typed.impact_block ? "on" : "off");
    put("receipt_footer", before.receipt_footer, footer.value());
    put("language", before.language, typed.language);
    if (auto problem = m_till.ports.settings.save_settings(m_till.state.staff->id, change)) {
        m_till.say(*problem); // nothing was saved (a bad CVR, a full disk)
        (void)m_till.ports.printer.use_printer(before.printer);
        return;
    }
    m_till.state.settings = read_settings(m_till.ports.settings);
    m_till.show_sale();
    if (!change.settings.empty() || change.shop)
        m_till.views.messages.show_news(Message(BL_N_("The settings are saved.")));
}

void SettingsFlow::import_catalogue(const std::string& path) {
    if (m_till.need_login() ||
        !m_till.allowed(only_organisers, [this, path] { import_catalogue(path); }))
        return;
    auto text = read_catalogue_file(path);
    if (!text) {
        m_till.say(text.error());
        return;
    }
    Catalogue& catalogue = m_till.ports.catalogue;
    CatalogueLookups lookups;
    lookups.workshops = catalogue.workshops_by_name();
    lookups.barcode_taken = [&catalogue](const std::string& code) {
        return catalogue.product_by_barcode(code).has_value();
    };
    lookups.sku_taken = [&catalogue](const std::string& sku) { return catalogue.sku_taken(sku); };
    auto plan = plan_catalogue_import(text.value(), lookups);
    if (!plan) {
        m_till.say(plan.error());
        return;
    }
    m_till.state.mode = Importing{plan.value()};
    m_till.views.import.show_import(plan.value());
}

void SettingsFlow::confirm_import() {
    auto* importing = std::get_if<Importing>(&m_till.state.mode);
    if (!importing || m_till.need_login() ||
        !m_till.gate(only_organisers, [this] { confirm_import(); }))
        return;
    if (importing->plan.valid.empty()) {
        m_till.say(Message(BL_N_("No row in the file can be imported.")));
        return;
    }
    auto r = m_till.ports.catalogue.add_products(m_till.state.staff->id, importing->plan.valid);
    if (!r) {
        // Nothing was imported (one transaction): the refused row, with its line, joins the
        // rejected ones and the preview is shown again.
        m_till.say(refuse_at_commit(importing->plan, r.error().first, r.error().second));
        m_till.views.import.show_import(importing->plan);
        return;
    }
    m_till.state.mode = Selling{};
    m_till.views.sale.show_new_catalogue();
    m_till.show_sale();
    const auto added = static_cast<std::int64_t>(r.value());
    m_till.views.messages.show_news(Message::plural(
        BL_NP_("%s item was added to the catalogue.", "%s items were added to the catalogue."),
        added, {std::to_string(added)}));
}

} // namespace bl::pos
