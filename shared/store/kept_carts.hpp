#pragma once
/// Carts not yet paid, kept in the database so that a crash or a power cut loses no
/// customer's basket: the open one and the parked ones, as text the till writes and reads
/// (see bl::pos::Cart::save). Not business records: not journaled, not sent. A recorded
/// sale removes the open cart in its own transaction (see record_sale), so a basket is never
/// both sold and brought back.

#include "shared/core/domain.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// Replaces what was kept, in one transaction.
Result<Done, Message> keep_carts(Database& db, const KeptCarts& carts);
KeptCarts kept_carts(Database& db);

} // namespace bl
