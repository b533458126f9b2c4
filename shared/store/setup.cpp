#include "shared/store/setup.hpp"

#include <sqlite3.h>

#include "shared/core/text.hpp"
#include "shared/store/detail/actions.hpp"
#include "shared/store/detail/connection.hpp"

namespace bl {

namespace {

Device read_device(SQLite::Statement& q) {
    Device d;
    d.id = q.getColumn(0).getString();
    d.name = q.getColumn(1).getString();
    d.role = device_role_from(q.getColumn(2).getString()).value_or(DeviceRole::till);
    d.number = q.getColumn(3).getInt();
    if (!q.getColumn(4).isNull())
        d.shop_id = q.getColumn(4).getString();
    if (!q.getColumn(5).isNull())
        d.workshop_id = q.getColumn(5).getString();
    return d;
}

JsonObject device_json(const Device& d) {
    JsonObject o{{"device_id", d.id},
                 {"name", d.name},
                 {"role", std::string(to_string(d.role))},
                 {"number", d.number}};
    o.emplace("shop_id", d.shop_id ? JsonValue(*d.shop_id) : JsonValue());
    o.emplace("workshop_id", d.workshop_id ? JsonValue(*d.workshop_id) : JsonValue());
    return o;
}

std::optional<Message> check_device(Database& db, Device& d) {
    auto name = clean_text(d.name, name_rules);
    if (!name)
        return name.error();
    d.name = name.value();
    if (d.number < 1 || d.number > 999)
        return Message(BL_N_("A device number must be between 1 and 999."));
    SQLite::Statement q(store::sql(db), "SELECT name FROM device WHERE number = ?");
    q.bind(1, d.number);
    if (q.executeStep())
        return Message(BL_N_("Device number %s is already used by \"%s\"."),
                       {std::to_string(d.number), q.getColumn(0).getString()});
    if (d.role == DeviceRole::till && !d.shop_id)
        return Message(BL_N_("A till must belong to a shop."));
    if (d.role == DeviceRole::workshop && !d.workshop_id)
        return Message(BL_N_("A workshop station must belong to a workshop."));
    if (d.shop_id && !find_shop(db, *d.shop_id))
        return Message(BL_N_("The shop for this device does not exist."));
    if (d.workshop_id && !find_workshop(db, *d.workshop_id))
        return Message(BL_N_("The workshop for this device does not exist."));
    return std::nullopt;
}

void insert_device(Database& db, const Device& d) {
    SQLite::Statement ins(store::sql(db), "INSERT INTO device(id, name, role, number, shop_id, "
                                          "workshop_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, d.id);
    ins.bind(2, d.name);
    ins.bind(3, std::string(to_string(d.role)));
    ins.bind(4, d.number);
    if (d.shop_id)
        ins.bind(5, *d.shop_id);
    if (d.workshop_id)
        ins.bind(6, *d.workshop_id);
    ins.bind(7, format_utc(db.clock()));
    ins.exec();
}

// Cleans and checks a shop's details in place.
std::optional<Message> check_shop(Shop& s) {
    for (auto* field : {&s.name, &s.address, &s.city}) {
        auto c = clean_text(*field, TextRules{1, 120, false, BL_N_("Shop details")});
        if (!c)
            return c.error();
        *field = c.value();
    }
    if (!is_valid_cvr(s.cvr))
        return Message(BL_N_("%s is not a valid CVR number: it has 8 digits and must pass "
                             "the CVR check. Copy it from virk.dk."),
                       {s.cvr});
    if (s.postcode.size() != 4 || s.postcode.find_first_not_of("0123456789") != std::string::npos)
        return Message(BL_N_("A Danish postcode has 4 digits."));
    return std::nullopt;
}

// Checks and inserts a shop inside the caller's transaction; returns its journal data.
Result<JsonObject, Message> insert_shop(Database& db, Shop& s) {
    if (auto problem = check_shop(s))
        return err(*problem);
    if (s.id.empty())
        s.id = db.ids.next();
    SQLite::Statement ins(store::sql(db),
                          "INSERT INTO shop(id, name, address, postcode, city, cvr, "
                          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, s.id);
    ins.bind(2, s.name);
    ins.bind(3, s.address);
    ins.bind(4, s.postcode);
    ins.bind(5, s.city);
    ins.bind(6, s.cvr);
    ins.bind(7, format_utc(db.clock()));
    ins.exec();
    return JsonObject{{"shop_id", s.id},        {"name", s.name}, {"address", s.address},
                      {"postcode", s.postcode}, {"city", s.city}, {"cvr", s.cvr}};
}

// Checks and inserts a workshop inside the caller's transaction; returns its journal data.
Result<JsonObject, Message> insert_workshop(Database& db, Workshop& w) {
    auto name = clean_text(w.name, name_rules);
    if (!name)
        return err(name.error());
    w.name = name.value();
    auto craft = clean_text(w.craft, TextRules{0, 40, false, BL_N_("Craft")});
    if (!craft)
        return err(craft.error());
    w.craft = craft.value();
    auto addr = clean_text(w.address, TextRules{0, 120, false, BL_N_("Address")});
    if (!addr)
        return err(addr.error());
    w.address = addr.value();
    if (w.id.empty())
        w.id = db.ids.next();
    SQLite::Statement ins(store::sql(db),
                          "INSERT INTO workshop(id, name, craft, address, created_at) "
                          "VALUES (?, ?, ?, ?, ?)");
    ins.bind(1, w.id);
    ins.bind(2, w.name);
    ins.bind(3, w.craft);
    ins.bind(4, w.address);
    ins.bind(5, format_utc(db.clock()));
    ins.exec();
    return JsonObject{
        {"workshop_id", w.id}, {"name", w.name}, {"craft", w.craft}, {"address", w.address}};
}

// Creates the optional new shop and workshop, points the device at them, and returns the
// device's journal payload.
Result<JsonObject, Message> device_with_places(Database& db, Device& d,
                                               std::optional<Shop>& new_shop,
                                               std::optional<Workshop>& new_workshop) {
    std::optional<JsonObject> shop_json, workshop_json;
    if (new_shop) {
        auto r = insert_shop(db, *new_shop);
        if (!r)
            return err(r.error());
        shop_json = r.value();
        d.shop_id = new_shop->id;
    }
    if (new_workshop) {
        auto r = insert_workshop(db, *new_workshop);
        if (!r)
            return err(r.error());
        workshop_json = r.value();
        d.workshop_id = new_workshop->id;
    }
    if (d.id.empty())
        d.id = db.ids.next();
    if (auto problem = check_device(db, d))
        return err(*problem);
    insert_device(db, d);
    JsonObject payload = device_json(d);
    if (shop_json)
        payload.emplace("new_shop", *shop_json);
    if (workshop_json)
        payload.emplace("new_workshop", *workshop_json);
    return payload;
}

} // namespace

std::string local_device_id(Database& db) {
    std::string& known = db.connection().local_device_id;
    if (!known.empty())
        return known;
    return store::reading([&]() -> std::string {
        store::Statement q(db, "SELECT device_id FROM local_device WHERE singleton = 1");
        std::string id = q->executeStep() ? q->getColumn(0).getString() : std::string();
        // Remembered only when read outside a transaction: one that sets the device up may
        // still roll back. Once set up, a database never changes its device.
        if (sqlite3_get_autocommit(store::sql(db).getHandle()) != 0)
            known = id;
        return id;
    });
}

std::optional<Device> local_device(Database& db) {
    return store::reading([&]() -> std::optional<Device> {
        const std::string id = local_device_id(db);
        if (id.empty())
            return std::nullopt;
        return find_device(db, id);
    });
}

Result<Device, Message> initialise_local_device(Database& db, Device self,
                                                std::optional<Shop> new_shop,
                                                std::optional<Workshop> new_workshop) {
    return store::writing([&]() -> Result<Device, Message> {
        auto tx = store::begin_write(db);
        if (!local_device_id(db).empty())
            return err(Message(BL_N_("This database already belongs to a device.")));
        auto payload = device_with_places(db, self, new_shop, new_workshop);
        if (!payload)
            return err(payload.error());
        SQLite::Statement mine(store::sql(db),
                               "INSERT INTO local_device(singleton, device_id) VALUES (1, ?)");
        mine.bind(1, self.id);
        mine.exec();
        store::record_action(db, Actor{self.id, {}}, JournalKind::device_initialised,
                             payload.value());
        tx.commit();
        return self;
    });
}

Result<Device, Message> add_device(Database& db, const Actor& actor, Device d,
                                   std::optional<Shop> new_shop,
                                   std::optional<Workshop> new_workshop) {
    return store::writing([&]() -> Result<Device, Message> {
        auto tx = store::begin_write(db);
        auto payload = device_with_places(db, d, new_shop, new_workshop);
        if (!payload)
            return err(payload.error());
        store::record_action(db, actor, JournalKind::device_added, payload.value());
        tx.commit();
        return d;
    });
}

Result<Shop, Message> update_shop(Database& db, const Actor& actor, Shop s) {
    return store::writing([&]() -> Result<Shop, Message> {
        if (auto problem = check_shop(s))
            return err(*problem);
        auto saved = save_settings(db, actor, SettingsChange{{}, s});
        if (!saved)
            return err(saved.error());
        return s;
    });
}

std::optional<Shop> find_shop(Database& db, const std::string& id) {
    return store::reading([&]() -> std::optional<Shop> {
        SQLite::Statement q(store::sql(db),
                            "SELECT id, name, address, postcode, city, cvr FROM shop WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep())
            return std::nullopt;
        return Shop{q.getColumn(0).getString(), q.getColumn(1).getString(),
                    q.getColumn(2).getString(), q.getColumn(3).getString(),
                    q.getColumn(4).getString(), q.getColumn(5).getString()};
    });
}

std::vector<Shop> list_shops(Database& db) {
    return store::reading([&]() -> std::vector<Shop> {
        std::vector<Shop> out;
        SQLite::Statement q(store::sql(db), "SELECT id FROM shop ORDER BY name");
        while (q.executeStep())
            out.push_back(*find_shop(db, q.getColumn(0).getString()));
        return out;
    });
}

std::optional<Workshop> find_workshop(Database& db, const std::string& id) {
    return store::reading([&]() -> std::optional<Workshop> {
        store::Statement q(db, "SELECT id, name, craft, address FROM workshop WHERE id = ?");
        q->bind(1, id);
        if (!q->executeStep())
            return std::nullopt;
        return Workshop{q->getColumn(0).getString(), q->getColumn(1).getString(),
                        q->getColumn(2).getString(), q->getColumn(3).getString()};
    });
}

std::vector<Workshop> list_workshops(Database& db) {
    return store::reading([&]() -> std::vector<Workshop> {
        std::vector<Workshop> out;
        SQLite::Statement q(store::sql(db), "SELECT id FROM workshop ORDER BY name");
        while (q.executeStep())
            out.push_back(*find_workshop(db, q.getColumn(0).getString()));
        return out;
    });
}

std::optional<Device> find_device(Database& db, const std::string& id) {
    return store::reading([&]() -> std::optional<Device> {
        store::Statement q(db, "SELECT id, name, role, number, shop_id, workshop_id FROM device "
                               "WHERE id = ?");
        q->bind(1, id);
        std::optional<Device> d;
        if (q->executeStep())
            d = read_device(*q);
        return d;
    });
}

std::optional<std::string> get_setting(Database& db, const std::string& key) {
    return store::reading([&]() -> std::optional<std::string> {
        SQLite::Statement q(store::sql(db), "SELECT value FROM setting WHERE key = ?");
        q.bind(1, key);
        if (!q.executeStep())
            return std::nullopt;
        return q.getColumn(0).getString();
    });
}

Result<Done, Message> set_setting(Database& db, const Actor& actor, const std::string& key,
                                  const std::string& value) {
    return store::writing([&]() -> Result<Done, Message> {
        return save_settings(db, actor, SettingsChange{{{key, value}}, std::nullopt});
    });
}

Result<Done, Message> save_settings(Database& db, const Actor& actor, SettingsChange change) {
    return store::writing([&]() -> Result<Done, Message> {
        if (change.shop)
            if (auto problem = check_shop(*change.shop))
                return err(*problem);
        auto tx = store::begin_write(db);
        if (change.shop) {
            const Shop& s = *change.shop;
            if (!find_shop(db, s.id))
                return err(Message(BL_N_("That shop does not exist.")));
            SQLite::Statement u(store::sql(db),
                                "UPDATE shop SET name = ?, address = ?, postcode = ?, "
                                "city = ?, cvr = ? WHERE id = ?");
            u.bind(1, s.name);
            u.bind(2, s.address);
            u.bind(3, s.postcode);
            u.bind(4, s.city);
            u.bind(5, s.cvr);
            u.bind(6, s.id);
            u.exec();
            store::record_action(db, actor, JournalKind::shop_changed,
                                 JsonObject{{"shop_id", s.id},
                                            {"name", s.name},
                                            {"address", s.address},
                                            {"postcode", s.postcode},
                                            {"city", s.city},
                                            {"cvr", s.cvr}});
        }
        for (const auto& [key, value] : change.settings) {
            SQLite::Statement u(store::sql(db),
                                "INSERT INTO setting(key, value) VALUES (?, ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            u.bind(1, key);
            u.bind(2, value);
            u.exec();
            store::record_action(db, actor, JournalKind::setting_changed,
                                 JsonObject{{"key", key}, {"value", value}});
        }
        tx.commit();
        return Done{};
    });
}

} // namespace bl
