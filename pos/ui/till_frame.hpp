#pragma once
/// The till's main window: login with a PIN pad, counting the float, the sale screen (tiles
/// by category, a barcode field that keeps the focus, the cart), payment, the change screen
/// and the Z report. Problems show in a bar at the top and never block the scanner.

#include <map>
#include <vector>

#include <wx/frame.h>
#include <wx/string.h>

#include "pos/model/till.hpp"

class wxButton;
class wxCheckBox;
class wxInfoBar;
class wxListCtrl;
class wxPanel;
class wxScrolledWindow;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;
class wxChoice;
class wxSizer;

namespace bl::pos {

/// Makes wx read and write narrow strings (our source text, _() msgids with æøå) as
/// UTF-8, whatever locale the process was started in. Call first thing in OnInit.
void use_utf8_strings();

/// Danish ("da", the default) or English ("en") for wx and Bundlinje's catalogue, from
/// bl::locale_dir(). May be called again to switch.
void use_language(const std::string& lang);

/// A message in the language chosen with use_language.
wxString translated(const Message& m);

/// UTF-8 std::string to wxString and back.
wxString wx(const std::string& s);
std::string utf8(const wxString& s);

class TillFrame : public wxFrame, public TillView {
public:
    explicit TillFrame(const wxString& title);
    /// Wires the presenter (which is created with this frame as its view).
    void attach(TillPresenter& presenter);

    // TillView
    void show_login(const std::vector<StaffUser>& staff) override;
    void show_open_shift(const std::string& staff_name) override;
    void show_sale(const Cart& cart, const CartTotals& totals) override;
    void show_payment(const TenderSession& tender) override;
    void show_done(const Sale& sale, Money change) override;
    void show_close_shift(const ShiftTotals& totals) override;
    void show_receipt_lookup(ReceiptLookup purpose, const std::string& suggested) override;
    void show_refund(const RefundDraft& draft) override;
    void show_refund_done(const Sale& refund, Money paid_out, Tender tender) override;
    void show_status(const std::string& staff_name, std::int64_t unsent,
                     std::optional<Timestamp> last_sync) override;
    void show_training(bool on) override;
    void show_parked(std::size_t count) override;
    void show_import(const ImportPlan& plan) override;
    void show_approval(const std::vector<StaffUser>& organisers) override;
    void show_approved(const std::string& organiser_name) override;
    void show_import_done(std::size_t added) override;
    void show_settings(const TillSettings& settings) override;
    void show_x_report(const ShiftTotals& totals) override;
    void show_problem(const Message& m) override;

    // For the GUI smoke tests and the screenshot script: the widgets a person would use.
    wxButton* staff_button(const std::string& name) const;
    wxTextCtrl* pin_field() const { return m_pin; }
    wxTextCtrl* float_field() const { return m_float; }
    wxTextCtrl* scan_field() const { return m_scan; }
    wxButton* pay_button() const { return m_pay; }
    wxButton* quick_cash_button(std::size_t i) const;
    wxButton* next_button() const { return m_next; }
    wxButton* close_day_button() const { return m_close_day; }
    wxTextCtrl* counted_field() const { return m_counted; }
    wxButton* confirm_close_button() const { return m_confirm_close; }
    wxButton* refund_button() const { return m_refund_button; }
    wxButton* copy_button() const { return m_copy_button; }
    wxButton* park_button() const { return m_park_button; }
    wxButton* resume_button() const { return m_resume_button; }
    wxTextCtrl* receipt_field() const { return m_receipt; }
    wxButton* refund_more_button() const { return m_refund_more; }
    wxButton* refund_cash_button() const { return m_refund_cash; }
    std::string current_page() const;
    std::string problem_text() const { return m_last_problem; }

private:
    wxPanel* build_login();
    wxPanel* build_open_shift();
    wxPanel* build_sale();
    wxPanel* build_payment();
    wxPanel* build_done();
    wxPanel* build_close();
    wxPanel* build_refund_lookup();
    wxPanel* build_refund();
    wxPanel* build_x();
    wxPanel* build_settings();
    wxPanel* build_import();
    wxPanel* build_approval();
    wxString totals_text(const ShiftTotals& t) const;
    void build_tiles(const std::string& category);
    void build_categories();
    void focus_scan();
    long selected_line() const;

