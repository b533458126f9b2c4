#pragma once
/// Importing the catalogue from a spreadsheet (CSV), the one importer of both programs (the
/// till's settings and the workshop program's catalogue): every row is checked, every
/// rejected row is reported with its line and reason, and nothing is imported until the
/// organiser has seen the result (and, when some rows were rejected, accepted importing only
/// the valid ones).
///
/// The preview runs every check the store's commit runs (check_product, and the lookups
/// below for what the catalogue already holds), so a row shown as valid is one the commit
/// takes. Nothing is guessed: a row with more or fewer fields than the first row names is
/// refused (a price split by a decimal comma in a comma-separated file is named as the likely
/// cause), and a row that took several lines of the file says which lines and why.

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

/// What the import asks of the catalogue it imports into.
struct CatalogueLookups {
    /// Workshop names (as search_fold gives them) to ids.
    std::map<std::string, std::string> workshops;
    /// Whether the catalogue already has a barcode (normalised by classify_barcode).
    std::function<bool(const std::string&)> barcode_taken;
    /// Whether the catalogue already has an item number (SKU).
    std::function<bool(const std::string&)> sku_taken;
};

/// A catalogue file's text, or why it cannot be read (missing, or larger than 5 MB, which no
/// catalogue is).
Result<std::string, Message> read_catalogue_file(const std::string& path);

/// Reads the file's text. Columns (first row, Danish or English, any order): name/navn and
/// price/pris are required; category/kategori, vat/moms, ean/stregkode, workshop/værksted
/// and sku/varenummer are optional (VAT defaults to 25 %). A broken file (not CSV, no header,
/// no name or price column) is refused whole.
Result<ImportPlan, Message> plan_catalogue_import(std::string_view text,
                                                  const CatalogueLookups& catalogue);

/// The commit refused valid row `index` (the catalogue changed since the preview, say on
/// another device): the row moves to the rejected ones with its line and the store's reason,
/// and the message to show with the preview again names its line.
Message refuse_at_commit(ImportPlan& plan, std::size_t index, Message reason);

} // namespace bl
