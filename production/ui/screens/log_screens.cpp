#include "production/ui/screens/log_screens.hpp"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

#include "production/model/batch_draft.hpp"
#include "shared/core/time.hpp"
#include "shared/wxui/wx_text.hpp"

namespace bl::production {

using wxui::scale_font;
using wxui::utf8;
using wxui::wx;

// ---- the quick form ------------------------------------------------------------------------

QuickLogScreen::QuickLogScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "quick", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Log a batch")), 0, wxEXPAND);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    auto label = [&](const wxString& text) {
        top->Add(new wxStaticText(this, wxID_ANY, text), 0,
                 wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, 6);
    };
    label(_("What was made"));
    m_product = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxSize(300, -1));
    top->Add(m_product, 0, wxALIGN_CENTER_VERTICAL);
    label(_("Units"));
    m_units = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(80, -1));
    m_units->SetHint("12");
    top->Add(m_units, 0, wxALIGN_CENTER_VERTICAL);
    label(_("Day of the work"));
    m_date = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(120, -1));
    m_date->SetHint("2026-11-30");
    top->Add(m_date, 0, wxALIGN_CENTER_VERTICAL);
    s->Add(top, 0, wxALL, 6);

    auto* who = new wxStaticText(this, wxID_ANY, _("Who worked on it? Each maker's own time."));
    scale_font(who, 1.1, true);
    s->Add(who, 0, wxLEFT | wxTOP, 8);
    m_makers = new wxui::TileGrid(this, wxSize(150, 44), 1.0);
    m_makers->SetMinSize(wxSize(-1, 112));
    s->Add(m_makers, 0, wxEXPAND | wxLEFT | wxRIGHT, 6);

    // Only when a logged batch is corrected: what it was corrected from before, and why now.
    m_history = new wxStaticText(this, wxID_ANY, "");
    s->Add(m_history, 0, wxLEFT | wxRIGHT | wxTOP, 8);
    m_reason_row = new wxBoxSizer(wxHORIZONTAL);
    auto* reason_label = new wxStaticText(this, wxID_ANY, _("Why is it corrected?"));
    scale_font(reason_label, 1.1, true);
    m_reason_row->Add(reason_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    m_reason = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(460, -1));
    m_reason->SetHint(_("such as: counted wrong, two broke in the kiln (write no names)"));
    m_reason->SetMaxLength(300);
    m_reason_row->Add(m_reason, 1, wxALIGN_CENTER_VERTICAL);
    s->Add(m_reason_row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 8);

    m_rows_panel = new wxScrolledWindow(this, wxID_ANY);
    m_rows_panel->SetScrollRate(0, 20);
    m_rows_panel->SetSizer(new wxFlexGridSizer(4, 4, 10));
    s->Add(m_rows_panel, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);

    auto* bottom = new wxBoxSizer(wxHORIZONTAL);
    m_sums = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxSize(560, -1));
    scale_font(m_sums, 1.15, true);
    bottom->Add(m_sums, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, 6);
    m_notes = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(180, -1));
    m_notes->SetHint(_("Note (optional)"));
    bottom->Add(m_notes, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    m_save = new wxButton(this, wxID_ANY, _("Save the batch"), wxDefaultPosition,
                          wxSize(200, wxui::touch_height));
    scale_font(m_save, 1.15, true);
    bottom->Add(m_save, 0, wxALIGN_CENTER_VERTICAL);
    s->Add(bottom, 0, wxEXPAND | wxALL, 8);
    SetSizer(s);

    for (wxTextCtrl* t : {m_units, m_date})
        t->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { changed(); });
    m_product->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { changed(); });
    m_save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { workshop().quick().save(read()); });
}

void QuickLogScreen::changed() {
    if (!m_filling)
        workshop().quick().changed(read());
}

