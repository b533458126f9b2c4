#pragma once
/// Every kind of row the journal holds, as one typed list: the store writes them, the
/// verifier and the central store read them. The names are stored in the journal and hashed,
/// so a name never changes; a new kind is added at the end.

#include <optional>
#include <string_view>

namespace bl {

enum class JournalKind {
    // Setting up
    device_initialised,
    device_added,
    shop_changed,
    setting_changed,
    staff_added,
    // Staff at a device
    login,
    login_failed,
    staff_locked,
    approval,
    logout,
    // Makers
    maker_added,
    consent_recorded,
    maker_erased,
    // Catalogue and production
    product_added,
    price_changed,
    batch_logged,
    batch_delivered,
    // The till's day
    shift_opened,
    sale,
    refund,
    z_report,
    x_report,
    sale_aborted,
    receipt_copy,
    drawer_opened,
    training_on,
    training_off,
    price_override,
    part_payment_undone,
    // Makers, added later
    transition_recorded,
    // The workshop program
    maker_changed,
    stock_returned,
    labels_printed,
    batch_corrected,
    // How the catalogue looks on the till's tiles
    category_colour_set,
    product_picture_set,
};

/// The name stored in the journal ("sale", "z_report" ...).
std::string_view to_string(JournalKind k);
/// The kind a stored name means; none for a name this build does not know.
std::optional<JournalKind> journal_kind_from(std::string_view name);

} // namespace bl
