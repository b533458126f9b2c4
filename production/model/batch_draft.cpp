#include "production/model/batch_draft.hpp"

#include <cctype>

#include "shared/core/text.hpp"
#include "shared/rules/work_rules.hpp"

namespace bl::production {

namespace {

std::string lower_trimmed(std::string_view s) {
    std::string out;
    for (char c : s)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto first = out.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    const auto last = out.find_last_not_of(" \t");
    return out.substr(first, last - first + 1);
}

// A whole number of at most `digits` digits at `s[i]`, moving `i` past it.
std::optional<std::int64_t> number_at(const std::string& s, std::size_t& i, std::size_t digits) {
    const std::size_t start = i;
    std::int64_t n = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i - start < digits)
        n = n * 10 + (s[i++] - '0');
    if (i == start || (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))))
        return std::nullopt;
    return n;
}

void skip_spaces(const std::string& s, std::size_t& i) {
    while (i < s.size() && s[i] == ' ')
        ++i;
}

// A unit word at s[i]: hours ("t", "time", "timer", "h", "hour", "hours") or minutes ("m",
// "min", "minut", "minutter", "minute", "minutes").
enum class Unit { none, hours, minutes, unknown };
Unit unit_at(const std::string& s, std::size_t& i) {
    skip_spaces(s, i);
    std::size_t j = i;
    while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j])))
        ++j;
    const std::string word = s.substr(i, j - i);
    i = j;
    if (word.empty())
        return Unit::none;
    for (const char* h : {"t", "time", "timer", "h", "hour", "hours"})
        if (word == h)
            return Unit::hours;
    for (const char* m : {"m", "min", "minut", "minutter", "minute", "minutes"})
        if (word == m)
            return Unit::minutes;
    return Unit::unknown;
}

} // namespace

std::string trimmed(std::string_view typed) {
    const auto first = typed.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = typed.find_last_not_of(" \t\r\n");
    return std::string(typed.substr(first, last - first + 1));
}

Result<std::int64_t, Message> parse_work_time(std::string_view typed, const std::string& maker) {
    const std::string s = lower_trimmed(typed);
    const Message how(BL_N_("%s: type how long this maker worked, for example 2 (hours), 1:30, "
                            "2,5 or 45 min."),
                      {maker});
    if (s.empty())
        return err(how);
    if (s[0] == '-')
        return err(Message(BL_N_("%s: a time cannot be negative."), {maker}));
    std::size_t i = 0;
    auto first = number_at(s, i, 4);
    if (!first)
        return err(how);
    std::int64_t minutes = 0;
    if (i < s.size() && s[i] == ':') { // 1:30
        ++i;
        auto mm = number_at(s, i, 2);
        if (!mm || *mm > 59 || i - (s.find(':') + 1) != 2)
            return err(how);
        minutes = *first * 60 + *mm;
        if (unit_at(s, i) != Unit::none || i != s.size())
            return err(how);
    } else if (i < s.size() && (s[i] == ',' || s[i] == '.')) { // 2,5 hours
        ++i;
        const std::size_t start = i;
        auto frac = number_at(s, i, 2);
        if (!frac)
            return err(how);
        const std::int64_t scale = i - start == 1 ? 10 : 100;
        const std::int64_t tenths = *first * scale + *frac; // hours * scale
        if ((tenths * 60) % scale != 0)
            return err(Message(BL_N_("%s: write the time in whole minutes, for example 1:20 "
                                     "instead of 1,33."),
                               {maker}));
        minutes = tenths * 60 / scale;
        const Unit u = unit_at(s, i);
        if ((u != Unit::none && u != Unit::hours) || i != s.size())
            return err(how);
    } else {
        Unit u = unit_at(s, i);
        if (u == Unit::unknown)
            return err(how);
        if (u == Unit::minutes) {
            minutes = *first;
        } else { // hours, said or not, perhaps followed by minutes: "2 t 15 min"
            minutes = *first * 60;
            skip_spaces(s, i);
            if (i < s.size()) {
                auto more = number_at(s, i, 2);
                if (!more || *more > 59 || unit_at(s, i) != Unit::minutes)
                    return err(how);
                minutes += *more;
            }
        }
        if (i != s.size())
            return err(how);
    }
    if (minutes == 0)
        return err(Message(BL_N_("%s: the time must be more than 0 minutes."), {maker}));
    if (minutes > 99 * 60)
        return err(Message(BL_N_("%s: %s hours is more than anyone works on one batch. Type "
                                 "this maker's own time."),
                           {maker, hours_and_minutes(minutes)}));
    return minutes;
}

std::string pictogram_for(const Product& p) {
    const std::string name = search_fold(p.name);
    const std::string category = search_fold(p.category);
    auto has = [&](const char* word) { return name.find(word) != std::string::npos; };
    if (has("krus") || has("kande") || has("kop"))
        return "\u2615"; // hot beverage
    if (has("hjerte"))
        return "\u2665"; // heart
    if (has("stjerne") || has("nisse"))
        return "\u2605"; // star
    if (has("lysestage") || has("lys"))
        return "\u2600"; // sun
    if (has("vase") || has("urtepotte") || has("blomst"))
        return "\u2698"; // flower
    if (has("fugl"))
        return "\u2602"; // umbrella: a shelter
    if (has("hue") || has("torklaede") || has("strik") || has("taeppe") || has("strompe"))
        return "\u2744"; // snowflake: something warm
    if (category.find("keramik") != std::string::npos)
        return "\u26b1"; // urn
    if (category.find("tekstil") != std::string::npos)
        return "\u2702"; // scissors
    if (category.find("trae") != std::string::npos)
        return "\u2692"; // hammer and pick
    if (category.find("jul") != std::string::npos)
        return "\u2605";
    if (category.find("bog") != std::string::npos)
        return "\u270e"; // pencil
    return "\u273f";     // a flower, for anything else
}

