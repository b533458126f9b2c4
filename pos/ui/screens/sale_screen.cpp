#include "pos/ui/screens/sale_screen.hpp"

#include <algorithm>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include "pos/ui/screens/cart_list.hpp"
#include "shared/core/text.hpp"
#include "shared/wxui/fit_label.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::pos {

using wxui::money_text;
using wxui::scale_font;
using wxui::utf8;
using wxui::wx;

namespace {

const wxSize tile_size(150, 84);
/// A product's picture on its tile: at most this wide and high, beside the name and above the
/// price (84 pixels less the margins and the price's line).
constexpr int picture_side = 42;
/// Tiles are for quick picks: a category with more items shows the first ones and a note to
/// search for the rest (a big catalogue must not build thousands of buttons).
constexpr int max_tiles = 60;

} // namespace

SaleScreen::SaleScreen(wxSimplebook* book, wxui::MessageBar& bar, wxWindow* training_banner)
    : TillScreen(book, "sale", bar), m_training_banner(training_banner), m_pictures(picture_side) {
    auto* cols = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* scan_row = new wxBoxSizer(wxHORIZONTAL);
    auto* scan_label = new wxStaticText(this, wxID_ANY, _("Scan or search:"));
    scale_font(scan_label, 1.2);
    scan_row->Add(scan_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    m_scan =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
    scale_font(m_scan, 1.5);
    m_scan->SetHint(_("Barcode or item name"));
    scan_row->Add(m_scan, 1, wxEXPAND);
    m_quantity = new wxui::FitLabel(this, 1.5, true, 1, wxALIGN_CENTRE_HORIZONTAL);
    m_quantity->SetMinSize(wxSize(70, m_quantity->GetMinSize().y));
    scan_row->Add(m_quantity, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, 4);
    left->Add(scan_row, 0, wxEXPAND | wxALL, 8);
    m_categories = new wxPanel(this);
    m_categories->SetSizer(new wxWrapSizer(wxHORIZONTAL));
    left->Add(m_categories, 0, wxEXPAND | wxLEFT | wxRIGHT, 8);
    m_tiles = new wxui::TileGrid(this, tile_size, 1.05);
    m_tiles->on_other_key([this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_UP || e.GetKeyCode() == WXK_ESCAPE) {
            focus_scan();
            return true;
        }
        if (e.GetKeyCode() == WXK_RIGHT) {
            m_cart->list().SetFocus();
            return true;
        }
        return type_into_scan(e);
    });
    left->Add(m_tiles, 1, wxEXPAND | wxALL, 4);
    cols->Add(left, 1, wxEXPAND);
    m_cart = new CartPanel(
        this, [this]() -> Till& { return till(); }, [this] { focus_scan(); },
        [this](wxKeyEvent& e) {
            // From the cart: Escape back to the scan field, left into the tiles.
            if (e.GetKeyCode() == WXK_ESCAPE) {
                focus_scan();
                return true;
            }
            if (e.GetKeyCode() == WXK_LEFT) {
                if (!m_tiles->focus_first())
                    focus_scan();
                return true;
            }
            return type_into_scan(e);
        });
    cols->Add(m_cart, 0, wxEXPAND);
    SetSizer(cols);
    // The cart takes 45 % of the width (more if its buttons need it), the tiles the rest.
    // Not by proportions: a box sizer meets unequal proportions by widening the whole row.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        const int natural = m_cart->GetSizer()->CalcMin().x;
        m_cart->SetMinSize(wxSize(std::max(natural, e.GetSize().x * 9 / 20), -1));
        e.Skip();
    });

    // Down from the scan field into the tiles (search results or a category), right (with
    // nothing typed) into the cart.
    m_scan->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DOWN && m_tiles->focus_first())
            return;
        if (e.GetKeyCode() == WXK_ESCAPE) { // start again: nothing typed, one of the next
            m_typing.Stop();
            m_scan->ChangeValue("");
            till().selling().cancel_quantity();
            return;
        }
        if (e.GetKeyCode() == WXK_RIGHT && m_scan->IsEmpty() && m_cart->list().GetItemCount() > 0) {
            m_cart->list().SetFocus();
            return;
        }
        e.Skip();
    });
    m_scan->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        m_typing.Stop();
        const std::string text = utf8(m_scan->GetValue());
        m_scan->ChangeValue("");
        till().selling().enter(text);
        focus_scan();
    });
    // What matches shows after a short pause in typing (a scanner's Enter comes first).
    m_typing.SetOwner(this);
    m_scan->Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
        m_typing.StartOnce(350);
        e.Skip();
    });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        if (IsShownOnScreen())
            till().selling().type_ahead(utf8(m_scan->GetValue()));
    });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_F12)
            till().checkout().pay();
        else if (e.GetKeyCode() == WXK_F10)
            till().selling().open_menu();
        else
            e.Skip();
    });
}