    TillPresenter* m_presenter = nullptr;
    wxSimplebook* m_book = nullptr;
    wxInfoBar* m_info = nullptr;
    std::string m_last_problem;

    // login
    wxPanel* m_staff_panel = nullptr;
    std::map<std::string, wxButton*> m_staff_buttons; // name -> button
    std::string m_chosen_staff;
    wxTextCtrl* m_pin = nullptr;
    wxStaticText* m_login_hint = nullptr;
    // open shift
    wxStaticText* m_float_hint = nullptr;
    wxTextCtrl* m_float = nullptr;
    // sale
    wxTextCtrl* m_scan = nullptr;
    wxPanel* m_categories = nullptr;
    std::vector<wxButton*> m_category_buttons;
    std::map<std::string, std::int64_t> m_category_sizes;
    wxScrolledWindow* m_tiles = nullptr;
    std::vector<Product> m_products;
    wxListCtrl* m_cart = nullptr;
    wxTextCtrl* m_adjust = nullptr;
    wxStaticText* m_total = nullptr;
    wxStaticText* m_vat = nullptr;
    wxButton* m_pay = nullptr;
    wxButton* m_close_day = nullptr;
    // payment
    wxStaticText* m_due = nullptr;
    wxStaticText* m_due_cash = nullptr;
    wxStaticText* m_paid_so_far = nullptr;
    wxSizer* m_quick_sizer = nullptr;
    wxPanel* m_payment_panel = nullptr;
    std::vector<wxButton*> m_quick;
    wxTextCtrl* m_cash = nullptr;
    // done
    wxStaticText* m_change = nullptr;
    wxStaticText* m_done_info = nullptr;
    wxButton* m_next = nullptr;
    wxButton* m_refund_button = nullptr;
    wxButton* m_copy_button = nullptr;
    wxButton* m_undo_payment = nullptr;
    wxButton* m_training_button = nullptr;
    wxButton* m_resume_button = nullptr;
    wxButton* m_park_button = nullptr;
    wxButton* m_mobile_button = nullptr;
    wxButton* m_refund_mobile_button = nullptr;
    // settings
    wxTextCtrl* m_set_printer = nullptr;
    wxTextCtrl* m_set_mobilepay = nullptr;
    wxTextCtrl* m_set_limit = nullptr;
    wxTextCtrl* m_set_footer = nullptr;
    wxCheckBox* m_set_impact = nullptr;
    wxChoice* m_set_language = nullptr;
    wxTextCtrl* m_set_shop_name = nullptr;
    wxTextCtrl* m_set_shop_address = nullptr;
    wxTextCtrl* m_set_shop_postcode = nullptr;
    wxTextCtrl* m_set_shop_city = nullptr;
    wxTextCtrl* m_set_shop_cvr = nullptr;
    wxTextCtrl* m_reference = nullptr;
    // approval
    wxPanel* m_approvers = nullptr;
    std::string m_chosen_approver;
    wxTextCtrl* m_approval_pin = nullptr;
    // import
    wxStaticText* m_import_summary = nullptr;
    wxListCtrl* m_import_rejected = nullptr;
    wxButton* m_import_confirm = nullptr;
    wxStaticText* m_training_banner = nullptr;
    wxStaticText* m_x_text = nullptr;
    // refund
    wxTextCtrl* m_receipt = nullptr;
    wxStaticText* m_lookup_title = nullptr;
    wxButton* m_lookup_button = nullptr;
    ReceiptLookup m_lookup = ReceiptLookup::refund;
    wxStaticText* m_refund_title = nullptr;
    wxListCtrl* m_refund_lines = nullptr;
    wxStaticText* m_refund_total = nullptr;
    wxButton* m_refund_more = nullptr;
    wxButton* m_refund_cash = nullptr;
    // close
    wxStaticText* m_z_text = nullptr;
    wxTextCtrl* m_counted = nullptr;
    std::vector<wxTextCtrl*> m_denominations;
    wxButton* m_confirm_close = nullptr;
};

} // namespace bl::pos