void QuickLogScreen::show_quick_form(const QuickSetup& setup, const QuickForm& form) {
    m_setup = setup;
    m_filling = true;
    m_correcting = form.correcting;
    m_revision = form.revision;
    const bool correcting = setup.correcting.has_value();
    if (correcting) {
        const CorrectionSetup& c = *setup.correcting;
        title()->SetLabel(
            wxString::Format(_("Correct batch %s (%s)"), wx(c.label_code), wx(c.product_name)));
        wxString history;
        if (!c.keeps_stock)
            history = _("This batch was logged on another device, which keeps its stock: its "
                        "units are corrected there. Its hours, day and notes can be corrected "
                        "here.");
        else if (c.left_workshop > 0)
            history = wxString::Format(
                wxPLURAL("%lld unit has left the workshop, so the batch cannot have fewer.",
                         "%lld units have left the workshop, so the batch cannot have fewer.",
                         plural_n(c.left_workshop)),
                static_cast<long long>(c.left_workshop));
        for (const auto& h : c.history) {
            if (!history.empty())
                history += "\n";
            history += wxString::Format(
                _("Corrected %s by %s: %lld → %lld units, %s → %s of work. Why: %s"),
                wx(format_copenhagen(h.corrected_at)),
                h.staff_name.empty() ? _("someone on another device") : wx(h.staff_name),
                static_cast<long long>(h.units_before), static_cast<long long>(h.units_after),
                duration_text(h.minutes_before), duration_text(h.minutes_after), wx(h.reason));
        }
        if (history.empty())
            history = _("Not corrected before. The batch as it was logged is kept, with the "
                        "reason you give.");
        m_history->SetLabel(history);
        m_history->Wrap(900);
        m_save->SetLabel(_("Save the correction"));
    } else {
        title()->SetLabel(wxString::Format(_("Log a batch at %s"), wx(setup.workshop_name)));
        m_save->SetLabel(_("Save the batch"));
    }
    m_history->Show(correcting);
    m_reason_row->ShowItems(correcting);
    m_reason->ChangeValue(wx(form.reason));
    m_product->Enable(!correcting);
    m_units->Enable(!correcting || setup.correcting->keeps_stock);
    m_product->Clear();
    for (const auto& p : setup.products)
        m_product->Append(wx(p.name));
    m_units->ChangeValue(wx(form.units));
    m_date->ChangeValue(wx(form.date));
    m_notes->ChangeValue(wx(form.notes));
    m_filling = false;
    show_quick_rows(form);
    replace_screen();
    if (correcting)
        m_units->SetFocus();
    else
        m_product->SetFocus();
}

