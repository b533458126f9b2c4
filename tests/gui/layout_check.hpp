#pragma once
// What a person cannot read on a window: every shown label, button, check box and choice
// must get at least its best size, every list column must be as wide as its texts, every
// field's hint must fit, controls that draw their own text (bl::wxui::WholeText) must show
// it whole, and nothing may stick out of its parent (children of scrolled areas aside). Also
// for the workshop program's windows.

#include <string>
#include <vector>

class wxWindow;

namespace gui {

/// One line per control that fails, naming it and its text; empty when all can be read.
std::vector<std::string> unreadable(wxWindow* top);

} // namespace gui
