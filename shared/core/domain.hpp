#pragma once
/// The plain domain types of Bundlinje (see docs/architecture.md). Ids are UUIDv7
/// strings; money is Money; times are UTC Timestamps; dates are "YYYY-MM-DD" strings.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/money.hpp"
#include "shared/core/time.hpp"
#include "shared/core/vat.hpp"

namespace bl {

enum class DeviceRole { till, workshop, organiser, central };
enum class StaffRole { staff, workshop_leader, organiser };
enum class Tender { cash, card, mobilepay };
enum class ConsentChannel { receipt, report, web };
/// Why stock moved outside a sale (sales move stock through their batch allocations).
enum class StockReason { produced, delivered, adjusted, lost };

/// Consent levels: what may be shown about a maker on a channel.
enum class ConsentLevel : int {
    counted_only = 0,    ///< counted, never named (the default)
    chosen_name = 1,     ///< the display name the maker chose
    first_name = 2,      ///< first name
    first_name_story = 3 ///< first name and own story
};

std::string_view to_string(DeviceRole r);
std::string_view to_string(StaffRole r);
std::string_view to_string(Tender t);
std::string_view to_string(ConsentChannel c);
std::string_view to_string(StockReason r);
std::optional<DeviceRole> device_role_from(std::string_view s);
std::optional<StaffRole> staff_role_from(std::string_view s);
std::optional<Tender> tender_from(std::string_view s);
std::optional<ConsentChannel> consent_channel_from(std::string_view s);
std::optional<StockReason> stock_reason_from(std::string_view s);

/// True when a role may do what needs at least `needed` (organiser > workshop_leader > staff).
bool role_at_least(StaffRole have, StaffRole needed);

/// A Danish CVR number: 8 digits with the modulus-11 check.
bool is_valid_cvr(std::string_view cvr);

struct Workshop {
    std::string id;
    std::string name;
    std::string craft; ///< "keramik", "tekstil", "træ" ...
    std::string address;
};

struct Shop {
    std::string id;
    std::string name;
    std::string address; ///< street and number
    std::string postcode;
    std::string city;
    std::string cvr;
};

struct Device {
    std::string id;
    std::string name;
    DeviceRole role = DeviceRole::till;
    int number = 0; ///< 1..999, used in batch label codes
    std::optional<std::string> shop_id;
    std::optional<std::string> workshop_id;
};

struct StaffUser {
    std::string id;
    std::string name;
    StaffRole role = StaffRole::staff;
    std::string pin_hash; ///< Argon2id string from libsodium
    bool active = true;
};

struct Maker {
    std::string id; ///< pseudonymous, kept for ever, even after erasure
    std::string workshop_id;
    std::string display_name; ///< chosen by the maker; may be shown only with consent
    bool active = true;
    bool erased = false; ///< personal data erased; the id stays so the hours still add up
};

/// One recorded consent decision. The newest version per (maker, channel) is in force.
struct Consent {
    std::string maker_id;
    ConsentChannel channel = ConsentChannel::receipt;
    ConsentLevel level = ConsentLevel::counted_only;
    int version = 1;
    Timestamp recorded_at;
    std::string recorded_by; ///< staff user id
};

/// Personal details, held only on workshop stations and central, never on a till.
struct MakerPrivate {
    std::string maker_id;
    std::string real_name;
    std::string phone;
    std::string email;
    std::string story; ///< shown only at consent level 3
};

struct Product {
    std::string id;
    std::string sku;
    std::string name;
    std::string category;
    Money price; ///< VAT-inclusive
    VatRate vat_rate = VatRate::standard();
    std::string barcode; ///< EAN-13/EAN-8 or an internal "28…" code
    std::string materials;
    bool locally_sourced = false;
    std::optional<std::string> workshop_id;
    bool active = true;
};

struct Contribution {
    std::string id;
    std::string batch_id;
    std::string maker_id;
    std::int64_t minutes = 0;
    std::string task_tag;  ///< "drejning", "glasering", "syning" ...
    std::string worked_on; ///< date
};

struct Batch {
    std::string id;
    std::string product_id;
    std::string workshop_id;
    std::string produced_on; ///< date
    std::int64_t units = 0;
    Money material_cost;
    std::string notes;
    std::string label_code; ///< "29…" batch label
    std::vector<Contribution> contributions;
    std::int64_t revision = 0; ///< corrections made since it was logged
};

/// How units of a sale line map to batches. `allocated` means FIFO-assigned, not scanned.
struct LineAllocation {
    std::string batch_id;
    std::int64_t units = 0;
    bool allocated = false;
};

struct SaleLine {
    int line_no = 0;
    std::string product_id;
    std::string description; ///< product name at the time of sale
    std::optional<std::string> scanned_batch_id;
    std::int64_t quantity = 0; ///< negative on refunds
    Money unit_price;
    Money discount; ///< whole discount on the line, incl. its share of a basket discount
    VatRate vat_rate;
    Money line_total() const { return unit_price.times(quantity) - discount; }
    /// For refund lines: the original sale and line.
    std::optional<std::string> refund_of_sale_id;
    std::optional<int> refund_of_line_no;
    std::vector<LineAllocation> allocations; ///< filled in by the store
};

struct Payment {
    Tender tender = Tender::cash;
    Money amount;          ///< what this tender settles, after cash rounding
    Money tendered;        ///< cash handed over (cash only)
    Money change;          ///< cash handed back
    Money rounding;        ///< cash rounding on this payment (cash only)
    std::string reference; ///< card terminal or MobilePay reference
};

struct Sale {
    std::string id;
    std::string device_id;
    std::string shop_id;
    std::string shift_id;
    std::string staff_id;
    Timestamp sold_at;
    std::int64_t receipt_number = 0; ///< assigned gaplessly by the store
    bool training = false;
    std::optional<std::string> refund_of; ///< original sale for a refund
    std::vector<SaleLine> lines;
    std::vector<Payment> payments;

