#include "shared/rules/journal_kind.hpp"

#include <array>
#include <utility>

namespace bl {

namespace {

constexpr std::array<std::pair<JournalKind, std::string_view>, 36> names{{
    {JournalKind::device_initialised, "device_initialised"},
    {JournalKind::device_added, "device_added"},
    {JournalKind::shop_changed, "shop_changed"},
    {JournalKind::setting_changed, "setting_changed"},
    {JournalKind::staff_added, "staff_added"},
    {JournalKind::login, "login"},
    {JournalKind::login_failed, "login_failed"},
    {JournalKind::staff_locked, "staff_locked"},
    {JournalKind::approval, "approval"},
    {JournalKind::logout, "logout"},
    {JournalKind::maker_added, "maker_added"},
    {JournalKind::consent_recorded, "consent_recorded"},
    {JournalKind::maker_erased, "maker_erased"},
    {JournalKind::product_added, "product_added"},
    {JournalKind::price_changed, "price_changed"},
    {JournalKind::batch_logged, "batch_logged"},
    {JournalKind::batch_delivered, "batch_delivered"},
    {JournalKind::shift_opened, "shift_opened"},
    {JournalKind::sale, "sale"},
    {JournalKind::refund, "refund"},
    {JournalKind::z_report, "z_report"},
    {JournalKind::x_report, "x_report"},
    {JournalKind::sale_aborted, "sale_aborted"},
    {JournalKind::receipt_copy, "receipt_copy"},
    {JournalKind::drawer_opened, "drawer_opened"},
    {JournalKind::training_on, "training_on"},
    {JournalKind::training_off, "training_off"},
    {JournalKind::price_override, "price_override"},
    {JournalKind::part_payment_undone, "part_payment_undone"},
    {JournalKind::transition_recorded, "transition_recorded"},
    {JournalKind::maker_changed, "maker_changed"},
    {JournalKind::stock_returned, "stock_returned"},
    {JournalKind::labels_printed, "labels_printed"},
    {JournalKind::batch_corrected, "batch_corrected"},
    {JournalKind::category_colour_set, "category_colour_set"},
    {JournalKind::product_picture_set, "product_picture_set"},
}};

} // namespace

std::string_view to_string(JournalKind k) {
    for (const auto& [kind, name] : names)
        if (kind == k)
            return name;
    return "unknown";
}

std::optional<JournalKind> journal_kind_from(std::string_view name) {
    for (const auto& [kind, n] : names)
        if (n == name)
            return kind;
    return std::nullopt;
}

} // namespace bl
