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
/// names makers by id only.
Result<Batch, Message> add_batch(Database& db, const Actor& actor, Batch b);

/// Moves units of a batch from its workshop to a shop.
Result<std::int64_t, Message> deliver_batch(Database& db, const Actor& actor,
                                            const std::string& batch_id, const std::string& shop_id,
                                            std::int64_t units);

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
