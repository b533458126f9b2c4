#include "pos/ui/till_frame.hpp"

#include <algorithm>
#include <clocale>
#include <unordered_map>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/filedlg.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/translation.h>
#include <wx/wrapsizer.h>

#include "shared/core/catalog.hpp"
#include "shared/core/text.hpp"

namespace bl::pos {

void use_utf8_strings() {
    // wx converts char* through the C library's locale; under the "C" locale "øre" in a
    // msgid would be lost. C.UTF-8 is built into glibc, so it is always there.
    if (!std::setlocale(LC_CTYPE, "C.UTF-8"))
        std::setlocale(LC_CTYPE, "");
}

wxString wx(const std::string& s) {
    return wxString::FromUTF8(s);
}
std::string utf8(const wxString& s) {
    return std::string(s.utf8_str());
}

namespace {

enum Page {
    login_page,
    open_shift_page,
    sale_page,
    payment_page,
    done_page,
    close_page,
    refund_lookup_page,
    refund_page,
    x_page,
    settings_page,
    import_page,
    approval_page
};

const wxSize big_button(150, 64);
const wxSize tile_size(170, 92);

void scale_font(wxWindow* w, double factor, bool bold = false) {
    wxFont f = w->GetFont();
    f.SetPointSize(static_cast<int>(f.GetPointSize() * factor));
    if (bold)
        f.SetWeight(wxFONTWEIGHT_BOLD);
    w->SetFont(f);
}

wxString money(Money m) {
    return wx(format_dkk(m));
}

// The wx catalogues seen as a bl::Translator, so messages are rendered by bl::render like
// everywhere else. UTF-8 copies are kept because render() takes string views.
class WxCatalog : public Translator {
public:
    std::string_view translate(const char* msgid) const override {
        auto it = m_cache.find(msgid);
        if (it == m_cache.end())
            it = m_cache.emplace(msgid, utf8(wxGetTranslation(wx(msgid)))).first;
        return it->second;
    }
    void forget() { m_cache.clear(); }

private:
    mutable std::unordered_map<std::string, std::string> m_cache;
};

WxCatalog& catalog() {
    static WxCatalog c;
    return c;
}

// A message from the model, translated through the app's catalogue.
wxString tr(const Message& m) {
    return wx(render(m, &catalog()));
}

// A product name broken into lines that fit a tile.
std::string tile_label(const std::string& name) {
    std::string out;
    for (const auto& line : wrap_words(name, 19))
        out += (out.empty() ? "" : "\n") + line;
    return out;
}

} // namespace

wxString translated(const Message& m) {
    return tr(m);
}

void use_language(const std::string& lang) {
    static bool path_added = false;
    if (!path_added) {
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wx(locale_dir()));
        path_added = true;
    }
    auto* t = new wxTranslations();
    wxTranslations::Set(t); // replaces (and deletes) the one before
    t->SetLanguage(lang == "en" ? "en" : "da");
    t->AddStdCatalog(); // wx's own words ("Close" on the message bar)
    t->AddCatalog("bundlinje");
    catalog().forget();
}

TillFrame::TillFrame(const wxString& title)
    : wxFrame(nullptr, wxID_ANY, title, wxDefaultPosition, wxSize(1280, 800)) {
    auto* root = new wxBoxSizer(wxVERTICAL);
    m_info = new wxInfoBar(this);
    // Our own close button: GTK's stock one is translated by the C library's locale, not by
    // the language chosen for the till.
    m_info->AddButton(wxID_CLOSE, _("Close"));
    root->Add(m_info, 0, wxEXPAND);
    m_training_banner = new wxStaticText(
        this, wxID_ANY, _("TRAINING MODE: sales are not real and count nowhere"), wxDefaultPosition,
        wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL | wxST_NO_AUTORESIZE);
    m_training_banner->SetBackgroundColour(wxColour(255, 170, 0));
    scale_font(m_training_banner, 1.5, true);
    m_training_banner->Hide();
    root->Add(m_training_banner, 0, wxEXPAND);
    m_book = new wxSimplebook(this);
    m_book->AddPage(build_login(), "login");
    m_book->AddPage(build_open_shift(), "open_shift");
    m_book->AddPage(build_sale(), "sale");
    m_book->AddPage(build_payment(), "payment");
    m_book->AddPage(build_done(), "done");
    m_book->AddPage(build_close(), "close");
    m_book->AddPage(build_refund_lookup(), "refund_lookup");
    m_book->AddPage(build_refund(), "refund");
    m_book->AddPage(build_x(), "x");
    m_book->AddPage(build_settings(), "settings");
    m_book->AddPage(build_import(), "import");
    m_book->AddPage(build_approval(), "approval");
    root->Add(m_book, 1, wxEXPAND);
    SetSizer(root);
    CreateStatusBar(3);
    const int widths[3] = {-2, -2, -1};
    GetStatusBar()->SetStatusWidths(3, widths);
}

void TillFrame::attach(TillPresenter& presenter) {
    m_presenter = &presenter;
}

std::string TillFrame::current_page() const {
    switch (m_book->GetSelection()) {
    case login_page:
        return "login";
    case open_shift_page:
        return "open_shift";
    case sale_page:
        return "sale";
    case payment_page:
        return "payment";
    case done_page:
        return "done";
    case close_page:
        return "close";
    case refund_lookup_page:
        return "refund_lookup";
    case refund_page:
        return "refund";
    case x_page:
        return "x";
    case settings_page:
        return "settings";
    case import_page:
        return "import";
    case approval_page:
        return "approval";
    default:
        return "";
    }
}

wxButton* TillFrame::staff_button(const std::string& name) const {
    auto it = m_staff_buttons.find(name);
    return it == m_staff_buttons.end() ? nullptr : it->second;
}

wxButton* TillFrame::quick_cash_button(std::size_t i) const {
    return i < m_quick.size() ? m_quick[i] : nullptr;
}

// ---- login -------------------------------------------------------------------------------

wxPanel* TillFrame::build_login() {
    auto* p = new wxPanel(m_book);
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(p, wxID_ANY, _("Who is at the till?"));
    scale_font(title, 2.0, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 20);
    m_staff_panel = new wxPanel(p);
    m_staff_panel->SetSizer(new wxWrapSizer(wxHORIZONTAL));
    s->Add(m_staff_panel, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    m_login_hint = new wxStaticText(p, wxID_ANY, _("Choose your name, then type your PIN."));
    scale_font(m_login_hint, 1.3);
    s->Add(m_login_hint, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    m_pin = new wxTextCtrl(p, wxID_ANY, "", wxDefaultPosition, wxSize(260, -1),
                           wxTE_PASSWORD | wxTE_PROCESS_ENTER | wxTE_CENTRE);
    scale_font(m_pin, 2.0);
    s->Add(m_pin, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);

    auto* pad = new wxGridSizer(4, 3, 8, 8);
    const char* keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "OK"};
    for (const char* k : keys) {
        wxString label = k;
        if (label == "C")
            label = _("Clear");
        auto* b = new wxButton(p, wxID_ANY, label, wxDefaultPosition, wxSize(110, 70));
        scale_font(b, 1.6, true);
        const std::string key = k;
        b->Bind(wxEVT_BUTTON, [this, key](wxCommandEvent&) {
            if (key == "C")
                m_pin->Clear();
            else if (key == "OK")
                m_presenter->log_in(m_chosen_staff, utf8(m_pin->GetValue()));
            else
                m_pin->AppendText(key);
            m_pin->SetFocus();
        });
        pad->Add(b, 0, wxEXPAND);
    }
    s->Add(pad, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    m_pin->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        m_presenter->log_in(m_chosen_staff, utf8(m_pin->GetValue()));
    });
    p->SetSizer(s);
    return p;
}

