#pragma once
/// The sales receipt (kassebon as a simplified invoice) laid out as text lines for an 80 mm
/// printer: shop name, address and CVR; date and time (Copenhagen); the gapless receipt
/// number; every line with quantity and price; discounts; the total; VAT per rate (25 % VAT
/// is 20 % of the total); tenders, cash rounding and change; a barcode of the number for
/// refunds. Copies say KOPI, training receipts say ØVELSE, refunds name the original.

#include <optional>
#include <string>
#include <vector>

#include "shared/core/domain.hpp"

namespace bl::receipts {

/// One printed line. Text is UTF-8; the renderer converts it for the printer.
struct TextLine {
    enum class Align { left, centre, right };
    std::string text;
    Align align = Align::left;
    bool bold = false;
    bool large = false; ///< double width and height
};

/// A receipt ready for a renderer: lines, then an optional barcode, then the cut.
struct ReceiptText {
    std::vector<TextLine> lines;
    std::optional<std::string> barcode; ///< Code 128 data, printed after the lines
    std::optional<std::string> qr;      ///< QR code data, printed after the lines (and barcode)
    std::vector<TextLine> after_barcode;
    bool open_drawer = false; ///< cash changed hands
    std::string name;         ///< for the copy kept on disk: "R1-42", "Z-3", "X-20261127-1435"
    Timestamp created;        ///< the sale's or report's time (a PDF copy's date)
};

/// Columns on 80 mm paper with the printer's standard font.
inline constexpr std::size_t receipt_columns = 48;

/// "Bag om tingene": the short impact block after the receipt, when the shop turns it on.
struct ImpactBlock {
    std::vector<std::string> workshops;
    std::int64_t makers = 0;
    std::vector<std::string> named; ///< consented display names only
    std::int64_t minutes = 0;       ///< work in the goods, as bl::display_minutes rounds it
    bool approximate = false;       ///< some units allocated, not scanned: "ca."
};

/// The block's lines in Danish, e.g. "af Anna" and "+ 2 andre" (makers who have not agreed
/// to be named are counted, in neutral words).
std::vector<std::string> impact_lines(const ImpactBlock& b);

struct ReceiptData {
    Shop shop;
    std::string till_name;
    int device_number = 1; ///< the till's number, part of the receipt barcode
    std::string staff_name;
    Sale sale;                                    ///< as committed: numbers, times, lines, payments
    std::optional<std::int64_t> refund_of_number; ///< the original's receipt number
    std::string mobilepay_name = "MobilePay";     ///< the shop's name for that tender
    bool copy = false;                            ///< a reprint: KOPI
    std::vector<std::string> footer;              ///< shop's own lines ("Tak for besøget")
    std::optional<ImpactBlock> impact;            ///< printed after the legal receipt
};

ReceiptText sales_receipt(const ReceiptData& d);

/// An X report (the shift so far) or a Z report (the closed shift) for the receipt printer.
struct ShiftReportData {
    Shop shop;
    std::string till_name;
    std::string staff_name;
    bool z = false;
    std::int64_t z_number = 0;
    Timestamp opened_at, printed_at;
    ShiftTotals totals;
    Money opening_float;
    std::optional<Money> counted; ///< Z only
    /// Z only: the drawer as counted, note by note (denomination, how many), when it was.
    std::vector<std::pair<Money, std::int64_t>> counted_by_denomination;
    std::string mobilepay_name = "MobilePay"; ///< the shop's name for that tender
};
ReceiptText shift_report(const ShiftReportData& d);

/// The barcode data that identifies a receipt for refunds: "R" + device number + "-" +
/// receipt number, e.g. "R1-1234" (training receipts "T1-12").
std::string receipt_code(int device_number, std::int64_t receipt_number, bool training);

/// Pads `left` and `right` into one line of `width` columns (counting UTF-8 characters),
/// shortening `left` with "…" when both do not fit.
std::string two_columns(const std::string& left, const std::string& right,
                        std::size_t width = receipt_columns);

} // namespace bl::receipts
