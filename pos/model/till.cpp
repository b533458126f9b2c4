#include "pos/model/till.hpp"

namespace bl::pos {

Till::Till(TillPorts ports, TillViews views)
    : m_keeper(ports.carts, ports.catalogue, views.messages), m_context(ports, views, m_keeper),
      m_access(m_context, m_keeper), m_selling(m_context), m_checkout(m_context, m_keeper),
      m_refunds(m_context), m_copies(m_context), m_shift(m_context, m_access),
      m_settings(m_context), m_tiles(ports.catalogue) {
    m_context.offer_copy = [this](std::int64_t n) { m_copies.copy_receipt(std::to_string(n)); };
}

} // namespace bl::pos
