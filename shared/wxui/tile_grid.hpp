#pragma once
/// Big buttons in rows that wrap and scroll: items on the sale screen, anything a finger
/// picks from a list.

#include <functional>
#include <vector>

#include <wx/scrolwin.h>

class wxButton;

namespace bl::wxui {

class TileGrid : public wxScrolledWindow {
public:
    struct Tile {
        wxString label; ///< may hold line breaks
        std::function<void()> on_click;
    };
    TileGrid(wxWindow* parent, wxSize tile_size);
    /// Replaces the tiles; `note` (if any) follows them, for what is not shown.
    void show_tiles(const std::vector<Tile>& tiles, const wxString& note = {});
    const std::vector<wxButton*>& buttons() const { return m_buttons; }

private:
    wxSize m_tile_size;
    std::vector<wxButton*> m_buttons;
};

} // namespace bl::wxui
