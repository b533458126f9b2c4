#pragma once
/// Stock and hours, per product and batch: made, delivered, sold, returned, on hand, and the
/// work still in the units not sold; sorted by any column, filtered by what is typed, and
/// exported as CSV (semicolons, as Danish spreadsheets read it).

#include <string>

#include "production/model/workshop_context.hpp"

namespace bl::production {

class StockFlow {
public:
    explicit StockFlow(WorkshopContext& w) : m_w(w) {}

    /// The workshop's batches (an organiser's: every workshop's).
    void open();
    /// Sorts by a column; the same column again turns the order round.
    void sort_by(StockColumn column);
    /// Shows the batches whose product or label code contains the text.
    void filter(const std::string& text);
    /// The lines shown, as CSV in the documents folder.
    void export_csv();

    /// The page as it is shown now.
    StockPage page();
    /// A page as CSV text.
    static std::string csv(const StockPage& page);

private:
    WorkshopContext& m_w;
};

} // namespace bl::production
