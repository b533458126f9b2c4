#pragma once
/// The workshop program: its flows over one shared context. Views (the wx window's screens,
/// or fakes in tests) show what the flows tell them and pass on what the person did to the
/// flow that handles it (`workshop.quick().save(form)`); they never compute or store.
///
///   access      log in, log out, the workshop worked on, home    (access_flow)
///   makers      list, add, edit, consent, erase, export my data  (makers_flow)
///   quick       the quick batch form                            (log_flows)
///   easy        the easy-read batch steps                       (log_flows)
///   tags        the task tags                                   (log_flows)
///   labels      label sheets and single labels                  (labels_flow)
///   deliveries  deliveries with a note, units reported back     (delivery_flow)
///   stock       stock and hours per batch, CSV                  (stock_flow)
///   catalogue   prices and the CSV import (organisers)          (catalogue_flow)
///   reports     the impact documents (organisers)               (reports_flow)

#include "production/model/access_flow.hpp"
#include "production/model/catalogue_flow.hpp"
#include "production/model/delivery_flow.hpp"
#include "production/model/labels_flow.hpp"
#include "production/model/log_flows.hpp"
#include "production/model/makers_flow.hpp"
#include "production/model/reports_flow.hpp"
#include "production/model/stock_flow.hpp"
#include "production/model/workshop_context.hpp"

namespace bl::production {

class BackOffice {
public:
    BackOffice(WorkshopPorts ports, WorkshopViews views);
    BackOffice(const BackOffice&) = delete;
    BackOffice& operator=(const BackOffice&) = delete;

    /// Shows the login screen.
    void start() { m_access.start(); }

    AccessFlow& access() { return m_access; }
    MakersFlow& makers() { return m_makers; }
    QuickLogFlow& quick() { return m_quick; }
    EasyReadFlow& easy() { return m_easy; }
    TagsFlow& tags() { return m_tags; }
    LabelsFlow& labels() { return m_labels; }
    DeliveryFlow& deliveries() { return m_deliveries; }
    StockFlow& stock() { return m_stock; }
    CatalogueFlow& catalogue() { return m_catalogue; }
    ReportsFlow& reports() { return m_reports; }

    /// What the screens may read.
    const WorkshopState& state() const { return m_context.state; }
    /// The status bar again (after the sync client reported).
    void refresh_status() { m_context.refresh_status(); }

private:
    WorkshopContext m_context;
    AccessFlow m_access;
    MakersFlow m_makers;
    LabelsFlow m_labels;
    QuickLogFlow m_quick;
    EasyReadFlow m_easy;
    TagsFlow m_tags;
    DeliveryFlow m_deliveries;
    StockFlow m_stock;
    CatalogueFlow m_catalogue;
    ReportsFlow m_reports;
};

} // namespace bl::production
