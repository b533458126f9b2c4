#pragma once
/// Text between Bundlinje and wxWidgets: UTF-8 both ways, messages in the chosen language,
/// money as people read it, and the fonts of a touch screen.

#include <string>

#include <wx/string.h>

#include "shared/core/message.hpp"
#include "shared/core/money.hpp"

class wxWindow;

namespace bl::wxui {

/// Makes wx read and write narrow strings (our source text, _() msgids with æøå) as UTF-8,
/// whatever locale the process was started in. Call first thing in OnInit.
void use_utf8_strings();

/// Danish ("da", the default) or English ("en") for wx's own words and Bundlinje's
/// catalogue, from bl::locale_dir(). May be called again to switch.
void use_language(const std::string& lang);

/// A message in the language chosen with use_language.
wxString translated(const Message& m);

/// UTF-8 std::string to wxString and back.
wxString wx(const std::string& s);
std::string utf8(const wxString& s);

/// "1.234,50 kr."
wxString money_text(Money m);

/// Makes a window's font `factor` times larger (and bold).
void scale_font(wxWindow* w, double factor, bool bold = false);

/// Gives a button room for `longest` (the longest label it will show, in its font) and at
/// least `min_width`, and a height. GTK applies a new font only when the button is drawn, so
/// its own best size can be too small until then.
void size_for_label(wxWindow* button, const wxString& longest, int min_width, int height);

} // namespace bl::wxui
