#include "shared/rules/work_rules.hpp"

#include <cstdio>
#include <map>
#include <utility>

namespace bl {

std::string hours_and_minutes(std::int64_t minutes) {
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld", static_cast<long long>(minutes / 60),
                  static_cast<long long>(minutes % 60));
    return text;
}

std::optional<Message> check_work(const std::vector<Contribution>& work,
                                  const LoggedElsewhere& elsewhere, const MakerLabel& label) {
    auto name = [&](const std::string& id) { return label ? label(id) : id; };
    std::map<std::pair<std::string, std::string>, std::int64_t> per_day;
    std::map<std::string, std::int64_t> per_batch;
    std::vector<std::string> order; // makers in the order they are listed, for the messages
    for (const auto& c : work) {
        if (c.minutes <= 0)
            return Message(BL_N_("%s: the time must be more than 0 minutes."), {name(c.maker_id)});
        // Checked one at a time, so that adding up absurd numbers cannot overflow.
        if (c.minutes > max_minutes_per_maker_batch)
            return Message(BL_N_("%1$s: %2$s hours on one batch is more than 24 hours. Hours are "
                                 "each maker's own: type the time this maker worked, not "
                                 "everyone's together."),
                           {name(c.maker_id), hours_and_minutes(c.minutes)});
        if (!per_batch.count(c.maker_id))
            order.push_back(c.maker_id);
        per_day[{c.maker_id, c.worked_on}] += c.minutes;
        per_batch[c.maker_id] += c.minutes;
    }
    for (const auto& [key, minutes] : per_day) {
        const std::int64_t all = minutes + (elsewhere ? elsewhere(key.first, key.second) : 0);
        if (all > max_minutes_per_maker_day)
            return Message(BL_N_("%1$s: %2$s hours on %3$s is more than 12 hours in one day. "
                                 "Hours are each maker's own: type the time this maker worked, "
                                 "not everyone's together."),
                           {name(key.first), hours_and_minutes(all), key.second});
    }
    for (const auto& id : order)
        if (per_batch[id] > max_minutes_per_maker_batch)
            return Message(BL_N_("%1$s: %2$s hours on one batch is more than 24 hours. Hours are "
                                 "each maker's own: type the time this maker worked, not "
                                 "everyone's together."),
                           {name(id), hours_and_minutes(per_batch[id])});
    return std::nullopt;
}

} // namespace bl
