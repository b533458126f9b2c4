#include "production/ui/screens/maker_screens.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "shared/wxui/wx_text.hpp"

namespace bl::production {

using wxui::scale_font;
using wxui::utf8;
using wxui::wx;

namespace {

wxString level_text(int level) {
    switch (level) {
    case 0:
        return _("0 – counted, not named");
    case 1:
        return _("1 – the name they chose");
    case 2:
        return _("2 – first name");
    default:
        return _("3 – first name and own story");
    }
}

wxString channel_text(ConsentChannel c) {
    switch (c) {
    case ConsentChannel::receipt:
        return _("Receipts");
    case ConsentChannel::report:
        return _("Reports");
    default:
        return _("Web");
    }
}

wxButton* action(wxWindow* parent, wxSizer* row, const wxString& label) {
    auto* b = new wxButton(parent, wxID_ANY, label, wxDefaultPosition,
                           wxSize(-1, wxui::touch_height - 8));
    row->Add(b, 0, wxRIGHT, 8);
    return b;
}

} // namespace

// ---- the list ------------------------------------------------------------------------------

MakersScreen::MakersScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "makers", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Makers")), 0, wxEXPAND);
    m_list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->InsertColumn(0, _("Name they chose"), wxLIST_FORMAT_LEFT, 260);
    m_list->InsertColumn(1, _("Receipts"), wxLIST_FORMAT_LEFT, 190);
    m_list->InsertColumn(2, _("Reports"), wxLIST_FORMAT_LEFT, 190);
    m_list->InsertColumn(3, _("Web"), wxLIST_FORMAT_LEFT, 190);
    m_list->InsertColumn(4, _("Status"), wxLIST_FORMAT_LEFT, 140);
    scale_font(m_list, 1.1);
    s->Add(m_list, 1, wxEXPAND | wxLEFT | wxRIGHT, 12);
    m_inactive = new wxCheckBox(this, wxID_ANY, _("Show makers who are no longer active"));
    s->Add(m_inactive, 0, wxALL, 8);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_add = action(this, row, _("Add a maker"));
    m_edit = action(this, row, _("Edit"));
    m_consent = action(this, row, _("Consent"));
    m_export = action(this, row, _("Export their data"));
    m_erase = action(this, row, _("Erase…"));
    s->Add(row, 0, wxALL, 8);
    SetSizer(s);

    m_inactive->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) {
        workshop().makers().show_inactive(m_inactive->GetValue());
    });
    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { workshop().makers().new_maker(); });
    auto on_chosen = [this](void (MakersFlow::*act)(const std::string&)) {
        return [this, act](wxCommandEvent&) {
            const std::string id = chosen();
            if (id.empty()) {
                this->bar().show_problem(_("Choose a maker in the list first."));
                return;
            }
            (workshop().makers().*act)(id);
        };
    };
    m_edit->Bind(wxEVT_BUTTON, on_chosen(&MakersFlow::edit));
    m_consent->Bind(wxEVT_BUTTON, on_chosen(&MakersFlow::consent));
    m_export->Bind(wxEVT_BUTTON, on_chosen(&MakersFlow::export_data));
    m_erase->Bind(wxEVT_BUTTON, on_chosen(&MakersFlow::erase));
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (!chosen().empty())
            workshop().makers().edit(chosen());
    });
}