    /// The sum of the lines (a basket discount is spread over the lines' discounts), before
    /// cash rounding.
    Money total() const;
    /// What the tenders must add up to: the total plus any cash rounding.
    Money rounding_total() const;
};

struct Shift {
    std::string id;
    std::string device_id;
    std::string opened_by;
    Timestamp opened_at;
    Money opening_float;
    std::optional<Timestamp> closed_at;
    std::optional<std::string> closed_by;
    std::optional<std::int64_t> z_number;
    std::optional<Money> counted_cash;
    std::optional<Money> expected_cash;
};

/// Carts not yet paid, kept so that a crash or a power cut loses no customer's basket, as
/// the till saves them (bl::pos::Cart::save).
struct KeptCarts {
    std::string open;                ///< empty: no open cart
    std::vector<std::string> parked; ///< in the order they were parked
    bool empty() const { return open.empty() && parked.empty(); }
    bool operator==(const KeptCarts&) const = default;
};

/// Totals of a shift, as on an X or Z report (training sales excluded).
struct ShiftTotals {
    std::int64_t sales = 0;      ///< receipts with goods sold
    std::int64_t refunds = 0;    ///< refund receipts
    Money gross;                 ///< sum of all receipts (refunds negative)
    Money cash, card, mobilepay; ///< per tender
    Money rounding;              ///< cash rounding, summed
    Money discounts;             ///< sum of line discounts on sales
    std::vector<VatGroup> vat;
    Money expected_cash; ///< opening float + cash taken - cash paid out
    Money refunded;      ///< sum of refund receipts (negative)
    /// Per seller: name and the sum of their receipts.
    std::vector<std::pair<std::string, Money>> by_seller;
    /// Everything this till ever took (training excluded): never reset by a Z.
    Money grand_total;
};

/// Danish notes and coins, largest first, in øre.
inline constexpr std::int64_t cash_denominations[] = {100000, 50000, 20000, 10000, 5000, 2000,
                                                      1000,   500,   200,   100,   50};

/// The cash in a drawer counted by denomination: counts[i] of cash_denominations[i].
/// Throws MoneyOverflow for absurd counts.
Money count_cash(const std::vector<std::int64_t>& counts);

/// Local settings and, optionally, a shop's details changed together (see bl::save_settings).
struct SettingsChange {
    std::vector<std::pair<std::string, std::string>> settings; ///< key, new value
    std::optional<Shop> shop;                                  ///< by id, all fields as typed
};

struct JournalEntry {
    std::string device_id;
    std::int64_t seq = 0;
    Timestamp recorded_at;
    std::string kind;
    std::string payload; ///< canonical JSON
    std::string prev_hash;
    std::string hash;
};

} // namespace bl
