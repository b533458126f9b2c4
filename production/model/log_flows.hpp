#pragma once
/// Logging what was made and by whom, two ways: the quick form (product, units, date, makers
/// picked from tiles, each with their own time or "same as the others", task tags; the sums
/// shown as it fills in) and the easy-read mode for logging together with makers (one
/// question a screen, big picture buttons, a summary to confirm). Both record one batch in
/// one transaction. And the task tags, an editable list.

#include <string>
#include <vector>

#include "production/model/workshop_context.hpp"

namespace bl::production {

class LabelsFlow;
class StockFlow;

class QuickLogFlow {
public:
    QuickLogFlow(WorkshopContext& w, LabelsFlow& labels, StockFlow& stock)
        : m_w(w), m_labels(labels), m_stock(stock) {}

    /// An empty form dated today.
    void open();
    /// Picks a maker (a new line, "same as the others" when there are others) or leaves
    /// them out again.
    void toggle_maker(QuickForm form, const std::string& maker_id);
    /// The form changed: the sums again.
    void changed(const QuickForm& form);
    /// A logged batch in the same form, to correct it after the fact: its product fixed, its
    /// units, day, notes and makers with their own times filled in, its corrections so far
    /// shown, and a reason to give.
    void open_correction(const std::string& batch_id);
    /// Records the batch, then offers its labels; or records the correction, then shows the
    /// stock again.
    void save(const QuickForm& form);

private:
    void save_correction(const QuickForm& form);
    std::vector<MakerChoice> makers_for(const Batch& b);
    std::vector<MakerChoice> makers_for(const QuickForm& form);
    WorkshopContext& m_w;
    LabelsFlow& m_labels;
    StockFlow& m_stock;
};

class EasyReadFlow {
public:
    explicit EasyReadFlow(WorkshopContext& w) : m_w(w) {}

    /// "What did you make?"
    void open();
    void choose_product(const std::string& product_id);
    /// "How many?": a number chosen, or one more or one less.
    void set_units(std::int64_t units);
    void add_units(std::int64_t delta);
    /// "Who helped?"
    void toggle_maker(const std::string& maker_id);
    /// On to the next question (from units and makers).
    void next();
    /// "How long did <maker> work?": the time of the maker asked for, then the next maker,
    /// then the summary.
    void choose_time(std::int64_t minutes);
    /// Back one question.
    void back();
    /// Records the batch shown in the summary, and starts again.
    void confirm();

private:
    void show();
    WorkshopContext& m_w;
};

class TagsFlow {
public:
    explicit TagsFlow(WorkshopContext& w) : m_w(w) {}
    void open();
    void add(const std::string& tag);
    void remove(const std::string& tag);

private:
    void save(const std::vector<std::string>& tags);
    WorkshopContext& m_w;
};

} // namespace bl::production