void MakersScreen::show_makers(const MakerList& list) {
    title()->SetLabel(wxString::Format(_("Makers of %s"), wx(list.workshop_name)));
    m_inactive->SetValue(list.show_inactive);
    m_list->DeleteAllItems();
    m_ids.clear();
    m_names.clear();
    long row = 0;
    for (const auto& r : list.rows) {
        const wxString name = r.maker.erased ? _("(erased)") : wx(r.maker.display_name);
        m_list->InsertItem(row, name);
        if (!r.maker.erased) {
            m_list->SetItem(row, 1, level_text(r.receipt));
            m_list->SetItem(row, 2, level_text(r.report));
            m_list->SetItem(row, 3, level_text(r.web));
        }
        m_list->SetItem(row, 4,
                        r.maker.erased   ? _("erased")
                        : r.maker.active ? _("active")
                                         : _("not active"));
        m_ids.push_back(r.maker.id);
        m_names.push_back(r.maker.display_name);
        ++row;
    }
    if (row > 0)
        m_list->SetItemState(0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                             wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    replace_screen();
    m_list->SetFocus();
}

std::string MakersScreen::chosen() const {
    const long i = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return i >= 0 && static_cast<std::size_t>(i) < m_ids.size() ? m_ids[static_cast<std::size_t>(i)]
                                                                : std::string();
}

bool MakersScreen::select(const std::string& display_name) {
    for (std::size_t i = 0; i < m_names.size(); ++i)
        if (m_names[i] == display_name) {
            m_list->SetItemState(static_cast<long>(i), wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
            m_list->EnsureVisible(static_cast<long>(i));
            return true;
        }
    return false;
}

// ---- one maker -----------------------------------------------------------------------------

MakerEditScreen::MakerEditScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "maker", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("A maker"), [this] { workshop().makers().open(); }), 0, wxEXPAND);
    auto* grid = new wxFlexGridSizer(2, 8, 12);
    grid->AddGrowableCol(1);
    auto field = [&](const wxString& label, wxTextCtrl*& ctrl, const wxString& hint, long style = 0,
                     int height = -1) {
        auto* l = new wxStaticText(this, wxID_ANY, label);
        grid->Add(l, 0, wxALIGN_CENTER_VERTICAL | wxALIGN_RIGHT);
        ctrl = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(420, height), style);
        ctrl->SetHint(hint);
        grid->Add(ctrl, 1, wxEXPAND);
    };
    field(_("Name they chose"), m_name, _("Shown only where they agree to be named"));
    field(_("Full name"), m_real, _("Private: stays on this station and the central store"));
    field(_("Phone"), m_phone, "");
    field(_("E-mail"), m_email, "");
    field(_("Their own story"), m_story, _("Shown only at consent level 3"), wxTE_MULTILINE, 70);
    grid->AddSpacer(1);
    m_active = new wxCheckBox(this, wxID_ANY, _("Active (works here now)"));
    grid->Add(m_active);
    s->Add(grid, 0, wxEXPAND | wxALL, 12);
    auto* note = new wxStaticText(
        this, wxID_ANY,
        _("Never write CPR numbers, diagnoses or benefits here. A till never gets the full name "
          "or contact details."));
    note->Wrap(900);
    s->Add(note, 0, wxLEFT | wxRIGHT, 12);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_save = new wxButton(this, wxID_ANY, _("Save"), wxDefaultPosition,
                          wxSize(160, wxui::touch_height - 8));
    row->Add(m_save, 0, wxRIGHT, 8);
    s->Add(row, 0, wxALL, 12);
    SetSizer(s);
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { workshop().makers().save(read()); });
}

void MakerEditScreen::show_maker_form(const MakerForm& f) {
    m_shown = f;
    title()->SetLabel(
        f.maker_id.empty()
            ? wxString::Format(_("A new maker at %s"), wx(f.workshop_name))
            : wxString::Format(_("%s at %s"), wx(f.display_name), wx(f.workshop_name)));
    m_name->SetValue(wx(f.display_name));
    m_real->SetValue(wx(f.real_name));
    m_phone->SetValue(wx(f.phone));
    m_email->SetValue(wx(f.email));
    m_story->SetValue(wx(f.story));
    m_active->SetValue(f.active);
    replace_screen();
    m_name->SetFocus();
}

MakerForm MakerEditScreen::read() const {
    MakerForm f = m_shown;
    f.display_name = utf8(m_name->GetValue());
    f.real_name = utf8(m_real->GetValue());
    f.phone = utf8(m_phone->GetValue());
    f.email = utf8(m_email->GetValue());
    f.story = utf8(m_story->GetValue());
    f.active = m_active->GetValue();
    return f;
}

// ---- consent -------------------------------------------------------------------------------

ConsentScreen::ConsentScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "consent", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Consent"), [this] { workshop().makers().open(); }), 0, wxEXPAND);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("What the maker agreed to, for each place their name could "
                                     "be shown. A lower level holds at once."));
    s->Add(intro, 0, wxLEFT | wxRIGHT | wxBOTTOM, 12);
    auto* grid = new wxFlexGridSizer(3, 8, 12);
    const ConsentChannel channels[3] = {ConsentChannel::receipt, ConsentChannel::report,
                                        ConsentChannel::web};
    for (int c = 0; c < 3; ++c) {
        auto* l = new wxStaticText(this, wxID_ANY, channel_text(channels[c]));
        scale_font(l, 1.2, true);
        grid->Add(l, 0, wxALIGN_CENTER_VERTICAL);
        m_levels[c] = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(340, -1));
        for (int level = 0; level <= 3; ++level)
            m_levels[c]->Append(level_text(level));
        grid->Add(m_levels[c], 0, wxALIGN_CENTER_VERTICAL);
        auto* record = new wxButton(this, wxID_ANY, _("Record"));
        grid->Add(record, 0);
        record->Bind(wxEVT_BUTTON, [this, c, channel = channels[c]](wxCommandEvent&) {
            workshop().makers().set_consent(m_maker, channel, m_levels[c]->GetSelection());
        });
    }
    s->Add(grid, 0, wxLEFT | wxRIGHT, 12);
    auto* h = new wxStaticText(this, wxID_ANY, _("History"));
    scale_font(h, 1.2, true);
    s->Add(h, 0, wxLEFT | wxTOP, 12);
    m_history = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxLC_REPORT | wxLC_SINGLE_SEL);
    m_history->InsertColumn(0, _("When"), wxLIST_FORMAT_LEFT, 170);
    m_history->InsertColumn(1, _("Where"), wxLIST_FORMAT_LEFT, 120);
    m_history->InsertColumn(2, _("Level"), wxLIST_FORMAT_LEFT, 300);
    m_history->InsertColumn(3, _("Version"), wxLIST_FORMAT_RIGHT, 90);
    m_history->InsertColumn(4, _("Recorded by"), wxLIST_FORMAT_LEFT, 180);
    s->Add(m_history, 1, wxEXPAND | wxALL, 12);
    SetSizer(s);
}