void QuickLogScreen::show_quick_rows(const QuickForm& form) {
    m_filling = true;
    // Tiles: every maker of the workshop; a tick on those picked.
    std::vector<wxui::TileGrid::Item> tiles;
    for (const auto& m : m_setup.makers) {
        bool picked = false;
        for (const auto& r : form.rows)
            picked = picked || r.maker_id == m.id;
        // After the click is handled: the tiles are made again, the clicked one too.
        wxui::Tile::Look look;
        look.title = wx((picked ? "\u2714 " : "") + m.name);
        look.centred = true;
        tiles.push_back({look, [this, id = m.id] {
                             CallAfter([this, id] { workshop().quick().toggle_maker(read(), id); });
                         }});
    }
    m_makers->show_tiles(tiles);
    // One line per maker picked: name, own time, "same as the others", task.
    m_rows_panel->DestroyChildren();
    m_rows.clear();
    auto* grid = m_rows_panel->GetSizer();
    for (const auto& r : form.rows) {
        Row row{r.maker_id, r.name, r.worked_on};
        // A correction keeps work done on another day than the batch's: the day is shown.
        auto* name = new wxStaticText(
            m_rows_panel, wxID_ANY,
            r.worked_on.empty() ? wx(r.name)
                                : wxString::Format(_("%s (on %s)"), wx(r.name), wx(r.worked_on)));
        scale_font(name, 1.1, true);
        grid->Add(name, 0, wxALIGN_CENTER_VERTICAL);
        row.time =
            new wxTextCtrl(m_rows_panel, wxID_ANY, wx(r.time), wxDefaultPosition, wxSize(110, -1));
        row.time->SetHint(_("2 or 1:30"));
        grid->Add(row.time, 0, wxALIGN_CENTER_VERTICAL);
        row.same = new wxCheckBox(m_rows_panel, wxID_ANY, _("same as the others"));
        row.same->SetValue(r.same_as_others);
        row.time->Enable(!r.same_as_others);
        grid->Add(row.same, 0, wxALIGN_CENTER_VERTICAL);
        row.tag = new wxChoice(m_rows_panel, wxID_ANY, wxDefaultPosition, wxSize(170, -1));
        row.tag->Append(_("(no task)"));
        row.tag->SetSelection(0);
        for (const auto& t : m_setup.tags) {
            row.tag->Append(wx(t));
            if (t == r.task_tag)
                row.tag->SetSelection(static_cast<int>(row.tag->GetCount()) - 1);
        }
        grid->Add(row.tag, 0, wxALIGN_CENTER_VERTICAL);
        row.time->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { changed(); });
        row.same->Bind(wxEVT_CHECKBOX, [this, time = row.time, same = row.same](wxCommandEvent&) {
            time->Enable(!same->GetValue());
            changed();
        });
        row.tag->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { changed(); });
        m_rows.push_back(row);
    }
    // The product shown is the one in the form.
    for (std::size_t i = 0; i < m_setup.products.size(); ++i)
        if (m_setup.products[i].id == form.product_id)
            m_product->SetSelection(static_cast<int>(i));
    m_units->ChangeValue(wx(form.units));
    m_date->ChangeValue(wx(form.date));
    m_rows_panel->FitInside();
    Layout();
    m_filling = false;
    if (!m_correcting.empty() && !m_rows_panel->IsShownOnScreen())
        return;
    if (!m_rows.empty() && m_rows.back().time->IsEnabled())
        m_rows.back().time->SetFocus();
}

void QuickLogScreen::show_sums(const BatchSums& sums) {
    m_sums->SetLabel(sums_text(sums));
    m_sums->Wrap(560);
    Layout();
}

wxString QuickLogScreen::history_label() const {
    return m_history->IsShown() ? m_history->GetLabel() : wxString();
}

wxString QuickLogScreen::sums_label() const {
    return m_sums->GetLabel();
}

QuickForm QuickLogScreen::read() const {
    QuickForm f;
    const int p = m_product->GetSelection();
    if (p >= 0 && static_cast<std::size_t>(p) < m_setup.products.size())
        f.product_id = m_setup.products[static_cast<std::size_t>(p)].id;
    f.units = utf8(m_units->GetValue());
    f.date = utf8(m_date->GetValue());
    f.notes = utf8(m_notes->GetValue());
    f.correcting = m_correcting;
    f.revision = m_revision;
    f.reason = utf8(m_reason->GetValue());
    for (const auto& r : m_rows) {
        QuickRow q;
        q.maker_id = r.maker_id;
        q.name = r.name;
        q.worked_on = r.worked_on;
        q.time = utf8(r.time->GetValue());
        q.same_as_others = r.same->GetValue();
        const int t = r.tag->GetSelection();
        if (t > 0 && static_cast<std::size_t>(t) <= m_setup.tags.size())
            q.task_tag = m_setup.tags[static_cast<std::size_t>(t) - 1];
        f.rows.push_back(q);
    }
    return f;
}

// ---- easy-read -----------------------------------------------------------------------------

EasyReadScreen::EasyReadScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "easy", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Log together"),
                     [this] {
                         if (workshop().state().easy.step == EasyStep::product)
                             workshop().access().home();
                         else
                             workshop().easy().back();
                     }),
           0, wxEXPAND);
    m_question = new wxStaticText(this, wxID_ANY, "");
    scale_font(m_question, 2.2, true);
    s->Add(m_question, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
    m_content = new wxScrolledWindow(this, wxID_ANY);
    m_content->SetScrollRate(0, 20);
    s->Add(m_content, 1, wxEXPAND | wxALL, 6);
    SetSizer(s);
}

