#include "production/model/back_office.hpp"

namespace bl::production {

BackOffice::BackOffice(WorkshopPorts ports, WorkshopViews views)
    : m_context(ports, views), m_access(m_context), m_makers(m_context), m_labels(m_context),
      m_quick(m_context, m_labels, m_stock), m_easy(m_context), m_tags(m_context),
      m_deliveries(m_context), m_stock(m_context), m_catalogue(m_context), m_reports(m_context) {}

} // namespace bl::production