void ConsentScreen::show_consent(const ConsentPage& page) {
    m_maker = page.maker_id;
    title()->SetLabel(wxString::Format(_("What %s agreed to"), wx(page.display_name)));
    m_levels[0]->SetSelection(page.receipt);
    m_levels[1]->SetSelection(page.report);
    m_levels[2]->SetSelection(page.web);
    m_history->DeleteAllItems();
    long row = 0;
    for (const auto& r : page.history) {
        m_history->InsertItem(row, wx(format_copenhagen(r.recorded_at)));
        m_history->SetItem(row, 1, channel_text(r.channel));
        m_history->SetItem(row, 2, level_text(r.level));
        m_history->SetItem(row, 3, wxString::Format("%d", r.version));
        m_history->SetItem(row, 4, wx(r.recorded_by));
        ++row;
    }
    replace_screen();
    m_levels[0]->SetFocus();
}

// ---- erasure -------------------------------------------------------------------------------

EraseScreen::EraseScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "erase", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Erase a maker's personal data"), [this] { workshop().makers().open(); }), 0,
           wxEXPAND);
    auto text = [&](wxStaticText*& t, double scale, bool bold) {
        t = new wxStaticText(this, wxID_ANY, "");
        scale_font(t, scale, bold);
        s->Add(t, 0, wxLEFT | wxRIGHT | wxTOP, 12);
    };
    text(m_question, 1.3, true);
    text(m_goes, 1.05, false);
    text(m_stays, 1.05, false);
    text(m_beyond, 1.05, false);
    m_erase = new wxButton(this, wxID_ANY, _("Erase for good"), wxDefaultPosition,
                           wxSize(260, wxui::touch_height));
    m_erase->SetBackgroundColour(wxColour(200, 40, 40));
    m_erase->SetForegroundColour(*wxWHITE);
    s->Add(m_erase, 0, wxALL, 16);
    text(m_result, 1.1, false);
    SetSizer(s);
    m_erase->Bind(wxEVT_BUTTON,
                  [this](wxCommandEvent&) { workshop().makers().confirm_erase(m_maker); });
}

void EraseScreen::show_erase(const ErasePage& p) {
    m_maker = p.maker_id;
    m_question->SetLabel(wxString::Format(_("Erase %s?"), wx(p.display_name)));
    m_goes->SetLabel(p.has_private
                         ? _("Goes: the name they chose, their full name, contact details and "
                             "story. Consent to be named is withdrawn.")
                         : _("Goes: the name they chose. Consent to be named is withdrawn."));
    m_stays->SetLabel(wxString::Format(_("Stays: the maker's number and %s of work, counted "
                                         "without a name, so the hours still add up."),
                                       duration_text(p.minutes)));
    m_beyond->SetLabel(_("Out of reach: backups made before now, and printed paper. The central "
                         "store erases its copy when this erasure reaches it with the next "
                         "sync."));
    for (auto* t : {m_goes, m_stays, m_beyond})
        t->Wrap(960);
    m_result->SetLabel("");
    m_erase->Show();
    m_goes->Show();
    m_stays->Show();
    replace_screen();
    back_button()->SetFocus();
}

void EraseScreen::show_erased(const ErasureReport& r) {
    wxString text;
    if (!r.checked)
        text = _("Erased. The database file could not be cleaned of old copies yet.");
    else if (r.still_found.empty())
        text = wxString::Format(
            wxPLURAL("Erased. The database file is rebuilt and its log %s; the %zu erased "
                     "detail is found in no byte of either.",
                     "Erased. The database file is rebuilt and its log %s; none of the %zu "
                     "erased details is found in any byte of either.",
                     plural_n(static_cast<std::int64_t>(r.texts_checked))),
            r.log_emptied ? _("emptied") : _("will be emptied at the next checkpoint"),
            r.texts_checked);
    else
        text = wxString::Format(_("Erased. But \"%s\" is still in the database file, for "
                                  "example as another record's text. Ask for help if it should "
                                  "not be there."),
                                wx(r.still_found.front()));
    m_result->SetLabel(text);
    m_result->Wrap(960);
    // What would go has gone: only what stays out of reach is still worth reading.
    m_erase->Hide();
    m_goes->Hide();
    m_stays->Hide();
    m_question->SetLabel(_("The maker's personal data is erased."));
    replace_screen();
    back_button()->SetFocus();
}

} // namespace bl::production