void TillFrame::show_login(const std::vector<StaffUser>& staff) {
    m_staff_panel->DestroyChildren();
    m_staff_buttons.clear();
    m_chosen_staff.clear();
    auto* sizer = m_staff_panel->GetSizer();
    for (const auto& u : staff) {
        auto* b =
            new wxButton(m_staff_panel, wxID_ANY, wx(u.name), wxDefaultPosition, wxSize(190, 80));
        scale_font(b, 1.5, true);
        const std::string id = u.id;
        const std::string name = u.name;
        b->Bind(wxEVT_BUTTON, [this, id, name](wxCommandEvent&) {
            m_chosen_staff = id;
            for (auto& [n, btn] : m_staff_buttons)
                btn->SetLabel(n == name ? wx("▶ " + n) : wx(n));
            m_login_hint->SetLabel(wxString::Format(_("Hello %s. Type your PIN."), wx(name)));
            m_pin->Clear();
            m_pin->SetFocus();
            Layout();
        });
        sizer->Add(b, 0, wxALL, 8);
        m_staff_buttons[u.name] = b;
    }
    m_pin->Clear();
    m_login_hint->SetLabel(_("Choose your name, then type your PIN."));
    m_info->Dismiss();
    m_book->ChangeSelection(login_page);
    m_staff_panel->Layout();
    Layout();
    if (!m_staff_buttons.empty())
        m_staff_buttons.begin()->second->SetFocus();
}

// ---- open shift --------------------------------------------------------------------------

