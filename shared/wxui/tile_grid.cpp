#include "shared/wxui/tile_grid.hpp"

#include <wx/button.h>
#include <wx/stattext.h>
#include <wx/wrapsizer.h>

namespace bl::wxui {

TileGrid::TileGrid(wxWindow* parent, wxSize tile_size)
    : wxScrolledWindow(parent, wxID_ANY), m_tile_size(tile_size) {
    SetScrollRate(0, 20);
    SetSizer(new wxWrapSizer(wxHORIZONTAL));
}

void TileGrid::show_tiles(const std::vector<Tile>& tiles, const wxString& note) {
    DestroyChildren();
    m_buttons.clear();
    for (const auto& t : tiles) {
        auto* b = new wxButton(this, wxID_ANY, t.label, wxDefaultPosition, m_tile_size);
        b->Bind(wxEVT_BUTTON, [on_click = t.on_click](wxCommandEvent&) { on_click(); });
        GetSizer()->Add(b, 0, wxALL, 5);
        m_buttons.push_back(b);
    }
    if (!note.empty())
        GetSizer()->Add(new wxStaticText(this, wxID_ANY, note), 0, wxALL, 12);
    FitInside();
    Layout();
}

} // namespace bl::wxui
