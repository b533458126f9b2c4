#pragma once
/// Logging a batch: the quick form (product, units, date, makers from tiles each with their
/// own time or "same as the others", task tags, the sums as it fills in), the easy-read mode
/// (one question a screen with big picture buttons), and the task tags.

#include <string>
#include <vector>

#include "production/ui/screens/workshop_screen.hpp"
#include "shared/wxui/tile_grid.hpp"

class wxBoxSizer;
class wxCheckBox;
class wxChoice;
class wxListBox;
class wxPanel;
class wxScrolledWindow;
class wxTextCtrl;

namespace bl::production {

class QuickLogScreen : public WorkshopScreen, public QuickLogView {
public:
    QuickLogScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_quick_form(const QuickSetup& setup, const QuickForm& form) override;
    void show_quick_rows(const QuickForm& form) override;
    void show_sums(const BatchSums& sums) override;
    /// The form as it is typed now.
    QuickForm read() const;

    // For GUI tests and screenshots.
    wxChoice* product_choice() const { return m_product; }
    wxTextCtrl* units_field() const { return m_units; }
    wxui::TileGrid& maker_tiles() const { return *m_makers; }
    /// The time field of the n-th maker picked.
    wxTextCtrl* time_field(std::size_t n) const { return m_rows.at(n).time; }
    wxButton* save_button() const { return m_save; }
    wxTextCtrl* reason_field() const { return m_reason; }
    wxString history_label() const;
    wxString sums_label() const;

private:
    struct Row {
        std::string maker_id, name;
        std::string worked_on; ///< kept by a correction when not the batch's day
        wxTextCtrl* time = nullptr;
        wxCheckBox* same = nullptr;
        wxChoice* tag = nullptr;
    };
    void changed();
    QuickSetup m_setup;
    wxChoice* m_product = nullptr;
    wxTextCtrl *m_units = nullptr, *m_date = nullptr, *m_notes = nullptr;
    wxui::TileGrid* m_makers = nullptr;
    wxScrolledWindow* m_rows_panel = nullptr;
    std::vector<Row> m_rows;
    wxStaticText* m_sums = nullptr;
    wxButton* m_save = nullptr;
    wxStaticText* m_history = nullptr;
    wxBoxSizer* m_reason_row = nullptr;
    wxTextCtrl* m_reason = nullptr;
    std::string m_correcting; ///< the batch being corrected ("" a new one)
    std::int64_t m_revision = 0;
    bool m_filling = false; ///< the form is being filled from the model: no change events
};

class EasyReadScreen : public WorkshopScreen, public EasyReadView {
public:
    EasyReadScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_easy(const EasyState& state) override;

    // For GUI tests: the big buttons on show now, by their label's start.
    wxButton* button_starting(const wxString& text) const;
    const std::vector<wxButton*>& buttons() const { return m_buttons; }

private:
    wxButton* big(wxWindow* parent, wxSizer* sizer, const wxString& label,
                  std::function<void()> on_click, wxSize size = wxSize(190, 120),
                  double font = 1.7);
    wxStaticText* m_question = nullptr;
    wxScrolledWindow* m_content = nullptr;
    std::vector<wxButton*> m_buttons;
};

class TagsScreen : public WorkshopScreen, public TagsView {
public:
    TagsScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_tags(const std::vector<std::string>& tags) override;

private:
    wxListBox* m_list = nullptr;
    wxTextCtrl* m_new = nullptr;
};

} // namespace bl::production
