#pragma once
/// Big tiles in rows that fill the width and scroll: items on the sale screen, anything a
/// finger picks from a list. The arrow keys move between tiles (Enter presses one); keys the
/// grid does not use, and arrows that leave it, go to whoever asked for them.

#include <functional>
#include <vector>

#include <wx/scrolwin.h>

#include "shared/wxui/tile.hpp"

class wxStaticText;

namespace bl::wxui {

class TileGrid : public wxScrolledWindow {
public:
    struct Item {
        Tile::Look look;
        std::function<void()> on_press;
    };
    /// `tile_size`: the smallest a tile may be (tiles widen to fill a row); `title_scale`:
    /// the tiles' title font against the grid's.
    TileGrid(wxWindow* parent, wxSize tile_size, double title_scale);
    /// Replaces the tiles; `note` (if any) follows them, for what is not shown.
    void show_tiles(const std::vector<Item>& items, const wxString& note = {});
    Tile* tile(std::size_t i) const { return i < m_shown ? m_tiles[i] : nullptr; }
    std::size_t count() const { return m_shown; }
    /// Puts the keyboard on the first tile; false when there is none.
    bool focus_first();
    /// `keys` gets the keys the tiles do not use (letters, digits, Escape) and the arrows that
    /// leave the grid (up from the top row, right from the end of a row); it returns true
    /// when it used the key.
    void on_other_key(std::function<bool(wxKeyEvent&)> keys) { m_keys = std::move(keys); }

private:
    /// Places the tiles in as many columns as fit, each as wide as a column.
    void arrange();
    /// Moves the keyboard from tile `i` by an arrow key; false when the arrow leaves the grid.
    bool move(std::size_t i, int key);
    wxSize m_tile_size;
    double m_title_scale;
    std::size_t m_columns = 1;
    std::vector<Tile*> m_tiles; ///< the first m_shown are on show, the rest hidden
    std::size_t m_shown = 0;
    wxStaticText* m_note = nullptr;
    std::function<bool(wxKeyEvent&)> m_keys;
};

} // namespace bl::wxui
