#pragma once
/// Sales and refunds. record_sale() is the till's one business action: sale, lines, batch
/// allocations, payments, journal row and outbox row commit together or not at all, and the
/// receipt number is taken gaplessly inside that transaction (sales.cpp). The rest reads the
/// receipts back (sale_archive.cpp).

#include <optional>
#include <string>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/impact/sale_impact.hpp"
#include "shared/store/actor.hpp"
#include "shared/store/database.hpp"
#include "shared/store/shifts.hpp"

namespace bl {

/// Records a sale or a refund (all quantities negative, each line naming the line it
/// refunds): checks it (shared/rules/sale_rules.hpp, then against the stored records), sets
/// the id, time, device, shop, shift and receipt number, allocates unscanned units to
/// batches first-in-first-out, writes it and journals it. Returns the sale as committed.
Result<Sale, Message> record_sale(Database& db, const Actor& actor, Sale sale);

std::optional<Sale> find_sale(Database& db, const std::string& id);
std::optional<Sale> find_sale_by_receipt(Database& db, const std::string& device_id,
                                         std::int64_t receipt_number, bool training = false);
/// A till's receipts (not training) recorded since an instant, newest first, at most `limit`.
std::vector<Sale> list_sales_since(Database& db, const std::string& device_id, Timestamp since,
                                   int limit);
/// The newest receipt number of a till (in the training series, or not); 0 before the first.
std::int64_t last_receipt_number(Database& db, const std::string& device_id, bool training = false);

/// What is behind a recorded sale: workshops, makers, work, and the display names of makers
/// who consented to be named on receipts.
SaleImpact impact_of_sale(Database& db, const std::string& sale_id);

/// The sales (not refunds, not training receipts) between two UTC instants (the first
/// included), optionally of one shop, oldest first: their ids.
std::vector<std::string> sales_between(Database& db, const std::string& from_utc,
                                       const std::string& to_utc,
                                       const std::optional<std::string>& shop_id = std::nullopt);

/// Units of an original sale line already refunded (a positive number).
std::int64_t refunded_quantity(Database& db, const std::string& sale_id, int line_no);

} // namespace bl