BatchSums sums_of(const std::vector<std::int64_t>& minutes, std::optional<std::int64_t> units) {
    BatchSums s;
    for (std::int64_t m : minutes)
        if (m > 0) {
            ++s.makers;
            s.minutes += m; // each maker's own time; nothing is multiplied
        }
    if (units && *units > 0 && s.minutes > 0)
        s.per_unit = (s.minutes + *units / 2) / *units;
    return s;
}

QuickReading read_quick(const QuickForm& form, const std::string& workshop_id,
                        const std::string& today) {
    QuickReading out;
    std::optional<Message> problem;
    auto note = [&](Message m) {
        if (!problem)
            problem = std::move(m);
    };
    std::optional<std::int64_t> units;
    if (form.product_id.empty())
        note(Message(BL_N_("Choose what was made.")));
    const std::string u = lower_trimmed(form.units);
    if (u.empty()) {
        note(Message(BL_N_("Units: type how many were made.")));
    } else if (auto n = parse_whole_number(u); !n) {
        note(Message(BL_N_("Units: \"%s\" is not a whole number."), {form.units.substr(0, 20)}));
    } else if (*n <= 0) {
        note(Message(BL_N_("A batch has at least one unit.")));
    } else if (*n > 100000) {
        note(Message(BL_N_("%s units is more than one batch can hold. Check the number."),
                     {std::to_string(*n)}));
    } else {
        units = *n;
    }
    const auto day = parse_date(form.date);
    if (!day)
        note(Message(BL_N_("The work date is not a valid date.")));
    else if (form.date > today)
        note(Message(BL_N_("The work date %s is after today. Log work when it has been done."),
                     {form.date}));
    if (form.rows.empty())
        note(Message(BL_N_("Pick the makers who worked on it.")));

    // Each maker's own time; "same as the others" takes the others' time, when they agree.
    std::vector<std::int64_t> minutes(form.rows.size(), 0);
    std::optional<std::int64_t> common;
    bool agree = true;
    for (std::size_t i = 0; i < form.rows.size(); ++i) {
        const QuickRow& r = form.rows[i];
        if (r.same_as_others)
            continue;
        auto t = parse_work_time(r.time, r.name);
        if (!t) {
            note(t.error());
            continue;
        }
        minutes[i] = t.value();
        if (common && *common != t.value())
            agree = false;
        common = t.value();
    }
    for (std::size_t i = 0; i < form.rows.size(); ++i) {
        if (!form.rows[i].same_as_others)
            continue;
        if (!common || !agree)
            note(Message(BL_N_("%s: \"same as the others\" needs the others to have one time "
                               "between them. Type this maker's own time instead."),
                         {form.rows[i].name}));
        else
            minutes[i] = *common;
    }
    out.sums = sums_of(minutes, units);

    Batch b;
    b.product_id = form.product_id;
    b.workshop_id = workshop_id;
    b.produced_on = form.date;
    b.units = units.value_or(0);
    b.notes = form.notes;
    for (std::size_t i = 0; i < form.rows.size(); ++i)
        b.contributions.push_back(
            {"", "", form.rows[i].maker_id, minutes[i], form.rows[i].task_tag,
             form.rows[i].worked_on.empty() ? form.date : form.rows[i].worked_on});
    if (!problem)
        problem = check_work(b.contributions, {}, [&](const std::string& id) {
            for (const auto& r : form.rows)
                if (r.maker_id == id)
                    return r.name;
            return id;
        });
    out.sums.hint = problem;
    if (problem)
        out.problem = problem;
    else
        out.batch = std::move(b);
    return out;
}

Result<Batch, Message> easy_batch(const EasyState& s, const std::string& workshop_id,
                                  const std::string& today) {
    if (!s.product)
        return err(Message(BL_N_("Choose what was made.")));
    if (s.units <= 0)
        return err(Message(BL_N_("A batch has at least one unit.")));
    if (s.chosen.empty())
        return err(Message(BL_N_("Pick the makers who worked on it.")));
    Batch b;
    b.product_id = s.product->id;
    b.workshop_id = workshop_id;
    b.produced_on = today;
    b.units = s.units;
    for (std::size_t i = 0; i < s.chosen.size(); ++i) {
        const std::int64_t m = i < s.minutes.size() ? s.minutes[i] : 0;
        if (m <= 0)
            return err(
                Message(BL_N_("%s: choose how long this maker worked."), {s.chosen[i].name}));
        b.contributions.push_back({"", "", s.chosen[i].id, m, "", today});
    }
    if (auto problem = check_work(b.contributions, {}, [&](const std::string& id) {
            for (const auto& c : s.chosen)
                if (c.id == id)
                    return c.name;
            return id;
        }))
        return err(*problem);
    return b;
}

} // namespace bl::production
