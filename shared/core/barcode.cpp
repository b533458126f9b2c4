#include "shared/core/barcode.hpp"

#include <stdexcept>

namespace bl {

namespace {

bool all_digits(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

bool has_valid_check(std::string_view code) {
    return all_digits(code) &&
           gs1_check_digit(code.substr(0, code.size() - 1)) == code.back() - '0';
}

std::string pad(std::int64_t n, std::size_t width) {
    std::string s = std::to_string(n);
    return std::string(width - s.size(), '0') + s;
}

} // namespace

int gs1_check_digit(std::string_view digits) {
    int sum = 0;
    int weight = 3;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it < '0' || *it > '9')
            throw std::invalid_argument("gs1_check_digit: not a digit");
        sum += (*it - '0') * weight;
        weight = weight == 3 ? 1 : 3;
    }
    return (10 - sum % 10) % 10;
}

bool is_valid_ean13(std::string_view code) {
    return code.size() == 13 && has_valid_check(code);
}
bool is_valid_ean8(std::string_view code) {
    return code.size() == 8 && has_valid_check(code);
}

Result<ScannedCode, Message> classify_barcode(std::string_view input) {
    std::string code;
    for (char c : input) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-')
            continue;
        code += c;
    }
    const std::string shown = echo_input(input);
    if (code.empty())
        return err(Message(BL_N_("Scan a barcode or type its digits.")));
    if (!all_digits(code))
        return err(Message(BL_N_("\"%s\" is not a barcode: a barcode has only digits. Search "
                                 "for the item by name instead."),
                           {shown}));
    if (code.size() == 12)
        code = "0" + code; // UPC-A is EAN-13 with a leading zero.
    if (code.size() != 13 && code.size() != 8)
        return err(Message(BL_N_("The code %s has %s digits; a barcode has 8 or 13. Scan it "
                                 "again or search for the item by name."),
                           {echo_input(code), std::to_string(code.size())}));
    if (!has_valid_check(code))
        return err(Message(BL_N_("The code %s is not valid (its last digit does not match). "
                                 "Scan it again or search for the item by name."),
                           {code}));
    ScannedCode out{BarcodeKind::product_ean, code};
    if (code.size() == 13 && code.compare(0, 2, "29") == 0) {
        out.kind = BarcodeKind::batch_label;
        out.device_number = std::stoi(code.substr(2, 3));
        out.batch_serial = std::stoll(code.substr(5, 7));
        if (out.device_number == 0 || out.batch_serial == 0)
            return err(Message(BL_N_("The code %s looks like a batch label but is not one "
                                     "that Bundlinje made. Search for the item by name."),
                               {code}));
    } else if (code.size() == 13 && code.compare(0, 2, "28") == 0) {
        out.kind = BarcodeKind::internal_product;
    }
    return out;
}

std::string make_batch_label(int device_number, std::int64_t serial) {
    if (device_number < 1 || device_number > 999)
        throw std::out_of_range("batch label: device number must be 1..999");
    if (serial < 1 || serial > 9'999'999)
        throw std::out_of_range("batch label: serial must be 1..9999999");
    std::string body = "29" + pad(device_number, 3) + pad(serial, 7);
    return body + static_cast<char>('0' + gs1_check_digit(body));
}

std::string make_internal_product_code(std::int64_t number) {
    if (number < 1 || number > 9'999'999'999)
        throw std::out_of_range("internal product code: number must be 1..9999999999");
    std::string body = "28" + pad(number, 10);
    return body + static_cast<char>('0' + gs1_check_digit(body));
}

} // namespace bl
