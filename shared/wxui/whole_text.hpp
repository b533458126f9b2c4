#pragma once
/// What a person can read whole: controls that draw their own text (a label that shrinks to
/// fit, a tile, a list that wraps) say whether all of it is on show, so that a layout check
/// (tests/gui) can hold every screen to it at every window size.

namespace bl::wxui {

class WholeText {
public:
    virtual ~WholeText() = default;
    /// True when every character of the text is drawn inside the control as it is now.
    virtual bool shows_whole_text() const = 0;
};

} // namespace bl::wxui