wxPanel* TillFrame::build_open_shift() {
    auto* p = new wxPanel(m_book);
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_float_hint = new wxStaticText(p, wxID_ANY, "");
    scale_font(m_float_hint, 1.6, true);
    s->Add(m_float_hint, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 30);
    auto* label = new wxStaticText(p, wxID_ANY,
                                   _("Count the cash in the drawer and type the "
                                     "amount (the float):"));
    scale_font(label, 1.3);
    s->Add(label, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    m_float = new wxTextCtrl(p, wxID_ANY, "", wxDefaultPosition, wxSize(260, -1),
                             wxTE_PROCESS_ENTER | wxTE_RIGHT);
    scale_font(m_float, 2.0);
    s->Add(m_float, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    auto* open = new wxButton(p, wxID_ANY, _("Open the till"), wxDefaultPosition, big_button);
    scale_font(open, 1.4, true);
    s->Add(open, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    auto submit = [this](wxCommandEvent&) { m_presenter->open_shift(utf8(m_float->GetValue())); };
    open->Bind(wxEVT_BUTTON, submit);
    m_float->Bind(wxEVT_TEXT_ENTER, submit);
    p->SetSizer(s);
    return p;
}

void TillFrame::show_open_shift(const std::string& staff_name) {
    m_float_hint->SetLabel(
        wxString::Format(_("Good morning, %s. The till is closed."), wx(staff_name)));
    m_float->Clear();
    m_info->Dismiss();
    m_book->ChangeSelection(open_shift_page);
    Layout();
    m_float->SetFocus();
}

// ---- sale --------------------------------------------------------------------------------

wxPanel* TillFrame::build_sale() {
    auto* p = new wxPanel(m_book);
    auto* cols = new wxBoxSizer(wxHORIZONTAL);

    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* scan_row = new wxBoxSizer(wxHORIZONTAL);
    auto* scan_label = new wxStaticText(p, wxID_ANY, _("Scan or search:"));
    scale_font(scan_label, 1.2);
    scan_row->Add(scan_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    m_scan = new wxTextCtrl(p, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    scale_font(m_scan, 1.6);
    m_scan->SetHint(_("Barcode or item name"));
    scan_row->Add(m_scan, 1, wxEXPAND);
    left->Add(scan_row, 0, wxEXPAND | wxALL, 10);
    m_categories = new wxPanel(p);
    m_categories->SetSizer(new wxWrapSizer(wxHORIZONTAL));
    left->Add(m_categories, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    m_tiles = new wxScrolledWindow(p, wxID_ANY);
    m_tiles->SetScrollRate(0, 20);
    m_tiles->SetSizer(new wxWrapSizer(wxHORIZONTAL));
    left->Add(m_tiles, 1, wxEXPAND | wxALL, 10);
    cols->Add(left, 3, wxEXPAND);

    auto* right = new wxBoxSizer(wxVERTICAL);
    m_cart = new wxListCtrl(p, wxID_ANY, wxDefaultPosition, wxSize(460, -1),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    scale_font(m_cart, 1.3);
    m_cart->InsertColumn(0, _("Item"), wxLIST_FORMAT_LEFT, 250);
    m_cart->InsertColumn(1, _("Qty"), wxLIST_FORMAT_RIGHT, 60);
    m_cart->InsertColumn(2, _("Amount"), wxLIST_FORMAT_RIGHT, 130);
    right->Add(m_cart, 1, wxEXPAND | wxALL, 10);
    auto* line_row = new wxBoxSizer(wxHORIZONTAL);
    auto line_button = [&](const wxString& label, auto action) {
        auto* b = new wxButton(p, wxID_ANY, label, wxDefaultPosition, wxSize(100, 60));
        scale_font(b, 1.5, true);
        b->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) {
            const long line = selected_line();
            if (line < 0)
                show_problem(Message(BL_N_("Choose a line in the cart first.")));
            else
                action(static_cast<std::size_t>(line));
            focus_scan();
        });
        line_row->Add(b, 1, wxRIGHT, 6);
    };
    line_button("+", [this](std::size_t l) { m_presenter->increment(l); });
    line_button(wx("−"), [this](std::size_t l) { m_presenter->decrement(l); });
    line_button(_("Remove"), [this](std::size_t l) { m_presenter->remove(l); });
    right->Add(line_row, 0, wxEXPAND | wxLEFT | wxRIGHT, 10);
    auto* adjust_row = new wxBoxSizer(wxHORIZONTAL);
    m_adjust = new wxTextCtrl(p, wxID_ANY, "", wxDefaultPosition, wxSize(130, -1));
    // xgettext:no-c-format
    m_adjust->SetHint(_("10 % or 20 kr."));
    scale_font(m_adjust, 1.2);
    adjust_row->Add(m_adjust, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, 6);
    auto adjust_button = [&](const wxString& label, auto action) {
        auto* b = new wxButton(p, wxID_ANY, label, wxDefaultPosition, wxSize(-1, 48));
        b->SetMinSize(wxSize(60, 48)); // share the row instead of widening the column
        b->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) {
            action(utf8(m_adjust->GetValue()));
            m_adjust->Clear();
            focus_scan();
        });
        adjust_row->Add(b, 1, wxRIGHT, 4);
    };
    adjust_button(_("Line discount"), [this](const std::string& t) {
        const long l = selected_line();
        if (l < 0)
            show_problem(Message(BL_N_("Choose a line in the cart first.")));
        else
            m_presenter->discount_line(static_cast<std::size_t>(l), t);
    });
    adjust_button(_("Basket discount"),
                  [this](const std::string& t) { m_presenter->discount_basket(t); });
    adjust_button(_("New price"), [this](const std::string& t) {
        const long l = selected_line();
        if (l < 0)
            show_problem(Message(BL_N_("Choose a line in the cart first.")));
        else
            m_presenter->override_price(static_cast<std::size_t>(l), t);
    });
    right->Add(adjust_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 10);
    m_total = new wxStaticText(p, wxID_ANY, "");
    scale_font(m_total, 2.2, true);
    right->Add(m_total, 0, wxALL | wxALIGN_RIGHT, 10);
    m_vat = new wxStaticText(p, wxID_ANY, "");
    right->Add(m_vat, 0, wxLEFT | wxRIGHT | wxALIGN_RIGHT, 10);
    m_pay = new wxButton(p, wxID_ANY, _("Pay (F12)"), wxDefaultPosition, wxSize(-1, 90));
    scale_font(m_pay, 2.0, true);
    right->Add(m_pay, 0, wxEXPAND | wxALL, 10);
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    auto* logout = new wxButton(p, wxID_ANY, _("Log out"), wxDefaultPosition, wxSize(-1, 56));
    m_close_day =
        new wxButton(p, wxID_ANY, _("Close the day (Z)"), wxDefaultPosition, wxSize(-1, 56));
    m_refund_button = new wxButton(p, wxID_ANY, _("Refund"), wxDefaultPosition, wxSize(-1, 56));
    bottom->Add(logout, 1, wxRIGHT, 6);
    bottom->Add(m_refund_button, 1, wxRIGHT, 6);
    bottom->Add(m_close_day, 1);
    right->Add(bottom, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    auto* more = new wxBoxSizer(wxHORIZONTAL);
    auto small = [&](const wxString& label, auto action) {
        auto* b = new wxButton(p, wxID_ANY, label, wxDefaultPosition, wxSize(-1, 48));
        b->SetMinSize(wxSize(60, 48)); // share the row instead of widening the column
        b->Bind(wxEVT_BUTTON, [this, action](wxCommandEvent&) {
            action();
            focus_scan();
        });
        more->Add(b, 1, wxRIGHT, 4);
        return b;
    };
    small(_("Empty cart"), [this] { m_presenter->abort_sale(); });
    small(_("X report"), [this] { m_presenter->x_report(); });
    m_copy_button = small(_("Receipt copy"), [this] { m_presenter->begin_copy(); });
    small(_("Open drawer"), [this] { m_presenter->open_drawer(); });
    m_training_button =
        small(_("Training"), [this] { m_presenter->set_training(!m_presenter->training()); });
    right->Add(more, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    more = new wxBoxSizer(wxHORIZONTAL);
    m_park_button = small(_("Park sale"), [this] { m_presenter->park(); });
    m_resume_button = small(_("Resume parked"), [this] { m_presenter->resume(); });
    m_resume_button->Disable();
    small(_("Settings"), [this] { m_presenter->open_settings(); });
    small(_("Approval"), [this] { m_presenter->ask_approval(); });
    right->Add(more, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 10);
    cols->Add(right, 2, wxEXPAND);
    p->SetSizer(cols);

    m_scan->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        const std::string text = utf8(m_scan->GetValue());
        m_scan->Clear();
        bool digits = !text.empty();
        for (char c : text)
            digits = digits && ((c >= '0' && c <= '9') || c == ' ');
        if (digits || text.empty()) {
            m_presenter->scan(text);
        } else {
            // A name: show the matching items as tiles.
            m_products = m_presenter->search(text);
            build_tiles("");
            if (m_products.empty())
                show_problem(
                    Message(BL_N_("No item is called \"%s\". Try part of the name."), {text}));
        }
        focus_scan();
    });
    m_pay->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->pay(); });
    logout->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->log_out(); });
    m_close_day->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->begin_close_shift(); });
    m_refund_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->begin_refund(); });
    p->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_F12 && m_book->GetSelection() == sale_page)
            m_presenter->pay();
        else if (e.GetKeyCode() == WXK_ESCAPE && m_book->GetSelection() == payment_page)
            m_presenter->cancel_payment();
        else
            e.Skip();
    });
    return p;
}

void TillFrame::build_categories() {
    m_categories->DestroyChildren();
    m_category_buttons.clear();
    m_category_sizes.clear();
    // The fullest categories first: the shop's main goods lead.
    const auto cats = m_presenter->categories();
    for (const auto& [c, size] : cats) {
        m_category_sizes[c] = size;
        auto* b = new wxButton(m_categories, wxID_ANY, wx(c), wxDefaultPosition, wxSize(130, 52));
        scale_font(b, 1.3, true);
        const std::string category = c;
        b->Bind(wxEVT_BUTTON, [this, category](wxCommandEvent&) {
            build_tiles(category);
            focus_scan();
        });
        m_categories->GetSizer()->Add(b, 0, wxRIGHT | wxBOTTOM, 6);
        m_category_buttons.push_back(b);
    }
    m_categories->Layout();
    if (!cats.empty())
        build_tiles(cats.front().first);
}

