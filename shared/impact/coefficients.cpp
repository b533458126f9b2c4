#include "shared/impact/coefficients.hpp"

#include <fstream>
#include <optional>
#include <sstream>

#include "shared/core/csv.hpp"

namespace bl::impact {

namespace {

std::optional<double> number(const std::string& s) {
    // Whole numbers or decimals with a point or a comma ("0,5"); nothing else.
    if (s.empty() || s.size() > 20)
        return std::nullopt;
    std::string t = s;
    for (char& c : t)
        if (c == ',')
            c = '.';
    std::size_t used = 0;
    try {
        const double v = std::stod(t, &used);
        if (used != t.size())
            return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

const std::vector<std::string>& Coefficients::required_keys() {
    static const std::vector<std::string> keys = {
        "societal_gain_job", "societal_gain_flex_job", "budget_saving_job", "deadweight",
        "attribution",       "displacement",           "horizon",           "fte_hours",
        "target_population"};
    return keys;
}

Result<Coefficients, Message> Coefficients::parse(std::string_view text) {
    auto rows = parse_csv(text);
    if (!rows)
        return err(rows.error());
    Coefficients c;
    bool header = true;
    for (const auto& r : rows.value()) {
        if (header) { // the first row names the columns
            header = false;
            continue;
        }
        const std::string line = std::to_string(r.line);
        if (r.fields.size() != 9)
            return err(Message(BL_N_("Line %s of the coefficient file has %s fields; 9 were "
                                     "expected (key;label;central;low;high;unit;source;year;"
                                     "grade)."),
                               {line, std::to_string(r.fields.size())}));
        Coefficient k;
        k.key = r.fields[0];
        k.label = r.fields[1];
        const auto central = number(r.fields[2]), low = number(r.fields[3]),
                   high = number(r.fields[4]);
        if (!central || !low || !high)
            return err(Message(BL_N_("Line %s of the coefficient file: the central, low and "
                                     "high values must be numbers."),
                               {line}));
        k.central = *central;
        k.low = *low;
        k.high = *high;
        k.unit = r.fields[5];
        k.source = r.fields[6];
        k.year = r.fields[7];
        k.grade = r.fields[8];
        if (k.key.empty() || k.source.empty())
            return err(Message(BL_N_("Line %s of the coefficient file has no key or no "
                                     "source: every coefficient says where it comes from."),
                               {line}));
        if (!(k.low <= k.central && k.central <= k.high))
            return err(Message(BL_N_("Line %s of the coefficient file: the low value must not "
                                     "be above the central one, nor the central above the "
                                     "high one."),
                               {line}));
        if (k.low < 0 || (k.unit == "%" && k.high > 100))
            return err(Message(BL_N_("Line %s of the coefficient file: a value is negative, or "
                                     "a share is above 100 %%."),
                               {line}));
        if (c.m_by_key.count(k.key))
            return err(Message(BL_N_("Line %s of the coefficient file repeats the key %s."),
                               {line, k.key}));
        c.m_by_key[k.key] = k;
        c.m_all.push_back(k);
    }
    for (const auto& key : required_keys())
        if (!c.m_by_key.count(key))
            return err(Message(BL_N_("The coefficient file has no line for %s."), {key}));
    if (c.get("horizon").low < 1)
        return err(Message(BL_N_("The coefficient file: the horizon is at least 1 year.")));
    if (c.get("fte_hours").low <= 0 || c.get("target_population").low <= 0)
        return err(Message(BL_N_("The coefficient file: the hours of a full-time year and "
                                 "the target population must be above 0.")));
    return c;
}

Result<Coefficients, Message> Coefficients::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return err(Message(BL_N_("The coefficient file %s could not be read."), {path}));
    std::stringstream ss;
    ss << in.rdbuf();
    return parse(ss.str());
}

} // namespace bl::impact
