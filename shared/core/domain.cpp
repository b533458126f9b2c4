#include "shared/core/domain.hpp"

#include <array>
#include <utility>

namespace bl {

namespace {

template <class E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table,
                        std::string_view s) {
    for (const auto& [e, name] : table)
        if (name == s)
            return e;
    return std::nullopt;
}

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
    for (const auto& [v, name] : table)
        if (v == e)
            return name;
    return "?";
}

constexpr std::array<std::pair<DeviceRole, std::string_view>, 4> device_roles{{
    {DeviceRole::till, "till"},
    {DeviceRole::workshop, "workshop"},
    {DeviceRole::organiser, "organiser"},
    {DeviceRole::central, "central"},
}};
constexpr std::array<std::pair<StaffRole, std::string_view>, 3> staff_roles{{
    {StaffRole::staff, "staff"},
    {StaffRole::workshop_leader, "workshop_leader"},
    {StaffRole::organiser, "organiser"},
}};
constexpr std::array<std::pair<Tender, std::string_view>, 3> tenders{{
    {Tender::cash, "cash"},
    {Tender::card, "card"},
    {Tender::mobilepay, "mobilepay"},
}};
constexpr std::array<std::pair<ConsentChannel, std::string_view>, 3> channels{{
    {ConsentChannel::receipt, "receipt"},
    {ConsentChannel::report, "report"},
    {ConsentChannel::web, "web"},
}};
constexpr std::array<std::pair<StockReason, std::string_view>, 4> reasons{{
    {StockReason::produced, "produced"},
    {StockReason::delivered, "delivered"},
    {StockReason::adjusted, "adjusted"},
    {StockReason::lost, "lost"},
}};

} // namespace

std::string_view to_string(DeviceRole r) {
    return name_of(device_roles, r);
}
std::string_view to_string(StaffRole r) {
    return name_of(staff_roles, r);
}
std::string_view to_string(Tender t) {
    return name_of(tenders, t);
}
std::string_view to_string(ConsentChannel c) {
    return name_of(channels, c);
}
std::string_view to_string(StockReason r) {
    return name_of(reasons, r);
}
std::optional<DeviceRole> device_role_from(std::string_view s) {
    return lookup(device_roles, s);
}
std::optional<StaffRole> staff_role_from(std::string_view s) {
    return lookup(staff_roles, s);
}
std::optional<Tender> tender_from(std::string_view s) {
    return lookup(tenders, s);
}
std::optional<ConsentChannel> consent_channel_from(std::string_view s) {
    return lookup(channels, s);
}
std::optional<StockReason> stock_reason_from(std::string_view s) {
    return lookup(reasons, s);
}

bool role_at_least(StaffRole have, StaffRole needed) {
    return static_cast<int>(have) >= static_cast<int>(needed);
}

bool is_valid_cvr(std::string_view cvr) {
    if (cvr.size() != 8 || cvr[0] == '0')
        return false;
    static constexpr int weights[8] = {2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        if (cvr[i] < '0' || cvr[i] > '9')
            return false;
        sum += (cvr[i] - '0') * weights[i];
    }
    return sum % 11 == 0;
}

Money count_cash(const std::vector<std::int64_t>& counts) {
    Money total;
    for (std::size_t i = 0; i < counts.size() && i < std::size(cash_denominations); ++i)
        total += Money::from_ore(cash_denominations[i]).times(counts[i]);
    return total;
}

Money Sale::total() const {
    Money t;
    for (const auto& l : lines)
        t += l.line_total();
    return t;
}

Money Sale::rounding_total() const {
    Money t = total();
    for (const auto& p : payments)
        t += p.rounding;
    return t;
}

} // namespace bl
