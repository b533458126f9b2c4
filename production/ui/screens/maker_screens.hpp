#pragma once
/// Makers: the list, the form for one maker, their consent with its history, and erasure
/// (what goes, what stays, what the program cannot reach, and what the byte check found).

#include <string>
#include <vector>

#include "production/ui/screens/workshop_screen.hpp"

class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxTextCtrl;

namespace bl::production {

class MakersScreen : public WorkshopScreen, public MakersView {
public:
    MakersScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_makers(const MakerList& list) override;
    /// Chooses the row of the maker with this display name (for tests); false if none.
    bool select(const std::string& display_name);
    wxButton* add_button() const { return m_add; }
    wxButton* edit_button() const { return m_edit; }
    wxButton* consent_button() const { return m_consent; }
    wxButton* erase_button() const { return m_erase; }
    wxButton* export_button() const { return m_export; }

private:
    std::string chosen() const;
    wxListCtrl* m_list = nullptr;
    wxCheckBox* m_inactive = nullptr;
    std::vector<std::string> m_ids;
    std::vector<std::string> m_names;
    wxButton *m_add = nullptr, *m_edit = nullptr, *m_consent = nullptr, *m_erase = nullptr,
             *m_export = nullptr;
};

class MakerEditScreen : public WorkshopScreen, public MakerEditView {
public:
    MakerEditScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_maker_form(const MakerForm& form) override;
    MakerForm read() const;
    wxTextCtrl* name_field() const { return m_name; }
    wxButton* save_button() const { return m_save; }

private:
    MakerForm m_shown;
    wxTextCtrl *m_name = nullptr, *m_real = nullptr, *m_phone = nullptr, *m_email = nullptr,
               *m_story = nullptr;
    wxCheckBox* m_active = nullptr;
    wxButton* m_save = nullptr;
};

class ConsentScreen : public WorkshopScreen, public ConsentView {
public:
    ConsentScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_consent(const ConsentPage& page) override;

private:
    std::string m_maker;
    wxChoice* m_levels[3] = {};
    wxListCtrl* m_history = nullptr;
};

class EraseScreen : public WorkshopScreen, public EraseView {
public:
    EraseScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_erase(const ErasePage& page) override;
    void show_erased(const ErasureReport& report) override;
    wxButton* erase_button() const { return m_erase; }

private:
    std::string m_maker;
    wxStaticText *m_question = nullptr, *m_goes = nullptr, *m_stays = nullptr, *m_beyond = nullptr,
                 *m_result = nullptr;
    wxButton* m_erase = nullptr;
};

} // namespace bl::production
