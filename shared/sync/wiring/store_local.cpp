#include "shared/sync/wiring/store_local.hpp"

#include <boost/json.hpp>

#include "shared/core/base64.hpp"
#include "shared/store/database.hpp"
#include "shared/store/journal.hpp"
#include "shared/store/outbox.hpp"
#include "shared/store/setup.hpp"
#include "shared/store/sync_pull.hpp"
#include "shared/sync/json_fields.hpp"

namespace bl::sync {

namespace json = boost::json;
using sync::fields::flag;
using sync::fields::num;
using sync::fields::object_of;
using sync::fields::str;

namespace {

/// Sorts one change into the page; a body this build cannot read is skipped (a newer
/// server's entity), never half-applied.
void add(PulledPage& page, const Change& c, bool till) {
    boost::system::error_code ec;
    json::parse_options opt;
    opt.max_depth = max_json_depth;
    json::value v = json::parse(c.body, ec, {}, opt);
    if (ec || !v.is_object())
        return;
    const json::object& o = v.get_object();
    if (c.entity == "workshop") {
        page.workshops.push_back(
            Workshop{str(o, "workshop_id"), str(o, "name"), str(o, "craft"), str(o, "address")});
    } else if (c.entity == "shop") {
        page.shops.push_back(Shop{str(o, "shop_id"), str(o, "name"), str(o, "address"),
                                  str(o, "postcode"), str(o, "city"), str(o, "cvr")});
    } else if (c.entity == "maker") {
        page.makers.push_back(PulledMaker{
            str(o, "maker_id"), str(o, "workshop_id"), str(o, "display_name"), {}, !till});
    } else if (c.entity == "maker_private") {
        PulledMaker m{c.id, "", str(o, "display_name"), {}, false};
        auto it = o.find("private");
        if (it != o.end() && it->value().is_object()) {
            const json::object& p = it->value().get_object();
            m.private_fields = MakerPrivate{c.id, str(p, "real_name"), str(p, "phone"),
                                            str(p, "email"), str(p, "story")};
        }
        // The workshop comes with the public change of the same maker, applied first.
        for (const auto& known : page.makers)
            if (known.id == c.id)
                m.workshop_id = known.workshop_id;
        if (m.workshop_id.empty())
            m.workshop_id = str(o, "workshop_id");
        page.makers.push_back(std::move(m));
    } else if (c.entity == "product") {
        Product p;
        p.id = str(o, "product_id");
        p.sku = str(o, "sku");
        p.name = str(o, "name");
        p.category = str(o, "category");
        p.price = Money::from_ore(num(o, "price_ore"));
        p.vat_rate = VatRate{static_cast<std::int32_t>(num(o, "vat_rate_bp"))};
        p.barcode = str(o, "barcode");
        p.materials = str(o, "materials");
        p.locally_sourced = flag(o, "locally_sourced");
        const std::string w = str(o, "workshop_id");
        if (!w.empty())
            p.workshop_id = w;
        page.products.push_back(std::move(p));
    } else if (c.entity == "staff") {
        auto role = staff_role_from(str(o, "role"));
        if (role)
            page.staff.push_back(
                StaffUser{str(o, "user_id"), str(o, "name"), *role, str(o, "pin_hash"), true});
    } else if (c.entity == "setting") {
        if (till)
            page.settings.push_back(PulledSetting{str(o, "key"), str(o, "value")});
    } else if (c.entity == "price") {
        page.prices.push_back(
            PulledPrice{str(o, "product_id"), Money::from_ore(num(o, "new_price_ore"))});
    } else if (c.entity == "category_colour") {
        page.colours.push_back(
            PulledCategoryColour{str(o, "category"), str(o, "colour"), str(o, "device_id")});
    } else if (c.entity == "picture") {
        auto png = base64_decode(str(o, "png_base64"));
        if (png)
            page.pictures.push_back(
                PulledPicture{str(o, "product_id"), std::move(*png), str(o, "device_id")});
    } else if (c.entity == "batch") {
        Batch b;
        b.id = str(o, "batch_id");
        b.product_id = str(o, "product_id");
        b.workshop_id = str(o, "workshop_id");
        b.produced_on = str(o, "produced_on");
        b.units = num(o, "units");
        b.material_cost = Money::from_ore(num(o, "material_cost_ore"));
        b.notes = str(o, "notes");
        b.label_code = str(o, "label_code");
        b.revision = num(o, "revision");
        auto it = o.find("contributions");
        if (it != o.end() && it->value().is_array())
            for (const auto& cv : it->value().get_array())
                if (cv.is_object()) {
                    const json::object& co = cv.get_object();
                    b.contributions.push_back(Contribution{
                        str(co, "contribution_id"), b.id, str(co, "maker_id"), num(co, "minutes"),
                        str(co, "task_tag"), str(co, "worked_on")});
                }
        page.batches.push_back(std::move(b));
    } else if (c.entity == "batch_correction" && !till) {
        // (The central store sends them to workshops and organisers only; a till would not
        // keep one anyway: its reason is free text a workshop leader wrote.)
        // What a correction replaced, for the batch's history on workshop stations.
        auto minutes = [](const json::object& batch) {
            std::int64_t m = 0;
            auto it = batch.find("contributions");
            if (it != batch.end() && it->value().is_array())
                for (const auto& cv : it->value().get_array())
                    if (cv.is_object())
                        m += num(cv.get_object(), "minutes");
            return m;
        };
        auto prev = o.find("previous");
        if (prev == o.end() || !prev->value().is_object())
            return;
        const json::object& before = prev->value().get_object();
        page.corrections.push_back(BatchCorrection{
            str(o, "correction_id"), str(o, "batch_id"), num(o, "revision"), str(o, "corrected_at"),
            str(o, "staff_id"), str(o, "reason"), num(before, "units"), num(o, "units"),
            minutes(before), minutes(o), json::serialize(before)});
    }
}

class StoreLocal : public LocalStore {
public:
    explicit StoreLocal(std::unique_ptr<Database> own) : m_own(std::move(own)), m_db(*m_own) {}
    explicit StoreLocal(Database& db) : m_db(db) {}

