#pragma once
/// The goods: labels for a batch, deliveries to a shop (and what a shop reports back), and
/// stock and hours per batch.

#include <string>
#include <vector>

#include "production/ui/screens/workshop_screen.hpp"

class wxCheckBox;
class wxChoice;
class wxListCtrl;
class wxRadioBox;
class wxTextCtrl;

namespace bl::production {

class LabelsScreen : public WorkshopScreen, public LabelsView {
public:
    LabelsScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_labels(const LabelsPage& page) override;
    LabelRequest read() const;
    wxButton* make_button() const { return m_make; }
    wxRadioBox* format_choice() const { return m_format; }
    wxTextCtrl* start_field() const { return m_start; }
    wxTextCtrl* copies_field() const { return m_copies; }

private:
    std::vector<std::string> m_ids;
    wxListCtrl* m_batches = nullptr;
    wxRadioBox* m_format = nullptr;
    wxTextCtrl *m_copies = nullptr, *m_start = nullptr, *m_printer = nullptr;
    wxCheckBox* m_print = nullptr;
    wxButton* m_make = nullptr;
};

class DeliveriesScreen : public WorkshopScreen, public DeliveriesView {
public:
    DeliveriesScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_deliveries(const DeliveriesPage& page) override;
    wxTextCtrl* units_field() const { return m_units; }
    wxButton* add_button() const { return m_add; }
    wxButton* deliver_button() const { return m_deliver; }

private:
    std::string chosen_batch() const;
    std::vector<std::string> m_batch_ids, m_shop_ids, m_back_ids;
    wxChoice* m_shop = nullptr;
    wxListCtrl *m_batches = nullptr, *m_lines = nullptr;
    wxTextCtrl *m_units = nullptr, *m_back_units = nullptr;
    wxChoice* m_back_batch = nullptr;
    wxStaticText* m_total = nullptr;
    wxButton *m_add = nullptr, *m_deliver = nullptr;
};

class StockScreen : public WorkshopScreen, public StockView {
public:
    StockScreen(wxSimplebook* book, wxui::MessageBar& bar);
    void show_stock(const StockPage& page) override;

    // For GUI tests and screenshots.
    wxListCtrl* list() const { return m_list; }
    wxButton* correct_button() const { return m_correct; }

private:
    wxTextCtrl* m_filter = nullptr;
    wxListCtrl* m_list = nullptr;
    wxButton* m_correct = nullptr;
    wxStaticText* m_totals = nullptr;
    std::vector<std::string> m_batch_ids; ///< the batch on each line shown
};

} // namespace bl::production
