#pragma once
/// Setting a database up: the device it belongs to, shops, workshops, other devices, local
/// settings.

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/store/database.hpp"
#include "shared/store/outbox.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bl {

/// The id of the device this database belongs to, or "" before set-up.
std::string local_device_id(Database& db);
std::optional<Device> local_device(Database& db);

/// Makes `self` this database's own device, in one transaction that also writes the
/// device's first journal row. Fails if the database already belongs to a device.
Result<Device, Message> initialise_local_device(Database& db, Device self);

/// Registers another device (a workshop station known to an organiser database, say).
Result<Device, Message> add_device(Database& db, const Actor& actor, Device d);

Result<Shop, Message> add_shop(Database& db, const Actor& actor, Shop s);
Result<Workshop, Message> add_workshop(Database& db, const Actor& actor, Workshop w);

std::optional<Shop> find_shop(Database& db, const std::string& id);
std::optional<Workshop> find_workshop(Database& db, const std::string& id);
std::optional<Device> find_device(Database& db, const std::string& id);
std::vector<Shop> list_shops(Database& db);
std::vector<Workshop> list_workshops(Database& db);

/// Local settings. Changing one is a journaled action.
std::optional<std::string> get_setting(Database& db, const std::string& key);
void set_setting(Database& db, const Actor& actor, const std::string& key,
                 const std::string& value);

} // namespace bl
