#pragma once
/// The coefficients behind every estimate (societal gain, public-budget effect, deadweight,
/// attribution, displacement, drop-off, horizon), each with its range, source, year and grade
/// of evidence. They come from a file (assets/impact/coefficients.csv by default) that an
/// organiser can replace with their own; every report prints the table it used.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl::impact {

struct Coefficient {
    std::string key;   ///< "societal_gain_job", "deadweight" ...
    std::string label; ///< as printed (Danish)
    double central = 0, low = 0, high = 0;
    std::string unit; ///< "kr./år", "kr.", "%", "år"
    std::string source;
    std::string year;
    std::string grade; ///< strength of the evidence, as the source states it
};

class Coefficients {
public:
    /// The file's text: a header line, then `key;label;central;low;high;unit;source;year;grade`
    /// per row (semicolons, UTF-8). Every key the estimates need must be there; a low above
    /// the central or a central above the high, a share outside 0–100 % or a negative amount
    /// is refused with the line it is on.
    static Result<Coefficients, Message> parse(std::string_view text);
    static Result<Coefficients, Message> load(const std::string& path);

    const Coefficient& get(const std::string& key) const { return m_by_key.at(key); }
    /// In the order of the file, for the report's appendix.
    const std::vector<Coefficient>& all() const { return m_all; }

    /// The keys the estimates read.
    static const std::vector<std::string>& required_keys();

private:
    std::vector<Coefficient> m_all;
    std::map<std::string, Coefficient> m_by_key;
};

} // namespace bl::impact
