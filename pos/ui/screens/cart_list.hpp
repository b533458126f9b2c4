#pragma once
/// The cart as a list a person can read whole at any width: each line's name wraps instead
/// of being cut, its amount stands on the right, and what was done to it (quantity and unit
/// price, discount, new price, batch label) is said on a second, smaller line. Arrow keys
/// choose a line; the keys the cart panel gives meaning to (+, -, Delete ...) go to it.

#include <functional>
#include <vector>

#include <wx/vlbox.h>

#include "pos/model/cart.hpp"
#include "shared/wxui/whole_text.hpp"

namespace bl::pos {

class CartList : public wxVListBox, public wxui::WholeText {
public:
    /// `on_key` gets the keys the list does not use itself (it returns true when it used
    /// one).
    CartList(wxWindow* parent, std::function<bool(wxKeyEvent&)> on_key);
    /// Shows the cart; the chosen line stays chosen, else the newest line is.
    void show(const Cart& cart, const CartTotals& totals);
    /// The chosen cart line, or no_line (nothing chosen, or the basket discount's row).
    std::size_t chosen_line() const;
    void choose_line(std::size_t line);
    bool shows_whole_text() const override;

protected:
    void OnDrawItem(wxDC& dc, const wxRect& rect, size_t n) const override;
    wxCoord OnMeasureItem(size_t n) const override;

private:
    struct Row {
        wxString name, detail, amount;
    };
    struct Drawn {
        std::vector<wxString> name, detail;
        int amount_width = 0;
        int height = 0;
    };
    Drawn lay_out(const Row& row) const;
    std::vector<Row> m_rows;
    std::size_t m_lines = 0; ///< rows that are cart lines (a basket discount row follows)
    wxFont m_detail_font;
    std::function<bool(wxKeyEvent&)> m_on_key;
};

} // namespace bl::pos
