#pragma once
/// Enrolment with the central store: the server's address, the central store's certificate
/// file and the organiser's single-use code. A dialog over the till (opened from the status
/// bar), so the sale screens stay as they are. It shows what SyncFlow tells it and passes the
/// three fields to SyncFlow::enrol.

#include <wx/dialog.h>

#include "pos/model/sync_flow.hpp"

class wxButton;
class wxFilePickerCtrl;
class wxStaticText;
class wxTextCtrl;

namespace bl::pos {

class EnrolScreen : public wxDialog, public EnrolView {
public:
    explicit EnrolScreen(wxWindow* parent);
    void attach(SyncFlow& flow) { m_flow = &flow; }
    void show_enrolment(const EnrolmentState& state) override;

private:
    SyncFlow* m_flow = nullptr;
    wxStaticText* m_where = nullptr;
    wxTextCtrl* m_server = nullptr;
    wxFilePickerCtrl* m_ca = nullptr;
    wxTextCtrl* m_code = nullptr;
    wxStaticText* m_message = nullptr;
    wxButton* m_enrol = nullptr;
};

} // namespace bl::pos
