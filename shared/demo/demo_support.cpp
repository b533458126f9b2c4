#include "shared/demo/demo_support.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace bl::demo {

using namespace std::chrono;

Result<std::vector<CsvRow>, Message> read_table(const std::string& path, std::size_t columns) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return err(Message(BL_N_("The demo file %s could not be read."), {path}));
    std::stringstream ss;
    ss << in.rdbuf();
    auto rows = parse_csv(ss.str());
    if (!rows)
        return err(rows.error());
    auto out = std::move(rows).value();
    if (out.empty())
        return err(Message(BL_N_("The demo file %s is empty."), {path}));
    out.erase(out.begin()); // header
    for (const auto& r : out)
        if (r.fields.size() != columns)
            return err(Message(BL_N_("Line %s of %s has %s columns; %s were expected."),
                               {std::to_string(r.line), path, std::to_string(r.fields.size()),
                                std::to_string(columns)}));
    return out;
}

std::string date_of(std::chrono::sys_days d) {
    const year_month_day ymd{d};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                  unsigned(ymd.day()));
    return buf;
}

Timestamp at_local(std::chrono::sys_days d, int hour, int minute) {
    const year_month_day ymd{d};
    return from_copenhagen(int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())),
                           hour, minute);
}

Money cash_tendered(Money due, Dice& dice) {
    if (dice.chance(30))
        return due;
    for (std::int64_t note : {50'00, 100'00, 200'00, 500'00, 1000'00})
        if (note >= due.ore())
            return Money::from_ore(note);
    return due;
}

} // namespace bl::demo
