#pragma once
/// The canonical journal payloads of the business actions whose rows the journal must be
/// able to reproduce: a sale or refund, and a Z report. Pure: the till's store journals
/// them, the verifier and the central store rebuild them from the rows and compare.

#include "shared/core/canonical_json.hpp"
#include "shared/core/domain.hpp"
#include "shared/core/vat.hpp"

namespace bl {

/// A recorded sale or refund (with its id, shop, shift, receipt number and each line's batch
/// allocations filled in) as journaled. The staff id is added by the journal.
JsonObject sale_payload(const Sale& sale);
/// The same payload with the staff id the journal adds (sale.staff_id), as the journal's text:
/// what a till's journal row holds for the sale, byte for byte.
std::string journaled_sale_text(const Sale& sale);
/// Writes that payload; with the staff id when `staff_id` is given.
void write_sale_payload(CanonicalWriter& w, const Sale& sale, const std::string* staff_id);

/// What a Z report states about a shift when it closes it.
struct ZReport {
    std::string shift_id;
    std::int64_t z_number = 0;
    ShiftTotals totals;
    Money opening_float;
    Money counted_cash;
};
JsonObject z_report_payload(const ZReport& z);

/// The VAT of a sale's lines, per rate, as printed on its receipt.
VatSummary sale_vat(const Sale& sale);
/// The cash rounding of a sale: the sum of its payments' roundings.
Money sale_rounding(const Sale& sale);

} // namespace bl
