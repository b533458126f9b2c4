#pragma once
/// Setting a database up: the device it belongs to, shops, workshops, other devices, local
/// settings.

#include <optional>
#include <string>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/store/actor.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// The id of the device this database belongs to, or "" before set-up.
std::string local_device_id(Database& db);
std::optional<Device> local_device(Database& db);

/// Makes `self` this database's own device, in one transaction that also writes the
/// device's first journal row. The shop (for a till) or workshop (for a workshop station)
/// it belongs to can be created in the same step; their ids then become the device's.
/// Fails if the database already belongs to a device.
Result<Device, Message>
initialise_local_device(Database& db, Device self, std::optional<Shop> new_shop = std::nullopt,
                        std::optional<Workshop> new_workshop = std::nullopt);

/// Registers another device (the shop's till on a workshop station, say), optionally with
/// its new shop or workshop, as one action of `actor`.
Result<Device, Message> add_device(Database& db, const Actor& actor, Device d,
                                   std::optional<Shop> new_shop = std::nullopt,
                                   std::optional<Workshop> new_workshop = std::nullopt);

/// Changes a shop's name, address or CVR (as printed on receipts); journaled.
Result<Shop, Message> update_shop(Database& db, const Actor& actor, Shop s);

std::optional<Shop> find_shop(Database& db, const std::string& id);
std::optional<Workshop> find_workshop(Database& db, const std::string& id);
std::optional<Device> find_device(Database& db, const std::string& id);
std::vector<Shop> list_shops(Database& db);
std::vector<Workshop> list_workshops(Database& db);

/// Local settings ("printer", "mobilepay_name", "discount_limit", "impact_block",
/// "receipt_footer", "language"). Changing one is a journaled action.
std::optional<std::string> get_setting(Database& db, const std::string& key);
Result<Done, Message> set_setting(Database& db, const Actor& actor, const std::string& key,
                                  const std::string& value);

/// Several settings and, optionally, the shop's details (as printed on receipts) changed
/// together: one transaction, one journal row per setting and one for the shop; all or none.
Result<Done, Message> save_settings(Database& db, const Actor& actor, SettingsChange change);

} // namespace bl
