#pragma once
/// The cart at the till: lines from scans, taps and searches; quantities, line and basket
/// discounts, price overrides; totals with VAT. Every change is checked and either applies
/// whole or leaves the cart as it was with a message for the person at the till.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/core/vat.hpp"

namespace bl::pos {

/// What the cart needs to look up (the store in the app, a fake in tests).
class CatalogueLookup {
public:
    virtual ~CatalogueLookup() = default;
    virtual std::optional<Product> product_by_barcode(const std::string& code) = 0;
    virtual std::optional<Product> product_by_id(const std::string& id) = 0;
    /// The batch a label code names: its id and product.
    virtual std::optional<Batch> batch_by_label(const std::string& code) = 0;
};

/// A discount on a line or on the whole basket.
struct Discount {
    enum class Kind { none, percent, amount };
    Kind kind = Kind::none;
    std::int64_t value = 0; ///< percent: basis points (1000 = 10 %); amount: øre
    static Discount none() { return {}; }
    static Discount percent(std::int64_t basis_points) { return {Kind::percent, basis_points}; }
    static Discount amount(Money m) { return {Kind::amount, m.ore()}; }
    /// The discount on a gross amount, rounded to the øre (halves up), never above it.
    Money of(Money gross) const;
};

/// Reads a discount as typed: "10 %", "10%", "12,5 %" (per cent) or "20", "20 kr.", "19,50"
/// (kroner).
Result<Discount, Message> parse_discount(const std::string& typed);

/// What the logged-in person may do without an organiser's approval.
struct Permissions {
    StaffRole role = StaffRole::staff;
    /// The largest discount (per line or basket, in kroner) staff may give on their own.
    Money discount_limit = Money::from_kroner(50);
};

/// The line a change names when none is chosen (the change is refused with a message).
inline constexpr std::size_t no_line = static_cast<std::size_t>(-1);

/// Largest quantity of one line.
inline constexpr std::int64_t max_quantity = 9999;

struct CartLine {
    Product product;
    std::int64_t quantity = 1;
    std::optional<std::string> batch_id;    ///< scanned from a batch label
    std::optional<std::string> batch_label; ///< the label code, for the receipt
    Money unit_price;                       ///< the catalogue price unless overridden
    bool price_overridden = false;
    Discount discount;

    Money gross() const { return unit_price.times(quantity); }
    Money discount_amount() const { return discount.of(gross()); }
    Money net() const { return gross() - discount_amount(); }
};

struct CartTotals {
    Money gross;          ///< before any discount
    Money line_discounts; ///< sum of line discounts
    Money basket_discount;
    Money total; ///< what the customer pays before cash rounding
    VatSummary vat;
    std::int64_t items = 0; ///< units in the cart
};

/// nullopt when the change was applied, else why it was not.
using Problem = std::optional<Message>;

class Cart {
public:
    /// Adds what the scanner (or the keyboard) sent: a product EAN, an internal product code
    /// or a batch label. Scanning the same product (and batch) again adds to its line.
    /// `quantity` of it (typed first: "3*"). Returns the line that changed.
    Result<std::size_t, Message> scan(const std::string& input, CatalogueLookup& catalogue,
                                      std::int64_t quantity = 1);

    /// Adds `quantity` of a product chosen from a tile or a search.
    Result<std::size_t, Message> add(const Product& product, std::int64_t quantity = 1);

    Problem set_quantity(std::size_t line, std::int64_t quantity);
    Problem increment(std::size_t line);
    /// Takes one off; a line at 1 stays (remove it instead).
    Problem decrement(std::size_t line);
    Problem remove(std::size_t line);

    Problem set_line_discount(std::size_t line, Discount d, const Permissions& who);
    Problem set_basket_discount(Discount d, const Permissions& who);
    /// Overrides a line's unit price: organisers only, and never to 0 or below.
    Problem override_price(std::size_t line, Money price, const Permissions& who);

    void clear();
    bool empty() const { return m_lines.empty(); }
    const std::vector<CartLine>& lines() const { return m_lines; }
    const Discount& basket_discount() const { return m_basket; }

    CartTotals totals() const;

    /// The lines as the store records them: the basket discount spread over the lines in
    /// proportion to their amounts (largest remainder, so the øre add up exactly).
    std::vector<SaleLine> sale_lines() const;

private:
    // Kept as text against a crash (cart_text.hpp).
    friend std::string save_cart(const Cart& cart);
    friend Cart restore_cart(std::string_view saved, CatalogueLookup& catalogue,
                             std::size_t& dropped);
    Problem check_discount(Money gross, const Discount& d, const Permissions& who) const;
    std::vector<CartLine> m_lines;
    Discount m_basket;
};

} // namespace bl::pos
