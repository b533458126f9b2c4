#pragma once
/// The sale screen: the scan field (which keeps the keyboard, so a scanner always types into
/// it), category buttons and item tiles, and the cart panel. F12 pays, F10 opens the menu of
/// the till's other functions.

#include <map>
#include <vector>

#include <wx/timer.h>

#include "pos/ui/screens/cart_panel.hpp"
#include "pos/ui/screens/till_screen.hpp"
#include "shared/wxui/picture_cache.hpp"
#include "shared/wxui/tile_grid.hpp"

class wxButton;
class wxPanel;
class wxStaticText;
class wxTextCtrl;

namespace bl::wxui {
class FitLabel;
}

namespace bl::pos {

class SaleScreen : public TillScreen, public SaleView {
public:
    /// `training_banner` is the frame's (it shows over every screen).
    SaleScreen(wxSimplebook* book, wxui::MessageBar& bar, wxWindow* training_banner);

    void show_sale(const Cart& cart, const CartTotals& totals) override;
    void show_search_results(const std::vector<Product>& found) override;
    void show_next_quantity(std::int64_t quantity) override;
    void clear_typed() override;
    void show_parked(std::size_t count) override;
    void show_new_catalogue() override;
    void show_training(bool on) override;

    wxTextCtrl* scan_field() const { return m_scan; }
    CartPanel& cart_panel() { return *m_cart; }
    wxui::TileGrid& tiles() { return *m_tiles; }
    const wxui::PictureCache& pictures() const { return m_pictures; }
    /// Puts the keyboard back in the scan field (when this screen is on show).
    void focus_scan();
    /// Sends a typed letter or digit to the scan field (a scanner typing while the cart, a
    /// tile or a question has the keyboard); false for other keys.
    bool type_into_scan(wxKeyEvent& e);

private:
    void build_categories();
    void show_category(const std::string& category);
    /// Tiles for the items; `note` follows them (what is not shown, or nothing found).
    void show_products(const std::vector<Product>& products, const wxString& note);
    wxWindow* m_training_banner;
    wxTextCtrl* m_scan = nullptr;
    wxui::FitLabel* m_quantity = nullptr; ///< "3 ×" while a quantity waits for the next item
    wxTimer m_typing;                     ///< the pause after typing that shows what matches
    wxPanel* m_categories = nullptr;
    std::vector<wxButton*> m_category_buttons;
    std::map<std::string, std::int64_t> m_category_sizes;
    wxui::TileGrid* m_tiles = nullptr;
    wxui::PictureCache m_pictures;
    CartPanel* m_cart = nullptr;
};

} // namespace bl::pos
