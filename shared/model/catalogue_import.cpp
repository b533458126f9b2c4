#include "shared/model/catalogue_import.hpp"

#include <fstream>
#include <iterator>
#include <set>

#include "shared/core/barcode.hpp"
#include "shared/core/csv.hpp"
#include "shared/core/text.hpp"
#include "shared/core/uuid.hpp"

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

Result<ImportPlan, Message>
plan_catalogue_import(std::string_view text, const std::map<std::string, std::string>& workshops,
                      const std::function<bool(const std::string&)>& barcode_taken) {
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
    ImportPlan plan;
    std::set<std::string> codes_in_file, skus_in_file;
    UuidGenerator ids;
    for (std::size_t r = 1; r < rows.value().size(); ++r) {
        const CsvRow& row = rows.value()[r];
        auto field = [&](Column c) -> std::string {
            const int i = at[c];
            return i >= 0 && static_cast<std::size_t>(i) < row.fields.size()
                       ? row.fields[static_cast<std::size_t>(i)]
                       : std::string();
        };
        auto reject = [&](Message m) { plan.rejected.push_back({row.line, std::move(m)}); };
        Product p;
        auto n = clean_text(field(name), name_rules);
        if (!n) {
            reject(n.error());
            continue;
        }
        p.name = n.value();
        auto c = clean_text(field(category), TextRules{0, 40, false, BL_N_("Category")});
        if (!c) {
            reject(c.error());
            continue;
        }
        p.category = c.value();
        auto money = parse_money(field(price));
        if (!money) {
            reject(money.error());
            continue;
        }
        if (money.value().is_negative()) {
            reject(Message(BL_N_("A price cannot be negative.")));
            continue;
        }
        p.price = money.value();
        auto rate = parse_vat(field(vat));
        if (!rate) {
            reject(Message(BL_N_("The VAT rate must be 25 %% or 0 %%.")));
            continue;
        }
        p.vat_rate = *rate;
        const std::string code = field(ean);
        if (!code.empty()) {
            auto scanned = classify_barcode(code);
            if (!scanned) {
                reject(scanned.error());
                continue;
            }
            if (scanned.value().kind == BarcodeKind::batch_label) {
                reject(Message(BL_N_("%s is a batch label code, not a product barcode."),
                               {scanned.value().code}));
                continue;
            }
            p.barcode = scanned.value().code;
            if (!codes_in_file.insert(p.barcode).second) {
                reject(Message(BL_N_("The barcode %s is in the file twice."), {p.barcode}));
                continue;
            }
            if (barcode_taken(p.barcode)) {
                reject(Message(BL_N_("The barcode %s is already in the catalogue."), {p.barcode}));
                continue;
            }
        }
        const std::string w = field(workshop);
        if (!w.empty()) {
            auto it = workshops.find(search_fold(w));
            if (it == workshops.end()) {
                reject(Message(BL_N_("There is no workshop called \"%s\"."), {w.substr(0, 40)}));
                continue;
            }
            p.workshop_id = it->second;
        }
        p.sku = field(sku);
        if (p.sku.empty())
            p.sku = "IMP-" + ids.next().substr(24); // the random part of a new id
        if (!skus_in_file.insert(p.sku).second) {
            reject(Message(BL_N_("The item number %s is in the file twice."), {p.sku}));
            continue;
        }
        plan.lines.push_back(row.line);
        plan.valid.push_back(std::move(p));
    }
    return plan;
}

} // namespace bl
