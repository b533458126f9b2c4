#pragma once
/// Importing the catalogue from a spreadsheet (CSV), the one importer of both programs (the
/// till's settings and the workshop program's catalogue): every row is checked, every
/// rejected row is reported with its line and reason, and nothing is imported until the
/// organiser has seen the result (and, when some rows were rejected, accepted importing only
/// the valid ones).

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl {

struct ImportRejection {
    std::size_t line = 0;
    Message reason;
};

struct ImportPlan {
    std::vector<std::size_t> lines; ///< the file line of each valid product
    std::vector<Product> valid;
    std::vector<ImportRejection> rejected;
};

/// A catalogue file's text, or why it cannot be read (missing, or larger than 5 MB, which no
/// catalogue is).
Result<std::string, Message> read_catalogue_file(const std::string& path);

/// Reads the file's text. Columns (first row, Danish or English, any order): name/navn and
/// price/pris are required; category/kategori, vat/moms, ean/stregkode, workshop/værksted
/// and sku/varenummer are optional (VAT defaults to 25 %). `workshops` maps workshop names
/// (as search_fold gives them) to ids; `barcode_taken` tells whether the catalogue already
/// has a barcode. A broken file (not CSV, no header, no name or price column) is refused
/// whole.
Result<ImportPlan, Message>
plan_catalogue_import(std::string_view text, const std::map<std::string, std::string>& workshops,
                      const std::function<bool(const std::string&)>& barcode_taken);

} // namespace bl