wxButton* EasyReadScreen::big(wxWindow* parent, wxSizer* sizer, const wxString& label,
                              std::function<void()> on_click, wxSize size, double font) {
    auto* b = new wxButton(parent, wxID_ANY, label, wxDefaultPosition, size);
    scale_font(b, font, true);
    // After the click is handled: the answer replaces every button here, this one too.
    b->Bind(wxEVT_BUTTON, [this, on_click](wxCommandEvent&) { CallAfter(on_click); });
    sizer->Add(b, 0, wxALL, 6);
    m_buttons.push_back(b);
    return b;
}

wxButton* EasyReadScreen::button_starting(const wxString& text) const {
    for (auto* b : m_buttons)
        if (b->GetLabel().StartsWith(text))
            return b;
    return nullptr;
}

void EasyReadScreen::show_easy(const EasyState& s) {
    m_content->DestroyChildren();
    m_buttons.clear();
    auto* root = new wxBoxSizer(wxVERTICAL);
    auto* tiles = new wxWrapSizer(wxHORIZONTAL);
    auto* nav = new wxBoxSizer(wxHORIZONTAL);
    EasyReadFlow* flow = &workshop().easy();
    auto next = [&](const wxString& label) {
        big(
            m_content, nav, label, [flow] { flow->next(); }, wxSize(260, 80));
    };
    switch (s.step) {
    case EasyStep::product:
        m_question->SetLabel(_("What did you make?"));
        // A picture and the name: the picture says it for those who read little.
        for (const auto& p : s.products) {
            auto* b = big(
                m_content, tiles, wrapped(p.name, 18),
                [flow, id = p.id] { flow->choose_product(id); }, wxSize(230, 120), 1.15);
            b->SetBitmap(symbol_bitmap(p.pictogram, 56), wxTOP);
        }
        break;
    case EasyStep::units: {
        m_question->SetLabel(wxString::Format(_("How many %s?"), wx(s.product->name)));
        auto* count_row = new wxBoxSizer(wxHORIZONTAL);
        big(
            m_content, count_row, "\u2212", [flow] { flow->add_units(-1); }, wxSize(120, 110));
        auto* n = new wxStaticText(m_content, wxID_ANY,
                                   wxString::Format("%lld", static_cast<long long>(s.units)),
                                   wxDefaultPosition, wxSize(200, -1), wxALIGN_CENTRE_HORIZONTAL);
        scale_font(n, 4.0, true);
        count_row->Add(n, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, 12);
        big(
            m_content, count_row, "+", [flow] { flow->add_units(1); }, wxSize(120, 110));
        root->Add(count_row, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, 6);
        for (int quick : {2, 4, 6, 8, 10, 12, 20})
            big(
                m_content, tiles, wxString::Format("%d", quick),
                [flow, quick] { flow->set_units(quick); }, wxSize(100, 70));
        next(_("Next \u25b6"));
        break;
    }
    case EasyStep::makers:
        m_question->SetLabel(_("Who helped?"));
        for (const auto& m : s.makers) {
            bool chosen = false;
            for (const auto& c : s.chosen)
                chosen = chosen || c.id == m.id;
            big(
                m_content, tiles, wx((chosen ? "\u2714 " : "") + m.name),
                [flow, id = m.id] { flow->toggle_maker(id); }, wxSize(200, 90));
        }
        next(_("Next \u25b6"));
        break;
    case EasyStep::time: {
        const auto& who = s.chosen.at(s.asking);
        m_question->SetLabel(wxString::Format(_("How long did %s work?"), wx(who.name)));
        const wxString labels[] = {_("\u25d4 \u00bd hour"), _("\u25d1 1 hour"), _("\u25d5 2 hours"),
                                   _("\u25cf 3 hours"), _("\u2600 A day (6 hours)")};
        for (std::size_t i = 0; i < std::size(easy_times); ++i)
            big(
                m_content, tiles, labels[i], [flow, m = easy_times[i]] { flow->choose_time(m); },
                wxSize(260, 110));
        break;
    }
    case EasyStep::summary: {
        m_question->SetLabel(_("Is this right?"));
        auto* what_row = new wxBoxSizer(wxHORIZONTAL);
        what_row->Add(
            new wxStaticBitmap(m_content, wxID_ANY, symbol_bitmap(s.product->pictogram, 64)), 0,
            wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
        auto* what =
            new wxStaticText(m_content, wxID_ANY,
                             wxString::Format(_("%lld \u00d7 %s"), static_cast<long long>(s.units),
                                              wx(s.product->name)));
        scale_font(what, 2.0, true);
        what_row->Add(what, 0, wxALIGN_CENTER_VERTICAL);
        root->Add(what_row, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 6);
        for (std::size_t i = 0; i < s.chosen.size(); ++i) {
            auto* line =
                new wxStaticText(m_content, wxID_ANY,
                                 wx(s.chosen[i].name) + ": " +
                                     duration_text(i < s.minutes.size() ? s.minutes[i] : 0));
            scale_font(line, 1.6);
            root->Add(line, 0, wxALIGN_CENTER_HORIZONTAL);
        }
        auto* sums = new wxStaticText(m_content, wxID_ANY, sums_text(s.sums));
        scale_font(sums, 1.3);
        root->Add(sums, 0, wxALL | wxALIGN_CENTER_HORIZONTAL, 8);
        big(
            m_content, nav, _("\u2714 Yes, save it"), [flow] { flow->confirm(); }, wxSize(300, 90));
        break;
    }
    }
    root->Add(tiles, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, 4);
    root->Add(nav, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, 4);
    m_content->SetSizer(root);
    m_content->FitInside();
    m_content->Scroll(0, 0);
    replace_screen();
    m_content->Layout();
    if (!m_buttons.empty())
        m_buttons.front()->SetFocus();
}

// ---- task tags -----------------------------------------------------------------------------

TagsScreen::TagsScreen(wxSimplebook* book, wxui::MessageBar& bar)
    : WorkshopScreen(book, "tags", bar) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(title_row(_("Task tags")), 0, wxEXPAND);
    auto* intro = new wxStaticText(
        this, wxID_ANY, _("The tasks a maker's time can be tagged with when a batch is logged."));
    s->Add(intro, 0, wxALL, 10);
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_list = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(320, 330));
    scale_font(m_list, 1.2);
    row->Add(m_list, 0, wxALL, 10);
    auto* side = new wxBoxSizer(wxVERTICAL);
    m_new =
        new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(260, -1), wxTE_PROCESS_ENTER);
    m_new->SetHint(_("A new task, such as hanke"));
    side->Add(m_new, 0, wxBOTTOM, 8);
    auto* add = new wxButton(this, wxID_ANY, _("Add"));
    side->Add(add, 0, wxBOTTOM, 20);
    auto* remove = new wxButton(this, wxID_ANY, _("Remove the chosen task"));
    side->Add(remove, 0);
    row->Add(side, 0, wxALL, 10);
    s->Add(row, 1, wxEXPAND);
    SetSizer(s);
    auto add_tag = [this](wxCommandEvent&) {
        workshop().tags().add(utf8(m_new->GetValue()));
        m_new->Clear();
    };
    add->Bind(wxEVT_BUTTON, add_tag);
    m_new->Bind(wxEVT_TEXT_ENTER, add_tag);
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int i = m_list->GetSelection();
        if (i != wxNOT_FOUND)
            workshop().tags().remove(utf8(m_list->GetString(static_cast<unsigned>(i))));
    });
}

void TagsScreen::show_tags(const std::vector<std::string>& tags) {
    m_list->Clear();
    for (const auto& t : tags)
        m_list->Append(wx(t));
    replace_screen();
    m_new->SetFocus();
}

} // namespace bl::production
