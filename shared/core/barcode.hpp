#pragma once
/// EAN-13 / EAN-8 check digits and Bundlinje's internal codes.
///
/// Internal codes live in GS1's restricted-circulation range (EAN-13 prefixes 20–29), which
/// GS1 never assigns to a manufacturer, so they cannot collide with a real product's EAN:
///   - batch labels:      "29" + 3-digit device number + 7-digit serial + check digit.
///     The device number (001–999) is handed out when a workshop station is enrolled, so two
///     stations never mint the same label even offline.
///   - internal products: "28" + 10-digit number + check digit, for goods without an EAN.
/// Prefixes 20–27 are left alone: Danish shops use some of them for weighed and price-marked
/// goods.

#include <cstdint>
#include <string>
#include <string_view>

#include "shared/core/message.hpp"
#include "shared/core/result.hpp"

namespace bl {

/// The check digit for the given digits (without it), per GS1 (weights 3,1 from the right).
/// The input must be all digits.
int gs1_check_digit(std::string_view digits_without_check);

bool is_valid_ean13(std::string_view code);
bool is_valid_ean8(std::string_view code);

enum class BarcodeKind {
    product_ean,      ///< a manufacturer's EAN-13/EAN-8 (or UPC-A, normalised to EAN-13)
    internal_product, ///< "28…": our own product number
    batch_label,      ///< "29…": a batch label hang tag
};

/// What a scanned or typed code turned out to be.
struct ScannedCode {
    BarcodeKind kind;
    std::string code;              ///< normalised: UPC-A gets its leading zero, spaces removed
    int device_number = 0;         ///< batch labels only
    std::int64_t batch_serial = 0; ///< batch labels only
};

/// Classifies a code from the scanner or the keyboard, or says what is wrong with it.
Result<ScannedCode, Message> classify_barcode(std::string_view input);

/// The batch label code for a device's n-th batch. Throws std::out_of_range for a device
/// number outside 1..999 or a serial outside 1..9,999,999.
std::string make_batch_label(int device_number, std::int64_t serial);

/// An internal product code ("28…") for the n-th product without its own EAN.
std::string make_internal_product_code(std::int64_t number);

} // namespace bl