void TillFrame::build_tiles(const std::string& category) {
    // The chosen category is marked; the others keep their plain names.
    for (auto* b : m_category_buttons) {
        wxString label = b->GetLabel();
        if (label.StartsWith(wx("▶ ")))
            label = label.Mid(2);
        b->SetLabel(utf8(label) == category ? wx("▶ ") + label : label);
    }
    m_tiles->DestroyChildren();
    auto* sizer = m_tiles->GetSizer();
    // Tiles are for quick picks: a category with more items than fit shows the first ones
    // and a note to search for the rest (a big catalogue must not build thousands of buttons,
    // nor load every product).
    constexpr int max_tiles = 60;
    if (!category.empty())
        m_products = m_presenter->products_in(category, max_tiles);
    const std::int64_t hidden = category.empty() ? 0
                                                 : m_category_sizes[category] -
                                                       static_cast<std::int64_t>(m_products.size());
    for (const auto& prod : m_products) {
        auto* b =
            new wxButton(m_tiles, wxID_ANY, wx(tile_label(prod.name)) + "\n" + money(prod.price),
                         wxDefaultPosition, tile_size);
        const std::string id = prod.id;
        b->Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) {
            m_presenter->add_product(id);
            focus_scan();
        });
        sizer->Add(b, 0, wxALL, 5);
    }
    if (hidden > 0) {
        auto* more = new wxStaticText(
            m_tiles, wxID_ANY,
            wxString::Format(_("%lld more items: type part of the name to find them."),
                             static_cast<long long>(hidden)));
        sizer->Add(more, 0, wxALL, 12);
    }
    m_tiles->FitInside();
    m_tiles->Layout();
}

long TillFrame::selected_line() const {
    return m_cart->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
}

void TillFrame::focus_scan() {
    if (m_book->GetSelection() == sale_page)
        m_scan->SetFocus();
}

void TillFrame::show_sale(const Cart& cart, const CartTotals& totals) {
    if (m_category_buttons.empty())
        build_categories();
    const long keep = selected_line();
    m_cart->DeleteAllItems();
    long row = 0;
    for (const auto& l : cart.lines()) {
        wxString name = wx(l.product.name);
        if (l.batch_label)
            name += wx(" ◆");
        if (!l.discount_amount().is_zero())
            name += wxString::Format(_(" (discount %s)"), wx(format_amount(l.discount_amount())));
        if (l.price_overridden)
            name += _(" (new price)");
        m_cart->InsertItem(row, name);
        m_cart->SetItem(row, 1, wxString::Format("%lld", static_cast<long long>(l.quantity)));
        m_cart->SetItem(row, 2, wx(format_amount(l.net())));
        ++row;
    }
    if (keep >= 0 && keep < row)
        m_cart->SetItemState(keep, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    else if (row > 0)
        m_cart->SetItemState(row - 1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    if (!totals.basket_discount.is_zero()) {
        m_cart->InsertItem(row, _("Basket discount"));
        m_cart->SetItem(row, 2, wx(format_amount(-totals.basket_discount)));
    }
    m_total->SetLabel(wxString::Format(_("Total %s"), money(totals.total)));
    m_vat->SetLabel(wxString::Format(_("of which VAT %s"), money(totals.vat.vat_total())));
    m_book->ChangeSelection(sale_page);
    Layout();
    focus_scan();
}

// ---- payment -----------------------------------------------------------------------------

wxPanel* TillFrame::build_payment() {
    auto* p = new wxPanel(m_book);
    m_payment_panel = p;
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_due = new wxStaticText(p, wxID_ANY, "");
    scale_font(m_due, 2.6, true);
    s->Add(m_due, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    m_due_cash = new wxStaticText(p, wxID_ANY, "");
    scale_font(m_due_cash, 1.4);
    s->Add(m_due_cash, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 4);
    m_paid_so_far = new wxStaticText(p, wxID_ANY, "");
    scale_font(m_paid_so_far, 1.2);
    s->Add(m_paid_so_far, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 4);
    auto* cash_label = new wxStaticText(p, wxID_ANY,
                                        _("Cash: tap what the customer handed "
                                          "over, or type it"));
    scale_font(cash_label, 1.3, true);
    s->Add(cash_label, 0, wxTOP | wxALIGN_CENTER_HORIZONTAL, 16);
    m_quick_sizer = new wxBoxSizer(wxHORIZONTAL);
    s->Add(m_quick_sizer, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    auto* cash_row = new wxBoxSizer(wxHORIZONTAL);
    m_cash = new wxTextCtrl(p, wxID_ANY, "", wxDefaultPosition, wxSize(220, -1),
                            wxTE_PROCESS_ENTER | wxTE_RIGHT);
    scale_font(m_cash, 1.8);
    auto* cash_ok =
        new wxButton(p, wxID_ANY, _("Cash received"), wxDefaultPosition, wxSize(220, 64));
    scale_font(cash_ok, 1.2, true);
    cash_row->Add(m_cash, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, 8);
    cash_row->Add(cash_ok, 0);
    s->Add(cash_row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    auto* other = new wxBoxSizer(wxHORIZONTAL);
    auto* card =
        new wxButton(p, wxID_ANY, _("Card (terminal)"), wxDefaultPosition, wxSize(220, 80));
    auto* mobile = new wxButton(p, wxID_ANY, "MobilePay", wxDefaultPosition, wxSize(220, 80));
    m_mobile_button = mobile;
    scale_font(card, 1.4, true);
    scale_font(mobile, 1.4, true);
    other->Add(card, 0, wxRIGHT, 12);
    other->Add(mobile, 0);
    s->Add(other, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    m_reference = new wxTextCtrl(p, wxID_ANY, "", wxDefaultPosition, wxSize(300, -1));
    m_reference->SetHint(_("Card terminal reference (optional)"));
    s->Add(m_reference, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 4);
    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    m_undo_payment = new wxButton(p, wxID_ANY, _("Undo the last part payment"), wxDefaultPosition,
                                  wxSize(300, 56));
    auto* back =
        new wxButton(p, wxID_ANY, _("Back to the sale (Esc)"), wxDefaultPosition, wxSize(260, 56));
    bottom->Add(m_undo_payment, 0, wxRIGHT, 12);
    bottom->Add(back, 0);
    s->Add(bottom, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    p->SetSizer(s);
    m_undo_payment->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->undo_payment(); });

    auto cash = [this](wxCommandEvent&) { m_presenter->pay_cash(utf8(m_cash->GetValue())); };
    m_cash->Bind(wxEVT_TEXT_ENTER, cash);
    cash_ok->Bind(wxEVT_BUTTON, cash);
    // Card and MobilePay take the amount in the field when one is typed (a split), else the
    // rest; the card terminal's reference is optional.
    card->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        m_presenter->pay_card_part(utf8(m_cash->GetValue()), utf8(m_reference->GetValue()));
    });
    mobile->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        m_presenter->pay_mobilepay_part(utf8(m_cash->GetValue()));
    });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->cancel_payment(); });
    p->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_ESCAPE)
            m_presenter->cancel_payment();
        else
            e.Skip();
    });
    return p;
}

