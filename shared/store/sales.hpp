#pragma once
/// Shifts and sales. record_sale() is the till's one business action: sale, lines, batch
/// allocations, payments, stock moves, journal row and outbox row commit together or not at
/// all, and the receipt number is taken gaplessly inside that transaction.

#include <optional>
#include <string>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/impact/sale_impact.hpp"
#include "shared/store/database.hpp"
#include "shared/store/outbox.hpp"

namespace bl {

/// Opens a shift on the actor's device with a counted float. Only one shift per device may
/// be open.
Result<Shift, Message> open_shift(Database& db, const Actor& actor, Money opening_float);

/// The open shift of a device, if any.
std::optional<Shift> current_shift(Database& db, const std::string& device_id);

/// Records a sale or a refund (all quantities negative, each line naming the line it
/// refunds). The store sets the id, time, device, shop, shift and receipt number, allocates
/// unscanned units to batches first-in-first-out, and checks that the payments settle the
/// total exactly (cash rounded to 50 øre). Returns the sale as committed.
Result<Sale, Message> record_sale(Database& db, const Actor& actor, Sale sale);

/// Totals of a shift, as on an X or Z report (training sales excluded).
ShiftTotals shift_totals(Database& db, const std::string& shift_id);

/// Closes a shift with a Z report: counted cash against expected, the next gapless Z number.
Result<Shift, Message> close_shift(Database& db, const Actor& actor, const std::string& shift_id,
                                   Money counted_cash);

std::optional<Sale> find_sale(Database& db, const std::string& id);
std::optional<Sale> find_sale_by_receipt(Database& db, const std::string& device_id,
                                         std::int64_t receipt_number, bool training = false);
/// The newest receipt number of a till (in the training series, or not); 0 before the first.
std::int64_t last_receipt_number(Database& db, const std::string& device_id, bool training = false);

/// What is behind a recorded sale: workshops, makers, work, and the display names of makers
/// who consented to be named on receipts.
SaleImpact impact_of_sale(Database& db, const std::string& sale_id);

/// Units of an original sale line already refunded (a positive number).
std::int64_t refunded_quantity(Database& db, const std::string& sale_id, int line_no);

} // namespace bl
