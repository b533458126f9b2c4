#pragma once
/// The bar at the top of a window where problems and news are said, and questions asked
/// ("Empty the cart with 3 items?" [Yes, empty it]). It always keeps its place and height,
/// so a message never moves what is under a finger; a long message shrinks to fit two lines.
/// It never takes the keyboard unless it asks a question, so a scanner keeps typing into its
/// field while a message shows.

#include <functional>

#include <wx/panel.h>

class wxButton;

namespace bl::wxui {

class FitLabel;

class MessageBar : public wxPanel {
public:
    explicit MessageBar(wxWindow* parent);
    void show_problem(const wxString& text);
    void show_news(const wxString& text);
    /// A question with one answer: `yes` runs when the answer button is pressed (or Enter,
    /// which goes to it). The next message, or clear(), takes the question away.
    void ask(const wxString& question, const wxString& answer, std::function<void()> yes);
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
