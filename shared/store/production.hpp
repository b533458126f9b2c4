#pragma once
/// Production batches, their contributions (who worked how many minutes on what), batch
/// labels, deliveries and stock per batch.

#include <optional>
#include <string>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/impact/allocation.hpp"
#include "shared/store/actor.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// Logs a batch with its contributions in one transaction: the batch gets the next label
/// code of the actor's device, its units enter stock at the workshop, and the journal row
/// names makers by id only. Refused for a product no longer sold, a maker of another
/// workshop or no longer active, and work that breaks check_work (each maker's own hours:
/// at most 12 on a day, over all batches, and 24 on one batch).
Result<Batch, Message> add_batch(Database& db, const Actor& actor, Batch b);

/// A batch corrected after the fact, as typed: what is true now (units, the day it was made,
/// material cost, notes and each maker's own work) and why. The product, workshop and label
/// code stay.
struct BatchFix {
    std::string batch_id;
    std::int64_t revision = 0; ///< the batch's revision the fix was made from (0: as logged)
    std::string produced_on;
    std::int64_t units = 0;
    Money material_cost;
    std::string notes;
    std::vector<Contribution> contributions; ///< replace the batch's; ids are made here
    std::string reason;
};

/// One correction of a batch, with what it replaced.
struct BatchCorrection {
    std::string id, batch_id;
    std::int64_t revision = 0;
    std::string corrected_at; ///< UTC, "YYYY-MM-DDTHH:MM:SSZ"
    std::string corrected_by; ///< staff id
    std::string reason;
    std::int64_t units_before = 0, units_after = 0, minutes_before = 0, minutes_after = 0;
    std::string previous; ///< the batch as it was before, canonical JSON in the journal's words
};

/// Corrects a logged batch in one transaction, never silently: the batch and its
/// contributions take the new values, a correction record keeps the old ones with who, when
/// and why, the journal records both ("batch_corrected"), and a change in units is a stock
/// move at the workshop. Refused without a reason, when nothing changes, when the batch was
/// corrected since `fix.revision` (someone else got there first), below the units that have
/// left the workshop (delivered or sold), for units of a batch whose stock another device
/// keeps, and for work that breaks check_work (a new maker must be an active maker of the
/// batch's workshop; one already on the batch may since have left).
Result<Batch, Message> correct_batch(Database& db, const Actor& actor, const BatchFix& fix);

/// A batch's corrections, oldest first.
std::vector<BatchCorrection> batch_corrections(Database& db, const std::string& batch_id);

/// How many times a batch has been corrected (0: as logged).
std::int64_t batch_revision(Database& db, const std::string& batch_id);

/// Moves units of a batch from its workshop to a shop.
Result<std::int64_t, Message> deliver_batch(Database& db, const Actor& actor,
                                            const std::string& batch_id, const std::string& shop_id,
                                            std::int64_t units);

/// What a shop reports back about units it had: returned to the workshop, or broken.
enum class ReportedBack { returned, broken };

/// A shop's units of a batch come back to the workshop (they stay in the batch, with their
/// hours) or were broken (they leave stock): journaled stock moves ("stock_returned"). At most
/// what the shop has of the batch.
Result<std::int64_t, Message> report_back(Database& db, const Actor& actor,
                                          const std::string& batch_id, const std::string& shop_id,
                                          std::int64_t units, ReportedBack kind);

/// Stock and hours of one batch: units made, delivered to shops, sold (net of refunds,
/// training excluded), returned from shops, broken or lost, on hand (anywhere) and at the
/// workshop, and the minutes logged on it.
struct BatchStock {
    std::string batch_id, product_id, product_name, workshop_id, label_code, produced_on;
    std::int64_t produced = 0, delivered = 0, sold = 0, returned = 0, lost = 0, on_hand = 0,
                 at_workshop = 0, minutes = 0;
};
/// Every batch (of one workshop, or all), oldest first.
std::vector<BatchStock> stock_by_batch(Database& db,
                                       const std::optional<std::string>& workshop_id = {});

/// One line of a delivery: units of a batch.
struct DeliveryLine {
    std::string batch_id;
    std::int64_t units = 0;
};

/// Moves several batches' units from their workshops to a shop in one transaction (a
/// journal row per batch): all or none. Refused when a batch is listed twice or more units
/// are asked than are at the workshop. Returns the units delivered.
Result<std::int64_t, Message> deliver_batches(Database& db, const Actor& actor,
                                              const std::string& shop_id,
                                              const std::vector<DeliveryLine>& lines);

/// A maker's logged work with the product and batch label it went into (their own data).
struct MakerContribution {
    Contribution work;
    std::string product_name;
    std::string label_code;
};
std::vector<MakerContribution> maker_contributions(Database& db, const std::string& maker_id);

std::optional<Batch> find_batch(Database& db, const std::string& id);
std::optional<Batch> find_batch_by_label(Database& db, const std::string& label_code);
std::vector<Batch> list_batches(Database& db, const std::optional<std::string>& product_id = {});

/// Batches of a product that still have units in stock, for FIFO allocation.
std::vector<OpenBatch> open_batches(Database& db, const std::string& product_id);

/// Units of a batch in stock (all locations).
std::int64_t batch_on_hand(Database& db, const std::string& batch_id);

/// Sum of minutes logged on a batch.
std::int64_t batch_minutes(Database& db, const std::string& batch_id);

} // namespace bl
