#pragma once
/// The bar at the top of a window where problems and news are said, and questions asked
/// ("Empty the cart with 3 items?" [Yes, empty it]). It always keeps its place and height,
/// so a message never moves what is under a finger; a long message shrinks to fit two lines.
/// It never takes the keyboard, so a scanner keeps typing into its field while a message
/// shows; while it asks, the window passes it the keys first (take_key): Enter answers,
/// Escape drops the question, and anything typed drops it too and goes on where it was going.

#include <functional>

#include <wx/panel.h>

class wxButton;
class wxKeyEvent;

namespace bl::wxui {

class FitLabel;

class MessageBar : public wxPanel {
public:
    explicit MessageBar(wxWindow* parent);
    void show_problem(const wxString& text);
    void show_news(const wxString& text);
    /// A question with one answer: `yes` runs when the answer button is pressed (or Enter).
    /// The next message, or clear(), takes the question away.
    void ask(const wxString& question, const wxString& answer, std::function<void()> yes);
    /// Gives the open question a key the window got: true when the key answered it or
    /// dropped it (Enter, Escape), false for every other key (a typed character drops the
    /// question but still goes where it was going).
    bool take_key(const wxKeyEvent& e);
    /// Answers the open question yes.
    void answer();
    /// Takes the message away (the action it was about is done, or a new screen made it
    /// stale).
    void clear();
    /// The text on show, or the last one said (for tests).
    const wxString& last_text() const { return m_last; }
    /// The answer button while a question is asked (else hidden), for tests.
    wxButton* answer_button() const { return m_answer; }
    bool asking() const;

private:
    enum class Kind { none, problem, news, question };
    void show(Kind kind, const wxString& text);
    wxString m_last;
    FitLabel* m_text = nullptr;
    wxButton* m_answer = nullptr;
    wxButton* m_close = nullptr;
    std::function<void()> m_yes;
};

} // namespace bl::wxui
