#pragma once
/// Batch labels: a sheet of A4 labels (3 x 8 or 4 x 10, from any position of a half-used
/// sheet) or single 50 x 30 mm labels for a label printer, as a PDF in the documents folder
/// and, when asked, on the label printer (CUPS). Each label's barcode is the batch's label
/// code, checked to lead back to that batch before anything is printed; the printing is
/// journaled first.

#include <string>

#include "production/model/workshop_context.hpp"

namespace bl::production {

class LabelsFlow {
public:
    explicit LabelsFlow(WorkshopContext& w) : m_w(w) {}

    /// The workshop's batches, `selected` (or the newest) chosen.
    void open(const std::string& selected = {});
    /// Makes the labels as asked.
    void make(const LabelRequest& request);
    /// The label printer's CUPS queue ("" none), a setting of this station.
    void save_printer(const std::string& queue);

private:
    WorkshopContext& m_w;
};

} // namespace bl::production