bool SaleScreen::type_into_scan(wxKeyEvent& e) {
    // A scanner types wherever the keyboard is: its digits (and a typed name) go to the scan
    // field, so no scan is lost while the cart or a tile has the keyboard.
    const wxChar key = e.GetUnicodeKey();
    if (key == WXK_NONE || e.HasModifiers() || !wxIsalnum(key))
        return false;
    m_scan->SetFocus();
    // A typed character comes as it is; a pressed key (on a tile) as its capital letter.
    const bool typed = e.GetEventType() == wxEVT_CHAR;
    m_scan->AppendText(
        wxString(typed || e.ShiftDown() ? key : static_cast<wxChar>(wxTolower(key))));
    return true;
}

void SaleScreen::focus_scan() {
    if (IsShownOnScreen())
        m_scan->SetFocus();
}

void SaleScreen::show_sale(const Cart& cart, const CartTotals& totals) {
    if (m_category_buttons.empty())
        build_categories();
    m_cart->show(cart, totals);
    bring_forward();
    m_scan->SetFocus();
}

void SaleScreen::show_search_results(const std::vector<Product>& found) {
    for (auto* b : m_category_buttons) // no category is chosen now
        if (b->GetLabel().StartsWith(wx("▶ ")))
            b->SetLabel(b->GetLabel().Mid(2));
    show_products(found, found.empty() ? _("No item matches. Try part of the name.") : wxString());
}

void SaleScreen::show_next_quantity(std::int64_t quantity) {
    m_quantity->SetLabel(quantity == 1
                             ? wxString()
                             : wxString::Format(_("%lld ×"), static_cast<long long>(quantity)));
}

void SaleScreen::clear_typed() {
    m_typing.Stop();
    m_scan->ChangeValue("");
}

void SaleScreen::show_parked(std::size_t count) {
    m_cart->show_parked(count);
}

void SaleScreen::show_new_catalogue() {
    m_category_buttons.clear(); // built again at the next show_sale
    m_categories->DestroyChildren();
}

void SaleScreen::show_training(bool on) {
    m_training_banner->Show(on);
    GetParent()->GetParent()->Layout(); // the frame, where the banner is
}

void SaleScreen::build_categories() {
    m_categories->DestroyChildren();
    m_category_buttons.clear();
    m_category_sizes.clear();
    // The fullest categories first: the shop's main goods lead.
    const auto cats = till().tiles().categories();
    const auto colours = till().tiles().category_colours();
    for (const auto& [c, size] : cats) {
        m_category_sizes[c] = size;
        auto* b = new wxButton(m_categories, wxID_ANY, wx(c));
        scale_font(b, 1.1);
        // The category's pale colour, as its tiles have it: no louder than they are.
        if (auto colour = colours.find(c); colour != colours.end()) {
            b->SetBackgroundColour(wxColour(wx(colour->second)));
            b->SetForegroundColour(wxColour(0x1a, 0x1a, 0x1a));
        }
        wxui::size_for_label(b, wx("▶ " + c), 90, 40); // room for the mark when chosen
        b->Bind(wxEVT_BUTTON, [this, category = c](wxCommandEvent&) {
            show_category(category);
            focus_scan();
        });
        m_categories->GetSizer()->Add(b, 0, wxRIGHT | wxBOTTOM, 4);
        m_category_buttons.push_back(b);
    }
    m_categories->Layout();
    if (!cats.empty())
        show_category(cats.front().first);
}

void SaleScreen::show_category(const std::string& category) {
    // The chosen category is marked; the others keep their plain names.
    for (auto* b : m_category_buttons) {
        wxString label = b->GetLabel();
        if (label.StartsWith(wx("▶ ")))
            label = label.Mid(2);
        b->SetLabel(utf8(label) == category ? wx("▶ ") + label : label);
    }
    m_categories->Layout();
    Layout();
    const auto products = till().tiles().products_in(category, max_tiles);
    const auto more = static_cast<unsigned>(m_category_sizes[category] -
                                            static_cast<std::int64_t>(products.size()));
    show_products(products, more == 0 ? wxString()
                                      : wxString::Format(wxPLURAL("%u more item: type part of "
                                                                  "its name to find it.",
                                                                  "%u more items: type part of "
                                                                  "the name to find them.",
                                                                  more),
                                                         more));
}

void SaleScreen::show_products(const std::vector<Product>& products, const wxString& note) {
    std::vector<wxui::TileGrid::Item> tiles;
    const auto looks = till().tiles().looks(products);
    for (std::size_t i = 0; i < products.size(); ++i) {
        const Product& p = products[i];
        wxui::Tile::Look look;
        look.title = wx(p.name);
        look.detail = money_text(p.price);
        look.detail_scale = 1.2;
        look.detail_bold = true;
        if (!looks[i].colour.empty())
            look.colour = wxColour(wx(looks[i].colour));
        // Decoded the first time this picture is shown, then kept until it changes.
        look.picture = m_pictures.get(p.id, looks[i].picture,
                                      [this, id = p.id] { return till().tiles().picture(id); });
        tiles.push_back({look, [this, id = p.id] {
                             // What is typed (a quantity, "3*") counts, even before the pause.
                             m_typing.Stop();
                             till().selling().type_ahead(utf8(m_scan->GetValue()));
                             till().selling().add_product(id);
                             focus_scan();
                         }});
    }
    m_tiles->show_tiles(tiles, note);
}

} // namespace bl::pos
