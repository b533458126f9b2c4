#include "pos/model/cash_count.hpp"

#include "shared/core/domain.hpp"
#include "shared/core/text.hpp"

namespace bl::pos {

std::optional<Money> count_typed_cash(const std::vector<std::string>& typed) {
    std::vector<std::int64_t> counts;
    bool any = false;
    for (const auto& field : typed) {
        const auto first = field.find_first_not_of(' ');
        const auto last = field.find_last_not_of(' ');
        const auto n =
            first == std::string::npos
                ? std::nullopt
                : parse_whole_number(std::string_view(field).substr(first, last - first + 1));
        const bool ok = n && *n >= 0 && *n < 100000;
        counts.push_back(ok ? *n : 0);
        any = any || ok;
    }
    if (!any)
        return std::nullopt;
    counts.resize(std::size(cash_denominations), 0);
    return count_cash(counts);
}

} // namespace bl::pos
