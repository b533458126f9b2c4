#pragma once
/// The impact report's facts on the central store, on either database: computed from the
/// journal rows the store holds, exactly as the devices pushed them (hash-chained, checked on
/// ingest), through CentralStore's interface only. Nothing is kept in tables of its own, so
/// there is no second copy of the facts that could drift from the journal, and both stores
/// serve it unchanged.
///
/// JournalProjection reads the rows that tell the facts (device_initialised/device_added and
/// shop_changed: shops and workshops; product_added; batch_logged with its contributions;
/// maker_added/maker_changed (the chosen name from the store's maker table); consent_recorded;
/// maker_erased; transition_recorded; sale/refund) and keeps the state they add up to. It
/// never reads a maker's private fields (the `private` member a workshop station sends for
/// its own stations): reports name nobody, receipts and the public page only a consented
/// display name. CentralImpactSource answers shared/impact's ImpactSource from it with the
/// same definitions as the device store's StoreImpactSource (docs/impact.md).

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "central/store/central_store.hpp"
#include "receipts/layout/impact_documents.hpp"
#include "shared/core/domain.hpp"
#include "shared/impact/facts.hpp"

namespace bl::central {

class JournalProjection {
public:
    /// `keep_sales`: also keep every sale and refund (the period report needs them; the
    /// public page reads its one sale from the store).
    explicit JournalProjection(bool keep_sales) : m_keep_sales(keep_sales) {}

    /// Reads what the store holds beyond what was read before: each device's rows after the
    /// last one seen, in sequence order. Throws bl::StoreError when the store cannot be read.
    void catch_up(CentralStore& store);

    struct Contribution {
        std::string maker_id;
        std::int64_t minutes = 0;
        std::string task_tag;
        std::string worked_on;
    };
    struct BatchRecord {
        std::string product_id, workshop_id, produced_on;
        std::int64_t units = 0;
        std::int64_t material_cost_ore = 0;
        std::vector<Contribution> contributions;
        std::int64_t revision = 0; ///< corrections applied (the newest wins)
    };
    struct ProductRecord {
        std::string name;
        std::string workshop_id; ///< "" for the shop's own goods
    };
    struct MakerState {
        std::string workshop_id;
        std::string display_name; ///< as the store holds it (empty once erased)
        bool erased = false;
    };
    struct ConsentState {
        int version = 0;
        int level = 0;
    };
    struct Dated {
        std::string value;
        std::string at; ///< the time of the row that set it
    };
    /// A sale or refund as the report counts it (training ones too; the report leaves them
    /// out). `sold_at` is its journal row's time, which the till sets to the sale's time.
    struct SaleRecord {
        Sale sale;
        std::string sold_at;
        bool refund = false;
        std::int64_t vat_ore = 0;
    };

    std::map<std::string, Shop> shops;
    std::map<std::string, std::string> shop_changed_at;
    std::map<std::string, std::string> workshops; ///< id -> name
    std::map<std::string, ProductRecord> products;
    std::map<std::string, BatchRecord> batches;
    std::map<std::string, MakerState> makers;
    std::map<std::pair<std::string, std::string>, ConsentState> consents; ///< (maker, channel)
    std::map<std::string, impact::TransitionFact> transitions;            ///< by transition id
    std::vector<SaleRecord> sales;

    /// The level in force for a maker on a channel ("receipt", "report", "web"); 0 if none.
    int consent(const std::string& maker_id, const std::string& channel) const;
    /// The maker's display name where their consent on `channel` allows it; none otherwise.
    std::optional<std::string> consented_name(const std::string& maker_id,
                                              const std::string& channel) const;

private:
    void add(const StoredRow& row);
    bool m_keep_sales;
    std::map<std::string, std::int64_t> m_seen; ///< per device: the last seq read
};

/// shared/impact's ImpactSource over a projection of the central store's journal.
class CentralImpactSource : public impact::ImpactSource {
public:
    explicit CentralImpactSource(const JournalProjection& p) : m_p(p) {}
    std::vector<impact::NamedPlace> workshops(const impact::Scope& s) override;
    std::vector<impact::NamedPlace> shops(const impact::Scope& s) override;
    std::vector<impact::BatchFact> batches(const impact::Scope& s) override;
    std::vector<impact::BatchMakerFact> batch_makers(const impact::Scope& s) override;
    std::vector<impact::WeekMinutesFact> week_minutes(const impact::Period& p,
                                                      const impact::Scope& s) override;
    impact::SalesFacts sales(const impact::Period& p, const impact::Scope& s) override;
    std::vector<impact::MakerFact> makers(const impact::Scope& s) override;
    std::vector<impact::TransitionFact> transitions(const impact::Period& p,
                                                    const impact::Scope& s) override;

private:
    const JournalProjection& m_p;
};

/// One sale's impact receipt from the central store, with makers named by their consent on
/// `channel` ("web" for the public page). None for an unknown id, a refund or a training
/// sale. `projection` must have caught up with the store.
std::optional<doc::ImpactReceiptData> central_impact_receipt(CentralStore& store,
                                                             const JournalProjection& projection,
                                                             const std::string& sale_id,
                                                             const std::string& channel,
                                                             Timestamp generated_at);

/// The projection the public pages read, shared by the server's threads: caught up with the
/// store on each request (one read per device of what is new).
struct PublicProjection {
    std::mutex mutex;
    JournalProjection projection{false};
};

} // namespace bl::central