void TillFrame::show_payment(const TenderSession& tender) {
    m_mobile_button->SetLabel(wx(m_presenter->current_settings().mobilepay_name));
    m_due->SetLabel(wxString::Format(_("To pay: %s"), money(tender.remaining())));
    m_due_cash->SetLabel(
        wxString::Format(_("In cash, rounded to 50 øre: %s"), money(tender.remaining_in_cash())));
    Money paid;
    for (const auto& p : tender.payments())
        paid += p.amount;
    m_undo_payment->Show(!tender.payments().empty());
    m_paid_so_far->SetLabel(tender.payments().empty()
                                ? wxString()
                                : wxString::Format(_("Paid so far: %s"), money(paid)));
    for (auto* b : m_quick)
        b->Destroy();
    m_quick.clear();
    m_quick_sizer->Clear();
    for (Money amount : tender.quick_cash_amounts()) {
        auto* b = new wxButton(m_payment_panel, wxID_ANY, money(amount), wxDefaultPosition,
                               wxSize(150, 70));
        scale_font(b, 1.4, true);
        b->Bind(wxEVT_BUTTON,
                [this, amount](wxCommandEvent&) { m_presenter->pay_cash_amount(amount); });
        m_quick_sizer->Add(b, 0, wxRIGHT, 8);
        m_quick.push_back(b);
    }
    m_cash->Clear();
    m_reference->Clear();
    m_info->Dismiss();
    m_book->ChangeSelection(payment_page);
    m_payment_panel->Layout();
    Layout();
    if (!m_quick.empty())
        m_quick.front()->SetFocus();
}

// ---- done --------------------------------------------------------------------------------

wxPanel* TillFrame::build_done() {
    auto* p = new wxPanel(m_book);
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->AddStretchSpacer();
    m_change = new wxStaticText(p, wxID_ANY, "");
    scale_font(m_change, 3.2, true);
    s->Add(m_change, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 20);
    m_done_info = new wxStaticText(p, wxID_ANY, "");
    scale_font(m_done_info, 1.4);
    s->Add(m_done_info, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    m_next = new wxButton(p, wxID_ANY, _("Next customer"), wxDefaultPosition, wxSize(320, 90));
    scale_font(m_next, 1.8, true);
    s->Add(m_next, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 20);
    s->AddStretchSpacer();
    p->SetSizer(s);
    m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->next_sale(); });
    // The next customer's first item may be scanned (or its name typed) while the change is
    // still shown: that starts the next sale, and the key goes into the scan field, so the
    // scanner's digits are not lost on this screen.
    p->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        const wxChar key = e.GetUnicodeKey();
        if (key == WXK_NONE || e.HasModifiers() || !wxIsalnum(key)) {
            e.Skip();
            return;
        }
        m_presenter->next_sale();
        if (m_book->GetSelection() != sale_page)
            return;
        // Focus first: GTK selects a field's text when it gets focus, and the next key
        // would replace a selected first character.
        m_scan->SetFocus();
        const wxChar typed = e.ShiftDown() ? key : static_cast<wxChar>(wxTolower(key));
        m_scan->ChangeValue(wxString(typed));
        m_scan->SetInsertionPointEnd();
    });
    return p;
}

void TillFrame::show_done(const Sale& sale, Money change) {
    m_change->SetLabel(change.is_zero() ? _("Paid. No change.")
                                        : wxString::Format(_("Change: %s"), money(change)));
    m_done_info->SetLabel(
        wxString::Format(_("Receipt %lld is saved."), static_cast<long long>(sale.receipt_number)));
    m_info->Dismiss();
    m_book->ChangeSelection(done_page);
    Layout();
    m_next->SetFocus();
}

// ---- close the day -----------------------------------------------------------------------

