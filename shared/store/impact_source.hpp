#pragma once
/// The impact metrics' facts (shared/impact/facts.hpp) read from a Bundlinje database: the
/// production side summed by SQL (per batch, per maker and week), the sales side in one pass
/// over the sale lines summed as it goes (per batch and link, per week), so that a period
/// over a million sale lines is a scan, not a sort, and stays small in memory. The definitions are
/// written out in docs/impact.md; tests recompute the report's headline numbers from the raw rows.

#include <optional>
#include <string>
#include <vector>

#include "shared/impact/facts.hpp"
#include "shared/store/database.hpp"

namespace bl {

/// What a maker statement shows about the maker themselves (private to them).
struct MakerProfile {
    std::string id;
    std::string display_name; ///< their own chosen name (the statement is theirs)
    std::string workshop;
    std::string workshop_id;
    bool erased = false;
    int receipt_level = 0, report_level = 0, web_level = 0; ///< consent in force per channel
};

class StoreImpactSource : public impact::ImpactSource {
public:
    explicit StoreImpactSource(Database& db) : m_db(db) {}
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

    std::optional<MakerProfile> maker_profile(const std::string& maker_id);

private:
    Database& m_db;
};

/// The UTC text bounds of a period of Copenhagen days: [first day 00:00, day after last).
std::pair<std::string, std::string> period_bounds(const impact::Period& p);

} // namespace bl