    std::string device_id() override {
        if (m_device.empty())
            m_device = local_device_id(m_db);
        return m_device;
    }
    std::vector<PendingRow> pending(int limit) override {
        std::vector<PendingRow> out;
        for (auto& item : outbox_pending(m_db, limit)) {
            PendingRow r;
            r.outbox_id = item.id;
            r.row.seq = item.journal_seq;
            r.row.recorded_at = std::move(item.recorded_at);
            r.row.kind = std::move(item.kind);
            r.row.payload = std::move(item.journal_payload);
            r.row.prev_hash = std::move(item.prev_hash);
            r.row.hash = std::move(item.journal_hash);
            if (item.own_payload)
                r.row.extra = std::move(item.payload);
            out.push_back(std::move(r));
        }
        return out;
    }
    std::int64_t pending_count() override { return outbox_pending_count(m_db); }
    Head head() override {
        auto h = journal_head(m_db, device_id());
        return h ? Head{h->seq, h->hash, {}} : Head{};
    }
    Result<Done, Message> acknowledged(std::int64_t outbox_id) override {
        return outbox_mark_sent(m_db, outbox_id);
    }
    std::int64_t pull_cursor() override { return bl::pull_cursor(m_db); }
    Result<Done, Message> apply(const std::vector<Change>& changes,
                                std::int64_t next_cursor) override {
        PulledPage page;
        if (!m_role) {
            auto self = local_device(m_db);
            m_role = self ? self->role : DeviceRole::till;
        }
        for (const auto& c : changes)
            add(page, c, *m_role == DeviceRole::till);
        page.next_cursor = next_cursor;
        return apply_pulled_page(m_db, page);
    }

private:
    std::unique_ptr<Database> m_own;
    Database& m_db;
    std::string m_device;
    std::optional<DeviceRole> m_role;
};

} // namespace

std::unique_ptr<LocalStore> store_local(const std::string& db_path) {
    return std::make_unique<StoreLocal>(std::make_unique<Database>(db_path));
}

std::unique_ptr<LocalStore> store_local(Database& db) {
    return std::make_unique<StoreLocal>(db);
}

} // namespace bl::sync
