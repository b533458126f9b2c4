#pragma once
/// The workshop program's documents, in Danish: the delivery note that goes with a delivery
/// from a workshop to a shop, and a maker's own data (their "export my data" copy). Neither
/// names any maker but, in the export, the maker it belongs to.

#include <cstdint>
#include <string>
#include <vector>

#include "receipts/layout/document.hpp"
#include "shared/core/domain.hpp"

namespace bl::doc {

struct DeliveryNoteLine {
    std::string product;
    std::string label_code; ///< the batch's label
    std::string produced_on;
    std::int64_t units = 0;
    Money unit_price; ///< the shop's price, VAT included
};

struct DeliveryNoteData {
    Workshop workshop;
    Shop shop;
    std::string number; ///< the delivery's reference, as printed
    Timestamp delivered_at;
    std::vector<DeliveryNoteLine> lines;
    std::string delivered_by; ///< the staff member's name
};

/// "Følgeseddel": from the workshop to the shop, the batches with their label codes and
/// units, the value at the shop's prices, and lines for both to sign.
Document delivery_note(const DeliveryNoteData& d);

/// One row of a maker's consent history.
struct ConsentRow {
    std::string channel; ///< "kvitteringer", "rapporter", "web"
    int level = 0;       ///< 0–3
    int version = 0;
    Timestamp recorded_at;
    std::string recorded_by; ///< the staff member's name
};

struct WorkRow {
    std::string worked_on;
    std::string product;
    std::string label_code;
    std::string task;
    std::int64_t minutes = 0;
};

/// Everything the database holds about one maker, for the maker.
struct MakerDataExport {
    std::string maker_id;
    std::string display_name;
    std::string workshop;
    bool active = true;
    MakerPrivate private_details; ///< empty where not held on this device
    std::vector<ConsentRow> consents;
    std::vector<WorkRow> work;
    Timestamp generated_at;
};

/// "Dine data i Bundlinje": the maker's data in plain Danish, large type, with what is not
/// stored and how to have it changed or erased.
Document maker_data_export(const MakerDataExport& d);

/// What a consent level means, in Danish ("Talt med, ikke nævnt" ...).
std::string consent_level_da(int level);

} // namespace bl::doc
