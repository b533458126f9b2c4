#include "shared/wxui/amount_entry.hpp"

#include "shared/wxui/wx_text.hpp"

namespace bl::wxui {

AmountEntry::AmountEntry(wxWindow* parent, int width,
                         std::function<void(const std::string&)> on_enter, double font_scale)
    : wxTextCtrl(parent, wxID_ANY, "", wxDefaultPosition, wxSize(width, -1),
                 wxTE_PROCESS_ENTER | wxTE_RIGHT),
      m_on_enter(std::move(on_enter)) {
    scale_font(this, font_scale);
    Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { m_on_enter(typed()); });
}

std::string AmountEntry::typed() const {
    return utf8(GetValue());
}

} // namespace bl::wxui
