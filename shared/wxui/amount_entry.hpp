#pragma once
/// A field for an amount of money or a count, large and right-aligned, that acts on Enter.

#include <functional>
#include <string>

#include <wx/textctrl.h>

namespace bl::wxui {

class AmountEntry : public wxTextCtrl {
public:
    /// `on_enter` gets the text as typed (UTF-8); the model reads and checks it.
    AmountEntry(wxWindow* parent, int width, std::function<void(const std::string&)> on_enter,
                double font_scale = 1.8);
    std::string typed() const;

private:
    std::function<void(const std::string&)> m_on_enter;
};

} // namespace bl::wxui
