#include "pos/model/cash_count.hpp"

#include "shared/core/domain.hpp"
#include "shared/core/text.hpp"

namespace bl::pos {

namespace {

std::optional<std::int64_t> read_count(const std::string& field) {
    const auto first = field.find_first_not_of(' ');
    const auto last = field.find_last_not_of(' ');
    const auto n =
        first == std::string::npos
            ? std::nullopt
            : parse_whole_number(std::string_view(field).substr(first, last - first + 1));
    if (n && *n >= 0 && *n < 100000)
        return n;
    return std::nullopt;
}

} // namespace

std::vector<std::int64_t> typed_counts(const std::vector<std::string>& typed) {
    std::vector<std::int64_t> counts;
    for (const auto& field : typed)
        counts.push_back(read_count(field).value_or(0));
    counts.resize(std::size(cash_denominations), 0);
    return counts;
}

std::optional<Money> count_typed_cash(const std::vector<std::string>& typed) {
    bool any = false;
    for (const auto& field : typed)
        any = any || read_count(field).has_value();
    if (!any)
        return std::nullopt;
    return count_cash(typed_counts(typed));
}

} // namespace bl::pos