wxPanel* TillFrame::build_close() {
    auto* p = new wxPanel(m_book);
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(p, wxID_ANY, _("Close the day (Z report)"));
    scale_font(title, 2.0, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    m_z_text = new wxStaticText(p, wxID_ANY, "");
    wxFont mono(wxFontInfo(13).Family(wxFONTFAMILY_TELETYPE));
    m_z_text->SetFont(mono);
    s->Add(m_z_text, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    // Count by denomination (the total fills in below), or type the total directly.
    auto* denoms = new wxFlexGridSizer(2, 11, 4, 6);
    for (std::int64_t ore : cash_denominations)
        denoms->Add(new wxStaticText(p, wxID_ANY, wx(format_dkk(Money::from_ore(ore)))), 0,
                    wxALIGN_CENTER_HORIZONTAL);
    for (std::size_t i = 0; i < std::size(cash_denominations); ++i) {
        auto* f = new wxTextCtrl(p, wxID_ANY, "", wxDefaultPosition, wxSize(70, -1), wxTE_RIGHT);
        f->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
            std::vector<std::int64_t> counts;
            bool any = false;
            for (auto* d : m_denominations) {
                long n = 0;
                const bool ok = d->GetValue().ToLong(&n) && n >= 0 && n < 100000;
                counts.push_back(ok ? n : 0);
                any = any || ok;
            }
            if (any)
                m_counted->ChangeValue(wx(format_amount(count_cash(counts))));
        });
        m_denominations.push_back(f);
        denoms->Add(f, 0);
    }
    s->Add(denoms, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    auto* label = new wxStaticText(p, wxID_ANY,
                                   _("Count the cash in the drawer and type the "
                                     "amount:"));
    scale_font(label, 1.3);
    s->Add(label, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    m_counted = new wxTextCtrl(p, wxID_ANY, "", wxDefaultPosition, wxSize(260, -1),
                               wxTE_PROCESS_ENTER | wxTE_RIGHT);
    scale_font(m_counted, 1.8);
    s->Add(m_counted, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_confirm_close = new wxButton(p, wxID_ANY, _("Close the day"), wxDefaultPosition, big_button);
    auto* back = new wxButton(p, wxID_ANY, _("Back"), wxDefaultPosition, big_button);
    row->Add(m_confirm_close, 0, wxRIGHT, 12);
    row->Add(back, 0);
    s->Add(row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 12);
    p->SetSizer(s);
    auto confirm = [this](wxCommandEvent&) {
        m_presenter->close_shift(utf8(m_counted->GetValue()));
    };
    m_confirm_close->Bind(wxEVT_BUTTON, confirm);
    m_counted->Bind(wxEVT_TEXT_ENTER, confirm);
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->next_sale(); });
    return p;
}

wxString TillFrame::totals_text(const ShiftTotals& t) const {
    auto row = [](const wxString& label, Money m) {
        return wx(receipts::two_columns(utf8(label), format_amount(m), 44)) + "\n";
    };
    wxString text;
    text += wxString::Format(_("Sales: %lld   Refunds: %lld"), static_cast<long long>(t.sales),
                             static_cast<long long>(t.refunds)) +
            "\n\n";
    text += row(_("Total"), t.gross);
    text += row(_("Cash"), t.cash);
    text += row(_("Card"), t.card);
    text += row("MobilePay", t.mobilepay);
    text += row(_("Cash rounding"), t.rounding);
    text += row(_("Discounts given"), t.discounts);
    for (const auto& g : t.vat)
        text += row(wxString::Format(_("VAT %s of %s"), wx(format_rate(g.rate)),
                                     wx(format_amount(g.gross))),
                    g.vat);
    for (const auto& [name, amount] : t.by_seller)
        text += row(wxString::Format(_("Sold by %s"), wx(name)), amount);
    text += "\n" + row(_("Expected cash in the drawer"), t.expected_cash);
    text += row(_("Grand total (never reset)"), t.grand_total);
    return text;
}

void TillFrame::show_close_shift(const ShiftTotals& t) {
    const wxString text = totals_text(t);
    for (auto* d : m_denominations)
        d->ChangeValue("");
    m_z_text->SetLabel(text);
    m_counted->Clear();
    m_info->Dismiss();
    m_book->ChangeSelection(close_page);
    Layout();
    m_counted->SetFocus();
}

// ---- refunds -----------------------------------------------------------------------------

wxPanel* TillFrame::build_refund_lookup() {
    auto* p = new wxPanel(m_book);
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_lookup_title = new wxStaticText(p, wxID_ANY, _("Refund"));
    scale_font(m_lookup_title, 2.0, true);
    s->Add(m_lookup_title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 20);
    auto* label = new wxStaticText(p, wxID_ANY,
                                   _("Scan the barcode on the receipt, or type "
                                     "its number:"));
    scale_font(label, 1.3);
    s->Add(label, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    m_receipt = new wxTextCtrl(p, wxID_ANY, "", wxDefaultPosition, wxSize(300, -1),
                               wxTE_PROCESS_ENTER | wxTE_CENTRE);
    scale_font(m_receipt, 1.8);
    s->Add(m_receipt, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_lookup_button =
        new wxButton(p, wxID_ANY, _("Find the receipt"), wxDefaultPosition, wxSize(220, 64));
    auto* back = new wxButton(p, wxID_ANY, _("Back"), wxDefaultPosition, big_button);
    row->Add(m_lookup_button, 0, wxRIGHT, 12);
    row->Add(back, 0);
    s->Add(row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    p->SetSizer(s);
    auto submit = [this](wxCommandEvent&) {
        const std::string typed = utf8(m_receipt->GetValue());
        if (m_lookup == ReceiptLookup::copy)
            m_presenter->copy_receipt(typed);
        else
            m_presenter->find_refund(typed);
    };
    m_receipt->Bind(wxEVT_TEXT_ENTER, submit);
    m_lookup_button->Bind(wxEVT_BUTTON, submit);
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->next_sale(); });
    return p;
}

void TillFrame::show_receipt_lookup(ReceiptLookup purpose, const std::string& suggested) {
    m_lookup = purpose;
    m_lookup_title->SetLabel(purpose == ReceiptLookup::copy ? _("Receipt copy") : _("Refund"));
    m_lookup_button->SetLabel(purpose == ReceiptLookup::copy ? _("Print the copy")
                                                             : _("Find the receipt"));
    m_receipt->ChangeValue(wx(suggested));
    m_info->Dismiss();
    m_book->ChangeSelection(refund_lookup_page);
    Layout();
    m_receipt->SetFocus();
    m_receipt->SelectAll(); // a scan or a typed number replaces the suggestion
}

wxPanel* TillFrame::build_refund() {
    auto* p = new wxPanel(m_book);
    auto* s = new wxBoxSizer(wxVERTICAL);
    m_refund_title = new wxStaticText(p, wxID_ANY, "");
    scale_font(m_refund_title, 1.8, true);
    s->Add(m_refund_title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 12);
    m_refund_lines = new wxListCtrl(p, wxID_ANY, wxDefaultPosition, wxSize(760, 260),
                                    wxLC_REPORT | wxLC_SINGLE_SEL);
    scale_font(m_refund_lines, 1.2);
    m_refund_lines->InsertColumn(0, _("Item"), wxLIST_FORMAT_LEFT, 330);
    m_refund_lines->InsertColumn(1, _("Bought"), wxLIST_FORMAT_RIGHT, 110);
    m_refund_lines->InsertColumn(2, _("Can return"), wxLIST_FORMAT_RIGHT, 150);
    m_refund_lines->InsertColumn(3, _("Returned now"), wxLIST_FORMAT_RIGHT, 160);
    s->Add(m_refund_lines, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    auto* qty = new wxBoxSizer(wxHORIZONTAL);
    m_refund_more =
        new wxButton(p, wxID_ANY, _("One more back"), wxDefaultPosition, wxSize(220, 60));
    auto* less = new wxButton(p, wxID_ANY, _("One fewer"), wxDefaultPosition, wxSize(220, 60));
    qty->Add(m_refund_more, 0, wxRIGHT, 12);
    qty->Add(less, 0);
    s->Add(qty, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    m_refund_total = new wxStaticText(p, wxID_ANY, "");
    scale_font(m_refund_total, 2.0, true);
    s->Add(m_refund_total, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    auto* pay = new wxBoxSizer(wxHORIZONTAL);
    m_refund_cash =
        new wxButton(p, wxID_ANY, _("Pay back in cash"), wxDefaultPosition, wxSize(230, 72));
    auto* card =
        new wxButton(p, wxID_ANY, _("Back to the card"), wxDefaultPosition, wxSize(230, 72));
    auto* mobile = new wxButton(p, wxID_ANY, "MobilePay", wxDefaultPosition, wxSize(230, 72));
    m_refund_mobile_button = mobile;
    for (auto* b : {m_refund_cash, card, mobile}) {
        scale_font(b, 1.2, true);
        pay->Add(b, 0, wxRIGHT, 10);
    }
    s->Add(pay, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    auto* back =
        new wxButton(p, wxID_ANY, _("Cancel the refund"), wxDefaultPosition, wxSize(260, 56));
    s->Add(back, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    p->SetSizer(s);

    auto selected = [this]() {
        return m_refund_lines->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    };
    m_refund_more->Bind(wxEVT_BUTTON, [this, selected](wxCommandEvent&) {
        const long l = selected();
        if (l < 0)
            show_problem(Message(BL_N_("Choose a line on the receipt first.")));
        else
            m_presenter->refund_more(static_cast<std::size_t>(l));
    });
    less->Bind(wxEVT_BUTTON, [this, selected](wxCommandEvent&) {
        const long l = selected();
        if (l >= 0)
            m_presenter->refund_less(static_cast<std::size_t>(l));
    });
    m_refund_cash->Bind(wxEVT_BUTTON,
                        [this](wxCommandEvent&) { m_presenter->refund_pay(Tender::cash); });
    card->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->refund_pay(Tender::card); });
    mobile->Bind(wxEVT_BUTTON,
                 [this](wxCommandEvent&) { m_presenter->refund_pay(Tender::mobilepay); });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->next_sale(); });
    return p;
}

void TillFrame::show_refund(const RefundDraft& d) {
    m_refund_mobile_button->SetLabel(wx(m_presenter->current_settings().mobilepay_name));
    const long keep = m_refund_lines->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    m_refund_title->SetLabel(wxString::Format(_("Refund from receipt %lld, %s"),
                                              static_cast<long long>(d.original().receipt_number),
                                              wx(format_copenhagen(d.original().sold_at))));
    m_refund_lines->DeleteAllItems();
    long row = 0;
    for (std::size_t i = 0; i < d.original().lines.size(); ++i) {
        const auto& l = d.original().lines[i];
        m_refund_lines->InsertItem(row, wx(l.description));
        m_refund_lines->SetItem(row, 1,
                                wxString::Format("%lld", static_cast<long long>(l.quantity)));
        m_refund_lines->SetItem(row, 2,
                                wxString::Format("%lld", static_cast<long long>(d.can_refund(i))));
        m_refund_lines->SetItem(row, 3,
                                wxString::Format("%lld", static_cast<long long>(d.chosen(i))));
        ++row;
    }
    m_refund_lines->SetItemState(keep >= 0 && keep < row ? keep : 0, wxLIST_STATE_SELECTED,
                                 wxLIST_STATE_SELECTED);
    m_refund_total->SetLabel(wxString::Format(_("To pay back: %s"), money(-d.total())));
    m_book->ChangeSelection(refund_page);
    Layout();
}

void TillFrame::show_refund_done(const Sale& refund, Money paid_out, Tender tender) {
    const wxString how = tender == Tender::cash   ? _("in cash")
                         : tender == Tender::card ? _("to the card")
                                                  : wxString("MobilePay");
    m_change->SetLabel(wxString::Format(_("Pay back %s %s"), money(-paid_out), how));
    m_done_info->SetLabel(wxString::Format(_("Refund receipt %lld is saved."),
                                           static_cast<long long>(refund.receipt_number)));
    m_info->Dismiss();
    m_book->ChangeSelection(done_page);
    Layout();
    m_next->SetFocus();
}

// ---- X report and training --------------------------------------------------------------

wxPanel* TillFrame::build_x() {
    auto* p = new wxPanel(m_book);
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(p, wxID_ANY, _("X report (the day so far)"));
    scale_font(title, 2.0, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    m_x_text = new wxStaticText(p, wxID_ANY, "");
    m_x_text->SetFont(wxFont(wxFontInfo(13).Family(wxFONTFAMILY_TELETYPE)));
    s->Add(m_x_text, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    auto* back =
        new wxButton(p, wxID_ANY, _("Back to the sale"), wxDefaultPosition, wxSize(260, 60));
    s->Add(back, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 12);
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->next_sale(); });
    p->SetSizer(s);
    return p;
}

void TillFrame::show_x_report(const ShiftTotals& t) {
    m_x_text->SetLabel(totals_text(t));
    m_info->Dismiss();
    m_book->ChangeSelection(x_page);
    Layout();
}

void TillFrame::show_training(bool on) {
    m_training_banner->Show(on);
    m_training_button->SetLabel(on ? _("Training off") : _("Training"));
    Layout();
}

// ---- parked sales and settings ------------------------------------------------------------

void TillFrame::show_parked(std::size_t count) {
    m_resume_button->SetLabel(count == 0 ? _("Resume parked")
                                         : wxString::Format(_("Resume parked (%zu)"), count));
    m_resume_button->Enable(count > 0);
}

wxPanel* TillFrame::build_settings() {
    auto* p = new wxPanel(m_book);
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(p, wxID_ANY, _("Settings"));
    scale_font(title, 2.0, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    auto* grid = new wxFlexGridSizer(2, 10, 12);
    auto field = [&](const wxString& label, wxTextCtrl*& ctrl, const wxString& hint) {
        auto* l = new wxStaticText(p, wxID_ANY, label);
        scale_font(l, 1.2);
        ctrl = new wxTextCtrl(p, wxID_ANY, "", wxDefaultPosition, wxSize(420, -1));
        scale_font(ctrl, 1.2);
        ctrl->SetHint(hint);
        grid->Add(l, 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(ctrl, 1, wxEXPAND);
    };
    field(_("Receipt printer"), m_set_printer,
          _("/dev/usb/lp0, 192.168.1.50:9100 or cups:Name; empty for none"));
    field(_("Shop name"), m_set_shop_name, "");
    field(_("Street and number"), m_set_shop_address, "");
    field(_("Postcode"), m_set_shop_postcode, "");
    field(_("Town"), m_set_shop_city, "");
    field(_("CVR number"), m_set_shop_cvr, "");
    field(_("Name of the mobile payment"), m_set_mobilepay, "MobilePay");
    field(_("Largest discount staff may give (kr.)"), m_set_limit, "50,00");
    field(_("Last line on the receipt"), m_set_footer, "");
    grid->AddSpacer(1);
    auto* lang_label = new wxStaticText(p, wxID_ANY, _("Language (from the next start)"));
    scale_font(lang_label, 1.2);
    m_set_language = new wxChoice(p, wxID_ANY);
    m_set_language->Append(wx("Dansk"));
    m_set_language->Append("English");
    grid->Add(lang_label, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(m_set_language, 0);
    grid->AddSpacer(1);
    m_set_impact = new wxCheckBox(p, wxID_ANY, _("Print \"Bag om tingene\" after the receipt"));
    scale_font(m_set_impact, 1.2);
    grid->Add(m_set_impact);
    s->Add(grid, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* save = new wxButton(p, wxID_ANY, _("Save"), wxDefaultPosition, big_button);
    auto* import = new wxButton(p, wxID_ANY, _("Import items from a CSV file…"), wxDefaultPosition,
                                wxSize(300, 64));
    auto* back = new wxButton(p, wxID_ANY, _("Back"), wxDefaultPosition, big_button);
    row->Add(save, 0, wxRIGHT, 12);
    row->Add(import, 0, wxRIGHT, 12);
    row->Add(back, 0);
    import->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxFileDialog pick(this, _("Choose the catalogue file"), "", "",
                          _("CSV files (*.csv)|*.csv|All files|*"),
                          wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (pick.ShowModal() == wxID_OK)
        m_presenter->import_catalogue(utf8(pick.GetPath()));
});
s->Add(row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 12);
p->SetSizer(s);
save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    TillSettings t;
    t.printer = utf8(m_set_printer->GetValue());
    t.mobilepay_name = utf8(m_set_mobilepay->GetValue());
    t.discount_limit = utf8(m_set_limit->GetValue());
    t.receipt_footer = utf8(m_set_footer->GetValue());
    t.impact_block = m_set_impact->GetValue();
    m_presenter->save_settings(t);
});
back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->next_sale(); });
return p;
} // namespace bl::pos

void TillFrame::show_settings(const TillSettings& t) {
    m_set_printer->SetValue(wx(t.printer));
    m_set_mobilepay->SetValue(wx(t.mobilepay_name));
    m_set_limit->SetValue(wx(t.discount_limit));
    m_set_footer->SetValue(wx(t.receipt_footer));
    m_set_impact->SetValue(t.impact_block);
    m_set_language->SetSelection(t.language == "en" ? 1 : 0);
    m_set_shop_name->SetValue(wx(t.shop.name));
    m_set_shop_address->SetValue(wx(t.shop.address));
    m_set_shop_postcode->SetValue(wx(t.shop.postcode));
    m_set_shop_city->SetValue(wx(t.shop.city));
    m_set_shop_cvr->SetValue(wx(t.shop.cvr));
    m_info->Dismiss();
    m_book->ChangeSelection(settings_page);
    Layout();
    m_set_printer->SetFocus();
}

// ---- catalogue import --------------------------------------------------------------------

wxPanel* TillFrame::build_import() {
    auto* p = new wxPanel(m_book);
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(p, wxID_ANY, _("Import items"));
    scale_font(title, 2.0, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 16);
    m_import_summary = new wxStaticText(p, wxID_ANY, "");
    scale_font(m_import_summary, 1.3);
    s->Add(m_import_summary, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    m_import_rejected = new wxListCtrl(p, wxID_ANY, wxDefaultPosition, wxSize(900, 300),
                                       wxLC_REPORT | wxLC_SINGLE_SEL);
    m_import_rejected->InsertColumn(0, _("Line"), wxLIST_FORMAT_RIGHT, 70);
    m_import_rejected->InsertColumn(1, _("Why it was rejected"), wxLIST_FORMAT_LEFT, 820);
    s->Add(m_import_rejected, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_import_confirm = new wxButton(p, wxID_ANY, "", wxDefaultPosition, wxSize(360, 64));
    auto* back = new wxButton(p, wxID_ANY, _("Cancel"), wxDefaultPosition, big_button);
    row->Add(m_import_confirm, 0, wxRIGHT, 12);
    row->Add(back, 0);
    s->Add(row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 12);
    p->SetSizer(s);
    m_import_confirm->Bind(wxEVT_BUTTON,
                           [this](wxCommandEvent&) { m_presenter->confirm_import(); });
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->next_sale(); });
    return p;
}

void TillFrame::show_import(const ImportPlan& plan) {
    m_import_summary->SetLabel(wxString::Format(_("%zu items can be imported; %zu rows were "
                                                  "rejected."),
                                                plan.valid.size(), plan.rejected.size()));
    m_import_rejected->DeleteAllItems();
    long row = 0;
    for (const auto& r : plan.rejected) {
        m_import_rejected->InsertItem(row, wxString::Format("%zu", r.line));
        m_import_rejected->SetItem(row, 1, tr(r.reason));
        ++row;
    }
    m_import_confirm->SetLabel(
        plan.rejected.empty()
            ? wxString::Format(_("Import %zu items"), plan.valid.size())
            : wxString::Format(_("Import only the %zu valid items"), plan.valid.size()));
    m_import_confirm->Enable(!plan.valid.empty());
    m_info->Dismiss();
    m_book->ChangeSelection(import_page);
    Layout();
}

void TillFrame::show_import_done(std::size_t added) {
    m_info->ShowMessage(wxString::Format(_("%zu items were added to the catalogue."), added),
                        wxICON_INFORMATION);
    m_category_buttons.clear(); // rebuild the tiles with the new items
    m_categories->DestroyChildren();
    m_presenter->next_sale();
}

// ---- approval by an organiser -------------------------------------------------------------

wxPanel* TillFrame::build_approval() {
    auto* p = new wxPanel(m_book);
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* title = new wxStaticText(p, wxID_ANY, _("An organiser approves the next action"));
    scale_font(title, 1.8, true);
    s->Add(title, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 20);
    m_approvers = new wxPanel(p);
    m_approvers->SetSizer(new wxWrapSizer(wxHORIZONTAL));
    s->Add(m_approvers, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    m_approval_pin = new wxTextCtrl(p, wxID_ANY, "", wxDefaultPosition, wxSize(260, -1),
                                    wxTE_PASSWORD | wxTE_PROCESS_ENTER | wxTE_CENTRE);
    scale_font(m_approval_pin, 2.0);
    s->Add(m_approval_pin, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* ok = new wxButton(p, wxID_ANY, _("Approve"), wxDefaultPosition, big_button);
    auto* back = new wxButton(p, wxID_ANY, _("Cancel"), wxDefaultPosition, big_button);
    row->Add(ok, 0, wxRIGHT, 12);
    row->Add(back, 0);
    s->Add(row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 10);
    p->SetSizer(s);
    auto approve = [this](wxCommandEvent&) {
        m_presenter->approve(m_chosen_approver, utf8(m_approval_pin->GetValue()));
        m_approval_pin->Clear();
    };
    ok->Bind(wxEVT_BUTTON, approve);
    m_approval_pin->Bind(wxEVT_TEXT_ENTER, approve);
    back->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { m_presenter->next_sale(); });
    return p;
}

void TillFrame::show_approval(const std::vector<StaffUser>& organisers) {
    m_approvers->DestroyChildren();
    m_chosen_approver = organisers.size() == 1 ? organisers.front().id : std::string();
    for (const auto& u : organisers) {
        auto* b =
            new wxButton(m_approvers, wxID_ANY, wx(u.name), wxDefaultPosition, wxSize(190, 70));
        scale_font(b, 1.4, true);
        const std::string id = u.id;
        b->Bind(wxEVT_BUTTON, [this, id](wxCommandEvent&) {
            m_chosen_approver = id;
            m_approval_pin->SetFocus();
        });
        m_approvers->GetSizer()->Add(b, 0, wxALL, 6);
    }
    m_approval_pin->Clear();
    m_info->Dismiss();
    m_book->ChangeSelection(approval_page);
    m_approvers->Layout();
    Layout();
    m_approval_pin->SetFocus();
}

void TillFrame::show_approved(const std::string& organiser_name) {
    m_info->ShowMessage(
        wxString::Format(_("%s approved the next action. Do it now."), wx(organiser_name)),
        wxICON_INFORMATION);
}

// ---- status and problems -----------------------------------------------------------------

void TillFrame::show_status(const std::string& staff_name, std::int64_t unsent,
                            std::optional<Timestamp> last_sync) {
    SetStatusText(staff_name.empty() ? _("Nobody is logged in")
                                     : wxString::Format(_("Logged in: %s"), wx(staff_name)),
                  0);
    const wxString when = last_sync ? wx(format_copenhagen(*last_sync)) : _("never");
    SetStatusText(wxString::Format(_("%lld records not yet sent to the central store (last "
                                     "sent: %s)"),
                                   static_cast<long long>(unsent), when),
                  1);
    SetStatusText(wx(m_presenter->till_name()), 2);
}

void TillFrame::show_problem(const Message& m) {
    const wxString text = tr(m);
    m_last_problem = utf8(text);
    m_info->ShowMessage(text, wxICON_WARNING);
    focus_scan();
}

} // namespace bl::pos
