#include "shared/wxui/tile_grid.hpp"

#include <algorithm>

#include <wx/stattext.h>

namespace bl::wxui {

namespace {

constexpr int gap = 8;

} // namespace

TileGrid::TileGrid(wxWindow* parent, wxSize tile_size, double title_scale)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL),
      m_tile_size(tile_size), m_title_scale(title_scale) {
    SetScrollRate(0, 20);
    m_note = new wxStaticText(this, wxID_ANY, "");
    m_note->Hide();
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        arrange();
        e.Skip();
    });
}

void TileGrid::show_tiles(const std::vector<Item>& items, const wxString& note) {
    // Tiles are kept and shown again, so that a new category or search result does not
    // destroy the tile under the finger (or with the keyboard) while its event is handled.
    while (m_tiles.size() < items.size()) {
        const std::size_t i = m_tiles.size();
        auto* t = new Tile(this, m_tile_size, m_title_scale, nullptr);
        t->Bind(wxEVT_KEY_DOWN, [this, i](wxKeyEvent& e) {
            if (!move(i, e.GetKeyCode()) && !(m_keys && m_keys(e)))
                e.Skip();
        });
        m_tiles.push_back(t);
    }
    for (std::size_t i = 0; i < m_tiles.size(); ++i) {
        Tile* t = m_tiles[i];
        if (i < items.size()) {
            t->show(items[i].look);
            t->on_press(items[i].on_press);
            t->Show();
        } else {
            t->Hide();
        }
    }
    m_shown = items.size();
    m_note->SetLabel(note);
    m_note->Show(!note.empty());
    Scroll(0, 0);
    arrange();
}

bool TileGrid::focus_first() {
    if (m_shown == 0)
        return false;
    m_tiles[0]->SetFocus();
    return true;
}

void TileGrid::arrange() {
    const int width = GetClientSize().x - gap;
    m_columns = static_cast<std::size_t>(std::max(1, width / (m_tile_size.x + gap)));
    const int tile_width = std::max(m_tile_size.x, width / static_cast<int>(m_columns) - gap);
    int bottom = gap;
    for (std::size_t i = 0; i < m_shown; ++i) {
        const int col = static_cast<int>(i % m_columns), row = static_cast<int>(i / m_columns);
        const wxPoint at(gap + col * (tile_width + gap), gap + row * (m_tile_size.y + gap));
        m_tiles[i]->SetSize(wxRect(CalcScrolledPosition(at), wxSize(tile_width, m_tile_size.y)));
        bottom = at.y + m_tile_size.y + gap;
    }
    if (m_note->IsShown()) {
        m_note->Wrap(std::max(100, width - gap));
        m_note->SetPosition(CalcScrolledPosition(wxPoint(gap + 4, bottom + 4)));
        bottom += m_note->GetSize().y + 12;
    }
    SetVirtualSize(wxSize(width, bottom));
}

bool TileGrid::move(std::size_t i, int key) {
    std::size_t to = i;
    switch (key) {
    case WXK_LEFT:
        if (i % m_columns == 0)
            return false;
        to = i - 1;
        break;
    case WXK_RIGHT:
        if (i % m_columns == m_columns - 1 || i + 1 >= m_shown)
            return false;
        to = i + 1;
        break;
    case WXK_UP:
        if (i < m_columns)
            return false;
        to = i - m_columns;
        break;
    case WXK_DOWN:
        if (i + m_columns >= m_shown)
            return true; // the last row: stay
        to = i + m_columns;
        break;
    default:
        return false;
    }
    m_tiles[to]->SetFocus();
    // Keep the tile with the keyboard in view.
    int unit = 1;
    GetScrollPixelsPerUnit(nullptr, &unit);
    const wxRect r = m_tiles[to]->GetRect();
    if (r.y < 0 || r.GetBottom() > GetClientSize().y)
        Scroll(0, CalcUnscrolledPosition(r.GetPosition()).y / std::max(1, unit));
    return true;
}

} // namespace bl::wxui
