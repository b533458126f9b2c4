#include "central/server/ingest.hpp"

#include <boost/json.hpp>

#include "shared/core/base64.hpp"
#include "shared/core/canonical_json.hpp"
#include "shared/core/sha256.hpp"
#include "shared/rules/catalogue_look.hpp"
#include "shared/rules/journal_kind.hpp"
#include "shared/rules/shop_settings.hpp"
#include "shared/sync/json_fields.hpp"
#include "shared/sync/pki.hpp"
#include "shared/sync/sale_reader.hpp"

namespace bl::central {

namespace json = boost::json;
using sync::fields::flag;
using sync::fields::num;
using sync::fields::object_of;
using sync::fields::str;

namespace {

/// A Boost.JSON value as canonical JSON (sorted keys), for the bodies of changes.
JsonValue canonical(const json::value& v) {
    switch (v.kind()) {
    case json::kind::null:
        return JsonValue();
    case json::kind::bool_:
        return JsonValue(v.get_bool());
    case json::kind::int64:
        return JsonValue(v.get_int64());
    case json::kind::uint64:
        return JsonValue(static_cast<std::int64_t>(v.get_uint64()));
    case json::kind::double_:
        return JsonValue(static_cast<std::int64_t>(v.get_double()));
    case json::kind::string:
        return JsonValue(std::string(v.get_string()));
    case json::kind::array: {
        JsonArray a;
        for (const auto& x : v.get_array())
            a.push_back(canonical(x));
        return JsonValue(std::move(a));
    }
    case json::kind::object: {
        JsonObject o;
        for (const auto& kv : v.get_object())
            o.emplace(std::string(kv.key()), canonical(kv.value()));
        return JsonValue(std::move(o));
    }
    }
    return JsonValue();
}

std::string body_of(const json::object& o) {
    return canonical(json::value(o)).dump();
}

sync::Problem rule(std::string code, std::string message) {
    return sync::Problem{422, std::move(code), std::move(message)};
}

std::optional<ChangeRecord> shop_change(const DeviceRecord& device, const json::object& p) {
    // The "shop" change a shop's new or changed details make. A shop's details as its receipts
    // print them, for every device that knows the shop: from one of the shop's own tills or an
    // organiser (a till of another shop, or a workshop station, changes only its own copy), and
    // only the six fields, as a till would accept them.
    const std::string id = str(p, "shop_id");
    const bool may = device.scope.role == Role::organiser ||
                     (device.scope.role == Role::till && id == device.scope.shop_id);
    if (id.empty() || !may)
        return std::nullopt;
    JsonObject shop{{"shop_id", id}};
    for (const char* key : {"name", "address", "postcode", "city", "cvr"}) {
        std::string v = str(p, key);
        if (v.size() > 200)
            return std::nullopt;
        shop.emplace(key, std::move(v));
    }
    if (!is_valid_cvr(*shop.at("cvr").as_string()))
        return std::nullopt;
    return ChangeRecord{0, "shop", id, Audience::everyone, id, "", JsonValue(shop).dump()};
}

} // namespace

Ingest::Ingest(CentralStore& store, const DeviceRecord& device, std::string ca)
    : m_store(store), m_device(device), m_ca(std::move(ca)) {
    m_append.device_id = device.id;
    m_append.expected_acked_seq = device.acked_seq;
}

std::optional<MakerRecord> Ingest::maker(const std::string& id) {
    auto it = m_makers.find(id);
    if (it != m_makers.end())
        return it->second;
    return m_store.find_maker(id);
}

void Ingest::maker_changed(const MakerRecord& m) {
    m_makers[m.id] = m;
    // What every device may see: the display name only while the maker consents to it on
    // receipts; otherwise the maker is counted, not named.
    JsonObject pub{{"maker_id", m.id},
                   {"workshop_id", m.workshop_id},
                   {"display_name", m.receipt_consent >= 1 ? m.display_name : std::string()}};
    m_append.changes.push_back(ChangeRecord{0, "maker", m.id, Audience::everyone, "", m.workshop_id,
                                            JsonValue(pub).dump()});
}

std::optional<sync::Problem> Ingest::add(const sync::PushRow& row) {
    const auto kind = journal_kind_from(row.kind);
    if (!kind)
        return rule("unknown_kind", "row " + std::to_string(row.seq) + " has an unknown kind");
    // What is parsed here lives only while the row is checked: one arena, freed at once.
    json::monotonic_resource arena;
    // A sale's payload is read (once) by the sale reader, which takes nothing but a payload
    // exactly as a till writes it.
    const bool sale_kind = *kind == JournalKind::sale || *kind == JournalKind::refund;
    auto payload = sale_kind ? std::optional<json::object>(json::object(&arena))
                             : object_of(row.payload, &arena);
    if (!payload)
        return rule("invalid_payload",
                    "row " + std::to_string(row.seq) + "'s payload is not a JSON object");
    std::optional<json::object> extra;
    if (row.extra) {
        extra = object_of(*row.extra, &arena);
        if (!extra)
            return rule("invalid_payload",
                        "row " + std::to_string(row.seq) + "'s extra is not a JSON object");
    }
    const json::object& p = *payload;
    const bool from_workshop_side = m_device.scope.role != Role::till;

    switch (*kind) {
    case JournalKind::sale:
    case JournalKind::refund: {
        if (m_device.scope.role != Role::till)
            return rule("role_forbidden", "only a till records sales");
        // Read once: the reader refuses anything that is not an object exactly as a till
        // writes it.
        auto sale = sync::checked_sale_from_payload(row.payload);
        if (!sale)
            return rule("sale_rules", render(sale.error()));
        const Sale& s = sale.value();
        const bool refund_lines = !s.lines.empty() && s.lines.front().quantity < 0;
        if (refund_lines != (*kind == JournalKind::refund))
            return rule("sale_rules", "a refund's lines must give units back and a sale's "
                                      "take them");
        for (const auto& earlier : m_append.sales)
            if (earlier.sale_id == s.id)
                return rule("duplicate_sale", "a sale id appears twice");
        m_append.sales.push_back(SaleFact{s.id, m_device.id, s.shop_id, row.seq, s.total().ore(),
                                          s.training, *kind == JournalKind::refund});
        break;
    }
    case JournalKind::z_report:
        // Z reports are signed by the device's enrolled key.
        if (!row.signature || !sync::verify_record_signature(
                                  m_ca, m_device.certificate_pem, m_device.id,
                                  sync::row_signing_text(m_device.id, row), *row.signature))
            return rule("bad_signature",
                        "the Z report in row " + std::to_string(row.seq) + " is not signed");
        break;
    case JournalKind::device_initialised:
    case JournalKind::device_added:
        for (const char* part : {"new_shop", "new_workshop"}) {
            auto it = p.find(part);
            if (it == p.end() || !it->value().is_object())
                continue;
            const json::object& place = it->value().get_object();
            if (std::string_view(part) == "new_shop") {
                // Devices take a pulled shop as its newest details: only the shop's own
                // tills and organisers speak for it.
                if (auto change = shop_change(m_device, place))
                    m_append.changes.push_back(std::move(*change));
                continue;
            }
            const std::string id = str(place, "workshop_id");
            m_append.changes.push_back(
                ChangeRecord{0, "workshop", id, Audience::everyone, "", id, body_of(place)});
        }
        break;
    case JournalKind::shop_changed:
        if (auto change = shop_change(m_device, p))
            m_append.changes.push_back(std::move(*change));
        break;
    case JournalKind::setting_changed: {
        // A shop's own settings reach the shop's other tills; a till's printer and language
        // stay its own.
        const std::string key = str(p, "key");
        if (m_device.scope.role == Role::till && is_shop_setting(key))
            m_append.changes.push_back(ChangeRecord{
                0, "setting", m_device.scope.shop_id + "/" + key, Audience::shop,
                m_device.scope.shop_id, "",
                JsonValue(JsonObject{{"key", key}, {"value", str(p, "value")}}).dump()});
        break;
    }
    case JournalKind::product_added:
        m_append.changes.push_back(ChangeRecord{0, "product", str(p, "product_id"),
                                                Audience::everyone, "", str(p, "workshop_id"),
                                                body_of(p)});
        break;
    case JournalKind::price_changed:
        m_append.changes.push_back(
            ChangeRecord{0, "price", str(p, "product_id"), Audience::everyone, "", "", body_of(p)});
        break;
    case JournalKind::category_colour_set: {
        // Every device's tiles, in the palette only (a device that sends another colour is
        // refused, so no till is ever asked to draw one).
        const std::string category = str(p, "category"), colour = str(p, "colour");
        if (category.empty() || (!colour.empty() && !category_colour(colour)))
            return rule("invalid_payload", "row " + std::to_string(row.seq) +
                                               " sets a colour that is not in the palette");
        m_append.changes.push_back(ChangeRecord{
            0, "category_colour", category, Audience::everyone, "", "",
            JsonValue(
                JsonObject{{"category", category}, {"colour", colour}, {"device_id", m_device.id}})
                .dump()});
        break;
    }
    case JournalKind::product_picture_set: {
        // A small PNG that fits a pull page with room to spare, and is the one its hash names.
        const std::string id = str(p, "product_id"), sha = str(p, "sha256");
        const auto png = base64_decode(str(p, "png_base64"));
        if (id.empty() || !png || (png->empty() ? !sha.empty() : sha != sha256_hex(*png)) ||
            (!png->empty() && check_stored_picture(*png)))
            return rule("invalid_payload", "row " + std::to_string(row.seq) +
                                               " holds a picture the catalogue does not keep");
        m_append.changes.push_back(
            ChangeRecord{0, "picture", id, Audience::everyone, "", "",
                         JsonValue(JsonObject{{"product_id", id},
                                              {"png_base64", str(p, "png_base64")},
                                              {"sha256", sha},
                                              {"device_id", m_device.id}})
                             .dump()});
        break;
    }
    case JournalKind::batch_logged:
        m_append.changes.push_back(ChangeRecord{0, "batch", str(p, "batch_id"), Audience::everyone,
                                                "", str(p, "workshop_id"), body_of(p)});
        break;
    case JournalKind::batch_corrected: {
        // Every device gets the batch as it is now, with its revision; the correction's record
        // (why, by whom, what it replaced: free text a workshop leader wrote) only the
        // workshop's stations and the organisers.
        if (!from_workshop_side)
            return rule("role_forbidden", "a till does not correct batches");
        if (str(p, "batch_id").empty() || str(p, "correction_id").empty() ||
            num(p, "revision") < 1 || !p.contains("previous") || !p.contains("contributions"))
            return rule("invalid_payload",
                        "row " + std::to_string(row.seq) + " is not a whole batch correction");
        json::object now;
        for (const char* key :
             {"batch_id", "product_id", "workshop_id", "produced_on", "units", "material_cost_ore",
              "notes", "label_code", "contributions", "revision"})
            if (auto it = p.find(key); it != p.end())
                now[key] = it->value();
        json::object record{{"correction_id", str(p, "correction_id")},
                            {"batch_id", str(p, "batch_id")},
                            {"revision", num(p, "revision")},
                            {"corrected_at", row.recorded_at},
                            {"staff_id", str(p, "staff_id")},
                            {"reason", str(p, "reason")},
                            {"units", num(p, "units")},
                            {"contributions", p.at("contributions")},
                            {"previous", p.at("previous")}};
        m_append.changes.push_back(ChangeRecord{0, "batch_correction", str(p, "correction_id"),
                                                Audience::workshop, "", str(p, "workshop_id"),
                                                body_of(record)});
        // The record first: a device that has it before the new state (a page may end
        // between them) still finds the record for every revision it holds.
        m_append.changes.push_back(ChangeRecord{0, "batch", str(p, "batch_id"), Audience::everyone,
                                                "", str(p, "workshop_id"), body_of(now)});
        break;
    }
    case JournalKind::staff_added:
        // A till's staff reach the tills of its shop, with the PIN hash from the outbox.
        if (extra && m_device.scope.role == Role::till)
            m_append.changes.push_back(ChangeRecord{0, "staff", str(p, "user_id"), Audience::shop,
                                                    m_device.scope.shop_id, "", body_of(*extra)});
        break;
    case JournalKind::maker_added:
    case JournalKind::maker_changed: { // a new maker, or a new name or private details
        MakerRecord m;
        m.id = str(p, "maker_id");
        m.workshop_id = str(p, "workshop_id");
        if (m.id.empty())
            return rule("invalid_payload", "a maker needs an id");
        if (auto known = maker(m.id))
            m.receipt_consent = known->receipt_consent;
        if (extra)
            m.display_name = str(*extra, "display_name");
        maker_changed(m);
        // Private fields only from a workshop station or an organiser, and only to them.
        if (extra && from_workshop_side && extra->contains("private"))
            m_append.changes.push_back(ChangeRecord{0, "maker_private", m.id, Audience::workshop,
                                                    "", m.workshop_id, body_of(*extra)});
        break;
    }
    case JournalKind::consent_recorded: {
        const std::string id = str(p, "maker_id");
        auto m = maker(id);
        m_append.changes.push_back(ChangeRecord{0, "consent", id, Audience::workshop, "",
                                                m ? m->workshop_id : "", body_of(p)});
        if (m && str(p, "channel") == "receipt") {
            m->receipt_consent = static_cast<int>(num(p, "level"));
            maker_changed(*m);
        }
        break;
    }
    case JournalKind::maker_erased: {
        const std::string id = str(p, "maker_id");
        if (auto m = maker(id)) {
            m->display_name.clear();
            m->receipt_consent = 0;
            maker_changed(*m);
            // The workshop's other stations blank their copy at their next pull, and the
            // store blanks the changes that carried the personal data (Append).
            const JsonObject blank{{"email", ""}, {"phone", ""}, {"real_name", ""}, {"story", ""}};
            const std::string private_body = JsonValue(JsonObject{{"display_name", ""},
                                                                  {"maker_id", id},
                                                                  {"private", JsonValue(blank)},
                                                                  {"workshop_id", m->workshop_id}})
                                                 .dump();
            m_append.changes.push_back(ChangeRecord{0, "maker_private", id, Audience::workshop, "",
                                                    m->workshop_id, private_body});
            m_append.erased_makers.push_back(Append::ErasedMaker{
                id, m_append.changes[m_append.changes.size() - 2].body, private_body});
        }
        break;
    }
    default:
        break;
    }
    StoredRow s;
    s.device_id = m_device.id;
    s.seq = row.seq;
    s.recorded_at = row.recorded_at;
    s.kind = row.kind;
    s.payload = row.payload;
    s.prev_hash = row.prev_hash;
    s.hash = row.hash;
    // A maker's chosen name and private fields are kept only where erasure can reach them
    // (the maker table and the changes), never in the append-only journal: the extra is not
    // part of the row's hash.
    if (*kind != JournalKind::maker_added && *kind != JournalKind::maker_changed)
        s.extra = row.extra;
    s.signature = row.signature;
    m_append.rows.push_back(std::move(s));
    return std::nullopt;
}

Append Ingest::take(std::string received_at) {
    for (const auto& [id, m] : m_makers)
        m_append.makers.push_back(m);
    m_append.received_at = std::move(received_at);
    return std::move(m_append);
}

} // namespace bl::central
