#pragma once
/// Carts not yet paid, kept against a crash or a power cut: the open cart (with any part
/// payments already taken) and the parked ones are written to the store as they change, and
/// brought back when the till starts again. Practice (training) carts are not kept.

#include <optional>
#include <vector>

#include "pos/model/ports.hpp"
#include "pos/model/views.hpp"

namespace bl::pos {

struct TillState;

class CartKeeper {
public:
    CartKeeper(KeptCartStore& store, CatalogueLookup& catalogue, MessageView& messages);

    /// Brings back what the store kept (at the till's first start): the open cart, its part
    /// payments (into the Selling mode) and the parked carts. Lines whose item has left the
    /// catalogue are dropped and counted.
    void restore(TillState& state);
    /// Writes the carts as they are now, when they changed. A failure is said once (not on
    /// every scan) and the carts stay in memory.
    void keep(const TillState& state);
    /// A recorded sale took the kept open cart away in its own commit.
    void sold();
    /// What restore() found, to say after the next login (once): the carts that came back,
    /// then the money already paid.
    std::vector<Message> take_news();

private:
    KeptCartStore& m_store;
    CatalogueLookup& m_catalogue;
    MessageView& m_messages;
    KeptCarts m_kept; ///< what the store holds, as far as this till knows
    bool m_failing = false;
    std::vector<Message> m_news;
};

} // namespace bl::pos
