#include "shared/store/people.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "shared/core/text.hpp"
#include "shared/store/detail/actions.hpp"
#include "shared/store/detail/connection.hpp"
#include "shared/store/setup.hpp"

namespace bl {

namespace {

StaffUser read_staff(SQLite::Statement& q) {
    StaffUser u;
    u.id = q.getColumn(0).getString();
    u.name = q.getColumn(1).getString();
    u.role = staff_role_from(q.getColumn(2).getString()).value_or(StaffRole::staff);
    u.pin_hash = q.getColumn(3).getString();
    u.active = q.getColumn(4).getInt() != 0;
    return u;
}

Maker read_maker(SQLite::Statement& q) {
    Maker m;
    m.id = q.getColumn(0).getString();
    m.workshop_id = q.getColumn(1).getString();
    m.display_name = q.getColumn(2).getString();
    m.active = q.getColumn(3).getInt() != 0;
    m.erased = q.getColumn(4).getInt() != 0;
    return m;
}

bool local_is_till(Database& db) {
    auto d = local_device(db);
    return d && d->role == DeviceRole::till;
}

// A maker's private fields as typed: checked and cleaned in place, or why not.
std::optional<Message> clean_private(MakerPrivate& p) {
    auto real = clean_text(p.real_name, TextRules{0, 80, false, BL_N_("Real name")});
    if (!real)
        return real.error();
    p.real_name = real.value();
    auto story = clean_text(p.story, TextRules{0, 2000, true, BL_N_("Story")});
    if (!story)
        return story.error();
    p.story = story.value();
    for (auto* f : {&p.phone, &p.email}) {
        auto c = clean_text(*f, TextRules{0, 120, false, BL_N_("Contact details")});
        if (!c)
            return c.error();
        *f = c.value();
    }
    return std::nullopt;
}

} // namespace

Result<StaffUser, Message> add_staff(Database& db, const Actor& actor, StaffUser u) {
    return store::writing([&]() -> Result<StaffUser, Message> {
        auto name = clean_text(u.name, name_rules);
        if (!name)
            return err(name.error());
        u.name = name.value();
        if (u.pin_hash.rfind("$argon2id$", 0) != 0)
            return err(Message(BL_N_("The PIN was not stored safely; choose the PIN again.")));
        auto tx = store::begin_write(db);
        if (u.id.empty())
            u.id = db.ids.next();
        SQLite::Statement ins(store::sql(db),
                              "INSERT INTO staff_user(id, name, role, pin_hash, active, "
                              "created_at) VALUES (?, ?, ?, ?, ?, ?)");
        ins.bind(1, u.id);
        ins.bind(2, u.name);
        ins.bind(3, std::string(to_string(u.role)));
        ins.bind(4, u.pin_hash);
        ins.bind(5, u.active ? 1 : 0);
        ins.bind(6, format_utc(db.clock()));
        ins.exec();
        // The PIN hash travels to central (so staff can log in on every till) but not into the
        // journal, which is exported for inspection.
        JsonObject j{{"user_id", u.id}, {"name", u.name}, {"role", std::string(to_string(u.role))}};
        JsonObject o = j;
        o.emplace("pin_hash", u.pin_hash);
        store::record_action(db, actor, JournalKind::staff_added, j, o);
        tx.commit();
        return u;
    });
}

std::optional<StaffUser> find_staff(Database& db, const std::string& id) {
    return store::reading([&]() -> std::optional<StaffUser> {
        SQLite::Statement q(store::sql(db),
                            "SELECT id, name, role, pin_hash, active FROM staff_user WHERE id = ?");
        q.bind(1, id);
        if (!q.executeStep())
            return std::nullopt;
        return read_staff(q);
    });
}

std::vector<StaffUser> list_staff(Database& db) {
    return store::reading([&]() -> std::vector<StaffUser> {
        std::vector<StaffUser> out;
        SQLite::Statement q(store::sql(db),
                            "SELECT id, name, role, pin_hash, active FROM staff_user "
                            "ORDER BY name");
        while (q.executeStep())
            out.push_back(read_staff(q));
        return out;
    });
}

std::optional<LoginState> login_state(Database& db, const std::string& staff_id) {
    return store::reading([&]() -> std::optional<LoginState> {
        store::Statement q(db, "SELECT failed_attempts, locked_until FROM staff_user WHERE id = ?");
        q->bind(1, staff_id);
        std::optional<LoginState> st;
        if (q->executeStep()) {
            st = LoginState{q->getColumn(0).getInt(), std::nullopt};
            if (!q->getColumn(1).isNull())
                st->locked_until = parse_utc(q->getColumn(1).getString());
        }
        return st;
    });
}

Result<LoginState, Message> record_login_attempt(Database& db, const std::string& device_id,
                                                 const std::string& staff_id, bool success,
                                                 const LockoutPolicy& policy, bool approval) {
    return store::writing([&]() -> Result<LoginState, Message> {
        auto tx = store::begin_write(db);
        auto st = login_state(db, staff_id);
        if (!st)
            return err(Message(BL_N_("That person is not a user of this till.")));
        const Timestamp now = db.clock();
        if (st->locked_at(now))
            return err(Message(BL_N_("Too many wrong PINs. Try again after %s, or ask an "
                                     "organiser."),
                               {format_copenhagen(*st->locked_until)}));
        JournalKind kind = JournalKind::login;
        if (success) {
            st->failed_attempts = 0;
            st->locked_until.reset();
            kind = approval ? JournalKind::approval : JournalKind::login;
        } else {
            ++st->failed_attempts;
            kind = JournalKind::login_failed;
            if (st->failed_attempts >= policy.max_failures) {
                st->locked_until = now + policy.lock_for;
                st->failed_attempts = 0;
                kind = JournalKind::staff_locked;
            }
        }
        SQLite::Statement u(store::sql(db),
                            "UPDATE staff_user SET failed_attempts = ?, locked_until = ? "
                            "WHERE id = ?");
        u.bind(1, st->failed_attempts);
        if (st->locked_until)
            u.bind(2, format_utc(*st->locked_until));
        u.bind(3, staff_id);
        u.exec();
        JsonObject payload{{"user_id", staff_id}};
        if (st->locked_until)
            payload.emplace("locked_until", format_utc(*st->locked_until));
        // The journal names who logged in (staff_id) only for a success; a failed attempt is
        // about the account, not by it.
        store::record_action(db, Actor{device_id, success ? staff_id : std::string()}, kind,
                             payload);
        tx.commit();
        return *st;
    });
}

Result<Done, Message> record_logout(Database& db, const Actor& actor) {
    return store::writing([&]() -> Result<Done, Message> {
        auto tx = store::begin_write(db);
        store::record_action(db, actor, JournalKind::logout, JsonObject{});
        tx.commit();
        return Done{};
    });
}

Result<Maker, Message> add_maker(Database& db, const Actor& actor, Maker m,
                                 const std::optional<MakerPrivate>& priv) {
    return store::writing([&]() -> Result<Maker, Message> {
        auto name = clean_text(m.display_name, TextRules{0, 40, false, BL_N_("Display name")});
        if (!name)
            return err(name.error());
        m.display_name = name.value();
        if (priv && local_is_till(db))
            return err(Message(BL_N_("A till never stores makers' real names or contact "
                                     "details. Register the maker on a workshop station.")));
        MakerPrivate p;
        if (priv) {
            p = *priv;
            if (auto problem = clean_private(p))
                return err(*problem);
        }
        auto tx = store::begin_write(db);
        if (!find_workshop(db, m.workshop_id))
            return err(Message(BL_N_("The maker's workshop does not exist.")));
        if (m.id.empty())
            m.id = db.ids.next();
        p.maker_id = m.id;
        SQLite::Statement ins(store::sql(db),
                              "INSERT INTO maker(id, workshop_id, display_name, active, "
                              "created_at) VALUES (?, ?, ?, ?, ?)");
        ins.bind(1, m.id);
        ins.bind(2, m.workshop_id);
        ins.bind(3, m.display_name);
        ins.bind(4, m.active ? 1 : 0);
        ins.bind(5, format_utc(db.clock()));
        ins.exec();
        if (priv) {
            SQLite::Statement pi(store::sql(db),
                                 "INSERT INTO maker_private(maker_id, real_name, phone, "
                                 "email, story) VALUES (?, ?, ?, ?, ?)");
            pi.bind(1, p.maker_id);
            pi.bind(2, p.real_name);
            pi.bind(3, p.phone);
            pi.bind(4, p.email);
            pi.bind(5, p.story);
            pi.exec();
        }
        // The journal knows the maker by id only; the display name (and, from a workshop
        // station, the private details) travel to central through the outbox.
        JsonObject j{{"maker_id", m.id}, {"workshop_id", m.workshop_id}};
        JsonObject o = j;
        o.emplace("display_name", m.display_name);
        if (priv)
            o.emplace("private", JsonObject{{"real_name", p.real_name},
                                            {"phone", p.phone},
                                            {"email", p.email},
                                            {"story", p.story}});
        store::record_action(db, actor, JournalKind::maker_added, j, o);
        tx.commit();
        return m;
    });
}

Result<Maker, Message> update_maker(Database& db, const Actor& actor, Maker m,
                                    const std::optional<MakerPrivate>& priv) {
    return store::writing([&]() -> Result<Maker, Message> {
        auto name = clean_text(m.display_name, TextRules{0, 40, false, BL_N_("Display name")});
        if (!name)
            return err(name.error());
        m.display_name = name.value();
        if (priv && local_is_till(db))
            return err(Message(BL_N_("A till never stores makers' real names or contact "
                                     "details. Register the maker on a workshop station.")));
        MakerPrivate p;
        if (priv) {
            p = *priv;
            if (auto problem = clean_private(p))
                return err(*problem);
        }
        auto tx = store::begin_write(db);
        auto known = find_maker(db, m.id);
        if (!known)
            return err(Message(BL_N_("That maker does not exist.")));
        if (known->erased)
            return err(Message(BL_N_("This maker's personal data has been erased; the record "
                                     "cannot be filled in again. Add the maker anew instead.")));
        m.workshop_id = known->workshop_id; // a maker stays in their workshop
        m.erased = false;
        p.maker_id = m.id;
        SQLite::Statement u(store::sql(db),
                            "UPDATE maker SET display_name = ?, active = ? WHERE id = ?");
        u.bind(1, m.display_name);
        u.bind(2, m.active ? 1 : 0);
        u.bind(3, m.id);
        u.exec();
        if (priv) {
            SQLite::Statement pi(store::sql(db),
                                 "INSERT INTO maker_private(maker_id, real_name, phone, email, "
                                 "story) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(maker_id) DO "
                                 "UPDATE SET real_name = ?2, phone = ?3, email = ?4, story = ?5");
            pi.bind(1, p.maker_id);
            pi.bind(2, p.real_name);
            pi.bind(3, p.phone);
            pi.bind(4, p.email);
            pi.bind(5, p.story);
            pi.exec();
        }
        // As for a new maker: the journal knows the maker by id only; the name and private
        // details travel to central through the outbox (and are blanked there on erasure).
        JsonObject j{{"maker_id", m.id}, {"workshop_id", m.workshop_id}, {"active", m.active}};
        JsonObject o = j;
        o.emplace("display_name", m.display_name);
        if (priv)
            o.emplace("private", JsonObject{{"real_name", p.real_name},
                                            {"phone", p.phone},
                                            {"email", p.email},
                                            {"story", p.story}});
        store::record_action(db, actor, JournalKind::maker_changed, j, o);
        tx.commit();
        return m;
    });
}

std::optional<Maker> find_maker(Database& db, const std::string& id) {
    return store::reading([&]() -> std::optional<Maker> {
        store::Statement q(db, "SELECT id, workshop_id, display_name, active, erased_at IS NOT "
                               "NULL FROM maker WHERE id = ?");
        q->bind(1, id);
        if (!q->executeStep())
            return std::nullopt;
        return read_maker(*q);
    });
}

std::vector<Maker> list_makers(Database& db, const std::optional<std::string>& workshop_id) {
    return store::reading([&]() -> std::vector<Maker> {
        std::vector<Maker> out;
        SQLite::Statement q(store::sql(db),
                            "SELECT id, workshop_id, display_name, active, erased_at IS NOT NULL "
                            "FROM maker WHERE ?1 IS NULL OR workshop_id = ?1 ORDER BY id");
        if (workshop_id)
            q.bind(1, *workshop_id);
        while (q.executeStep())
            out.push_back(read_maker(q));
        return out;
    });
}

std::optional<MakerPrivate> find_maker_private(Database& db, const std::string& maker_id) {
    return store::reading([&]() -> std::optional<MakerPrivate> {
        SQLite::Statement q(store::sql(db), "SELECT maker_id, real_name, phone, email, story FROM "
                                            "maker_private WHERE maker_id = ?");
        q.bind(1, maker_id);
        if (!q.executeStep())
            return std::nullopt;
        return MakerPrivate{q.getColumn(0).getString(), q.getColumn(1).getString(),
                            q.getColumn(2).getString(), q.getColumn(3).getString(),
                            q.getColumn(4).getString()};
    });
}

namespace {

// The body of record_consent, inside the caller's transaction.
Result<Consent, Message> consent_in_tx(Database& db, const Actor& actor,
                                       const std::string& maker_id, ConsentChannel channel,
                                       ConsentLevel level) {
    const int lv = static_cast<int>(level);
    if (lv < 0 || lv > 3)
        return err(Message(BL_N_("That consent level does not exist.")));
    if (actor.staff_id.empty())
        return err(Message(BL_N_("Consent must be recorded by a logged-in workshop leader.")));
    // Shop staff sell; only those who know the maker record what the maker agreed to.
    auto who = find_staff(db, actor.staff_id);
    if (!who || !role_at_least(who->role, StaffRole::workshop_leader))
        return err(Message(BL_N_("Only a workshop leader or an organiser can record what a "
                                 "maker agreed to.")));
    auto m = find_maker(db, maker_id);
    if (!m)
        return err(Message(BL_N_("That maker does not exist.")));
    SQLite::Statement e(store::sql(db), "SELECT erased_at IS NOT NULL FROM maker WHERE id = ?");
    e.bind(1, maker_id);
    e.executeStep();
    if (e.getColumn(0).getInt() != 0 && lv > 0)
        return err(Message(BL_N_("This maker's data has been erased; consent cannot be given "
                                 "again for the erased record.")));
    SQLite::Statement v(store::sql(db), "SELECT coalesce(max(version), 0) FROM maker_consent "
                                        "WHERE maker_id = ? AND channel = ?");
    v.bind(1, maker_id);
    v.bind(2, std::string(to_string(channel)));
    v.executeStep();
    Consent c;
    c.maker_id = maker_id;
    c.channel = channel;
    c.level = level;
    c.version = v.getColumn(0).getInt() + 1;
    c.recorded_at = db.clock();
    c.recorded_by = actor.staff_id;
    SQLite::Statement ins(store::sql(db),
                          "INSERT INTO maker_consent(maker_id, channel, version, "
                          "level, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)");
    ins.bind(1, maker_id);
    ins.bind(2, std::string(to_string(channel)));
    ins.bind(3, c.version);
    ins.bind(4, lv);
    ins.bind(5, format_utc(c.recorded_at));
    ins.bind(6, c.recorded_by);
    ins.exec();
    store::record_action(db, actor, JournalKind::consent_recorded,
                         JsonObject{{"maker_id", maker_id},
                                    {"channel", std::string(to_string(channel))},
                                    {"level", lv},
                                    {"version", c.version}});
    return c;
}

} // namespace

Result<Consent, Message> record_consent(Database& db, const Actor& actor,
                                        const std::string& maker_id, ConsentChannel channel,
                                        ConsentLevel level) {
    return store::writing([&]() -> Result<Consent, Message> {
        auto tx = store::begin_write(db);
        auto r = consent_in_tx(db, actor, maker_id, channel, level);
        if (r)
            tx.commit();
        return r;
    });
}

ConsentLevel current_consent(Database& db, const std::string& maker_id, ConsentChannel channel) {
    return store::reading([&]() -> ConsentLevel {
        store::Statement q(db, "SELECT level FROM maker_consent WHERE maker_id = ? AND channel = ? "
                               "ORDER BY version DESC LIMIT 1");
        q->bind(1, maker_id);
        q->bind(2, std::string(to_string(channel)));
        const int level = q->executeStep() ? q->getColumn(0).getInt() : 0;
        return static_cast<ConsentLevel>(level);
    });
}

std::vector<Consent> consent_history(Database& db, const std::string& maker_id) {
    return store::reading([&]() -> std::vector<Consent> {
        std::vector<Consent> out;
        SQLite::Statement q(store::sql(db),
                            "SELECT channel, level, version, recorded_at, recorded_by "
                            "FROM maker_consent WHERE maker_id = ? "
                            "ORDER BY recorded_at, channel, version");
        q.bind(1, maker_id);
        while (q.executeStep()) {
            Consent c;
            c.maker_id = maker_id;
            c.channel = consent_channel_from(q.getColumn(0).getString()).value();
            c.level = static_cast<ConsentLevel>(q.getColumn(1).getInt());
            c.version = q.getColumn(2).getInt();
            c.recorded_at = parse_utc(q.getColumn(3).getString()).value_or(Timestamp{});
            c.recorded_by = q.getColumn(4).getString();
            out.push_back(c);
        }
        return out;
    });
}

Result<Maker, Message> erase_maker(Database& db, const Actor& actor, const std::string& maker_id) {
    return store::writing([&]() -> Result<Maker, Message> {
        auto tx = store::begin_write(db);
        auto m = find_maker(db, maker_id);
        if (!m)
            return err(Message(BL_N_("That maker does not exist.")));
        if (m->erased)
            return err(Message(BL_N_("This maker's personal data has already been erased. "
                                     "Nothing was changed.")));
        for (ConsentChannel ch :
             {ConsentChannel::receipt, ConsentChannel::report, ConsentChannel::web})
            if (current_consent(db, maker_id, ch) != ConsentLevel::counted_only) {
                auto r = consent_in_tx(db, actor, maker_id, ch, ConsentLevel::counted_only);
                if (!r)
                    return err(r.error());
            }
        SQLite::Statement u(store::sql(db), "UPDATE maker SET display_name = '', active = 0, "
                                            "erased_at = ? WHERE id = ?");
        u.bind(1, format_utc(db.clock()));
        u.bind(2, maker_id);
        u.exec();
        SQLite::Statement d(store::sql(db), "DELETE FROM maker_private WHERE maker_id = ?");
        d.bind(1, maker_id);
        d.exec();
        // Unsent copies of the personal data must not leave the device after erasure.
        SQLite::Statement o(store::sql(db), "UPDATE outbox SET payload = json_set(payload, "
                                            "'$.display_name', '', '$.private', json('null')) "
                                            "WHERE kind IN ('maker_added', 'maker_changed') "
                                            "AND json_extract(payload, '$.maker_id') = ?");
        o.bind(1, maker_id);
        o.exec();
        store::record_action(db, actor, JournalKind::maker_erased,
                             JsonObject{{"maker_id", maker_id}});
        tx.commit();
        m->display_name.clear();
        m->active = false;
        m->erased = true;
        return *m;
    });
}

Result<WipeCheck, Message> wipe_erased_bytes(Database& db, const std::vector<std::string>& texts) {
    return store::writing([&]() -> Result<WipeCheck, Message> {
        auto& c = store::sql(db);
        // VACUUM rebuilds the file from the live rows only: erased text left in free pages or
        // in the free space of a page is gone. Its temporary copy stays in memory, so no
        // temporary file on the disk holds the old pages either.
        c.exec("PRAGMA temp_store = MEMORY");
        c.exec("VACUUM");
        c.exec("PRAGMA temp_store = DEFAULT");
        WipeCheck check;
        // The write-ahead log still holds the old pages until it is emptied: copy it into
        // the file and cut it to nothing. Another connection reading at this moment (the sync
        // client) keeps it; then the log is emptied at a later checkpoint.
        SQLite::Statement cp(c, "PRAGMA wal_checkpoint(TRUNCATE)");
        check.log_emptied = cp.executeStep() && cp.getColumn(0).getInt() == 0;
        cp.reset();
        for (const std::string& file : {db.path(), db.path() + "-wal"}) {
            std::ifstream in(file, std::ios::binary);
            if (!in)
                continue;
            std::ostringstream bytes;
            bytes << in.rdbuf();
            const std::string all = bytes.str();
            for (const auto& t : texts)
                if (t.size() >= 3 && all.find(t) != std::string::npos &&
                    std::find(check.still_found.begin(), check.still_found.end(), t) ==
                        check.still_found.end())
                    check.still_found.push_back(t);
        }
        return check;
    });
}

} // namespace bl
