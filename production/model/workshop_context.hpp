#pragma once
/// What the workshop program's flows share: the ports and views, the program's state (who
/// is logged in, the workshop worked on, drafts in progress) and the guards every flow goes
/// through. Workshop leaders work with their own station's workshop; organisers with any,
/// and alone may change the catalogue and make reports. See docs/architecture.md ("The
/// workshop program").

#include <optional>
#include <string>
#include <vector>

#include "production/model/ports.hpp"
#include "production/model/views.hpp"

namespace bl::production {

/// The program's state. Flows change it only through their own rules.
struct WorkshopState {
    std::optional<StaffUser> staff;   ///< who is logged in
    std::string workshop_id;          ///< the workshop worked on
    std::optional<ImportPlan> import; ///< a checked catalogue import waiting for a yes
    std::string delivery_shop;
    std::vector<DeliveryDraftLine> delivery;
    StockColumn stock_sort = StockColumn::produced_on;
    bool stock_descending = true;
    std::string stock_filter;
    EasyState easy;
    bool makers_inactive = false; ///< the makers list shows inactive and erased ones too
};

class WorkshopContext {
public:
    WorkshopContext(WorkshopPorts ports, WorkshopViews views);

    WorkshopPorts ports;
    WorkshopViews views;
    WorkshopState state;

    /// True (after saying so) when nobody is logged in.
    bool need_login();
    bool organiser() const;
    /// Organisers only: true when the logged-in person is one, else says `refusal`.
    bool organisers_only(const char* refusal);
    void say(const Message& m) { views.messages.show_problem(m); }
    void news(const Message& m) { views.messages.show_news(m); }
    void refresh_status();

    const std::string& staff_id() const { return state.staff->id; }
    std::string workshop_name(const std::string& id);
    Workshop workshop();
    /// The workshop's makers who may be picked (active, not erased), by name.
    std::vector<MakerChoice> active_makers();
    /// The workshop's products still sold, by name.
    std::vector<ProductChoice> products_here();
    /// The task tags (the "task_tags" setting, or the usual ones).
    std::vector<std::string> task_tags();
    /// Today in Copenhagen, "YYYY-MM-DD".
    std::string today();
    /// The workshop's batches, newest first, for labels and deliveries.
    std::vector<BatchChoice> batches_here();
    /// The name a staff member had when they recorded something ("" unknown).
    std::string staff_name(const std::string& id);
};

} // namespace bl::production
