#include "shared/model/catalogue_import.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include "shared/core/barcode.hpp"
#include "shared/core/csv.hpp"
#include "shared/core/money.hpp"
#include "shared/core/text.hpp"
#include "shared/core/uuid.hpp"
#include "shared/rules/product_rules.hpp"

namespace bl {

namespace {

enum Column { name, category, price, vat, ean, workshop, sku, column_count };

int column_of(const std::string& header) {
    const std::string h = search_fold(header);
    static const std::map<std::string, Column> names = {
        {"name", name},         {"navn", name},         {"varenavn", name},
        {"category", category}, {"kategori", category}, {"price", price},
        {"pris", price},        {"vat", vat},           {"moms", vat},
        {"momssats", vat},      {"ean", ean},           {"stregkode", ean},
        {"barcode", ean},       {"workshop", workshop}, {"vaerksted", workshop},
        {"sku", sku},           {"varenummer", sku}};
    std::string trimmed;
    for (char c : h)
        if (c != ' ' && c != '"')
            trimmed += c;
    auto it = names.find(trimmed);
    return it == names.end() ? -1 : it->second;
}

std::optional<VatRate> parse_vat(std::string s) {
    std::string t;
    for (char c : s)
        if (c != ' ' && c != '%')
            t += c;
    if (t.empty() || t == "25" || t == "25,00")
        return VatRate::standard();
    if (t == "0" || t == "0,00")
        return VatRate::zero();
    return std::nullopt;
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(' ');
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

bool digits(const std::string& s, std::size_t min, std::size_t max) {
    return s.size() >= min && s.size() <= max &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A row with more fields than the header where the price column and the field after it are
// whole kroner and øre: a decimal comma in a comma-separated file ("Kop,12,50").
bool price_looks_split(const CsvRow& row, std::size_t columns, int at_price) {
    if (row.fields.size() <= columns || at_price < 0)
        return false;
    const auto i = static_cast<std::size_t>(at_price);
    return i + 1 < row.fields.size() && digits(trimmed(row.fields[i]), 1, 9) &&
           digits(trimmed(row.fields[i + 1]), 1, 2);
}

} // namespace

Result<std::string, Message> read_catalogue_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return err(Message(BL_N_("The file %s could not be opened."), {path}));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.size() > 5'000'000)
        return err(Message(BL_N_("The file is larger than 5 MB; a catalogue is much smaller. "
                                 "Check that it is the right file.")));
    return text;
}

Result<ImportPlan, Message> plan_catalogue_import(std::string_view text,
                                                  const CatalogueLookups& catalogue) {
    auto rows = parse_csv(text);
    if (!rows)
        return err(rows.error());
    if (rows.value().empty())
        return err(Message(BL_N_("The file is empty.")));
    int at[column_count];
    for (int& a : at)
        a = -1;
    const auto& header = rows.value().front().fields;
    for (std::size_t i = 0; i < header.size(); ++i)
        if (int c = column_of(header[i]); c >= 0 && at[c] < 0)
            at[c] = static_cast<int>(i);
    if (at[name] < 0 || at[price] < 0)
        return err(Message(BL_N_("The first row must name the columns, with at least \"navn\" "
                                 "and \"pris\" (also possible: kategori, moms, ean, værksted, "
                                 "varenummer).")));
    const std::size_t columns = header.size();
    ImportPlan plan;
    std::set<std::string> codes_in_file, skus_in_file;
    UuidGenerator ids;
    for (std::size_t r = 1; r < rows.value().size(); ++r) {
        const CsvRow& row = rows.value()[r];
        auto reject = [&](Message m) { plan.rejected.push_back({row.line, std::move(m)}); };
        // Nothing guessed about the row's shape: a catalogue row is one line with one field
        // per column.
        if (row.last_line > row.line) {
            reject(Message(BL_N_("Lines %1$s to %2$s were read as one row: a quote at the start "
                                 "of a field on line %1$s is closed only on line %2$s, so the "
                                 "lines in between are part of this row. Check the quotes on "
                                 "line %1$s (a quote inside a field is written twice, \"\")."),
                           {std::to_string(row.line), std::to_string(row.last_line)}));
            continue;
        }
        if (row.fields.size() != columns) {
            if (price_looks_split(row, columns, at[price])) {
                const auto i = static_cast<std::size_t>(at[price]);
                reject(Message(BL_N_("The row has %1$s fields, but the first row names %2$s "
                                     "columns. The price looks split in two by a decimal comma "
                                     "(%3$s,%4$s): put it in quotes (\"%3$s,%4$s\"), or save "
                                     "the file with semicolons between the columns."),
                               {std::to_string(row.fields.size()), std::to_string(columns),
                                echo_input(trimmed(row.fields[i]), 12),
                                echo_input(trimmed(row.fields[i + 1]), 12)}));
            } else {
                reject(Message(BL_N_("The row has %1$s fields, but the first row names %2$s "
                                     "columns: each row must have one field per column."),
                               {std::to_string(row.fields.size()), std::to_string(columns)}));
            }
            continue;
        }
        auto field = [&](Column c) -> std::string {
            const int i = at[c];
            return i >= 0 ? row.fields[static_cast<std::size_t>(i)] : std::string();
        };
        Product p;
        p.name = field(name);
        p.category = field(category);
        // The name first, as the person reads the row.
        if (auto n = clean_text(p.name, name_rules); !n) {
            reject(n.error());
            continue;
        }
        auto money = parse_money(field(price));
        if (!money) {
            reject(money.error());
            continue;
        }
        p.price = money.value();
        auto rate = parse_vat(field(vat));
        if (!rate) {
            reject(Message(BL_N_("The VAT rate must be 25 %% or 0 %%.")));
            continue;
        }
        p.vat_rate = *rate;
        p.barcode = field(ean);
        p.sku = field(sku);
        if (trimmed(p.sku).empty())
            p.sku = "IMP-" + ids.next().substr(24); // the random part of a new id
        // Every check the store's commit runs on the product itself.
        auto checked = check_product(std::move(p));
        if (!checked) {
            reject(checked.error());
            continue;
        }
        p = std::move(checked.value());
        // And what it asks of the catalogue and of the rest of the file.
        if (!p.barcode.empty()) {
            if (!codes_in_file.insert(p.barcode).second) {
                reject(Message(BL_N_("The barcode %s is in the file twice."), {p.barcode}));
                continue;
            }
            if (catalogue.barcode_taken && catalogue.barcode_taken(p.barcode)) {
                reject(Message(BL_N_("The barcode %s is already in the catalogue."), {p.barcode}));
                continue;
            }
        }
        if (!skus_in_file.insert(p.sku).second) {
            reject(Message(BL_N_("The item number %s is in the file twice."), {echo_input(p.sku)}));
            continue;
        }
        if (catalogue.sku_taken && catalogue.sku_taken(p.sku)) {
            reject(Message(BL_N_("The item number %s is already in the catalogue."),
                           {echo_input(p.sku)}));
            continue;
        }
        const std::string w = trimmed(field(workshop));
        if (!w.empty()) {
            auto it = catalogue.workshops.find(search_fold(w));
            if (it == catalogue.workshops.end()) {
                reject(Message(BL_N_("There is no workshop called \"%s\"."), {echo_input(w)}));
                continue;
            }
            p.workshop_id = it->second;
        }
        plan.lines.push_back(row.line);
        plan.valid.push_back(std::move(p));
    }
    return plan;
}

Message refuse_at_commit(ImportPlan& plan, std::size_t index, Message reason) {
    if (index >= plan.valid.size())
        return reason; // not a row's fault (the disk, say): said as it is
    const std::size_t line = plan.lines[index];
    plan.valid.erase(plan.valid.begin() + static_cast<long>(index));
    plan.lines.erase(plan.lines.begin() + static_cast<long>(index));
    auto at = std::find_if(plan.rejected.begin(), plan.rejected.end(),
                           [&](const ImportRejection& r) { return r.line > line; });
    plan.rejected.insert(at, ImportRejection{line, std::move(reason)});
    return Message(BL_N_("Nothing was imported: the catalogue refused the row on line %s (it "
                         "has changed since the file was read). The row is now with the rejected "
                         "ones; import the others, or correct the file."),
                   {std::to_string(line)});
}

} // namespace bl
