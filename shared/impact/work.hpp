#pragma once
/// Work carried by units of a batch (docs/architecture.md, "Impact").
/// q units of batch b carry q · minutes(b) / units(b) minutes: kept as an exact fraction so
/// that sold + returned + unsold work always adds up to what was logged; rounded only for
/// display.

#include <cstdint>
#include <string>

namespace bl {

/// An exact number of minutes as a fraction (numerator / denominator, denominator > 0).
class WorkMinutes {
public:
    WorkMinutes() = default;
    WorkMinutes(std::int64_t num, std::int64_t den);
    static WorkMinutes whole(std::int64_t minutes) { return {minutes, 1}; }

    std::int64_t numerator() const { return m_num; }
    std::int64_t denominator() const { return m_den; }

    WorkMinutes operator+(const WorkMinutes& o) const;
    WorkMinutes operator-(const WorkMinutes& o) const;
    bool operator==(const WorkMinutes& o) const;

    /// Rounded to the nearest multiple of `step` minutes, halves up (10 on receipts).
    std::int64_t rounded(std::int64_t step = 1) const;

private:
    std::int64_t m_num = 0;
    std::int64_t m_den = 1;
};

/// Minutes as printed: to the nearest 5 minutes below an hour and the nearest 10 from an
/// hour up (halves up), and never 0 for work that is there (it shows as 5).
std::int64_t display_minutes(const WorkMinutes& work);

/// The work in `quantity` units of a batch of `batch_units` units with `batch_minutes` logged.
WorkMinutes work_in_units(std::int64_t batch_minutes, std::int64_t batch_units,
                          std::int64_t quantity);

/// Danish display of rounded minutes: "2 t 40 min", "40 min", "3 t".
std::string format_work_da(std::int64_t minutes);

} // namespace bl
