#pragma once
/// The till: its flows over one shared context. Views (the wx window's screens, or fakes in
/// tests) show what the flows tell them and pass on what the person did to the flow that
/// handles it (`till.selling().scan(code)`); they never compute or store.
///
///   access     log in, log out, an organiser's approval      (access_flow)
///   selling    scans, tiles, search, quantities, discounts    (selling_flow)
///   checkout   cash, card, MobilePay, split, part payments    (checkout_flow)
///   refunds    find the receipt, choose, pay back             (refund_flow)
///   copies     receipt copies marked KOPI                     (receipt_copy_flow)
///   shift      float, drawer, training, X, Z                  (shift_flow)
///   settings   the organiser's settings, catalogue import     (settings_flow)
///   (carts not yet paid are kept against a crash by cart_keeper)

#include "pos/model/access_flow.hpp"
#include "pos/model/cart_keeper.hpp"
#include "pos/model/checkout_flow.hpp"
#include "pos/model/receipt_copy_flow.hpp"
#include "pos/model/refund_flow.hpp"
#include "pos/model/selling_flow.hpp"
#include "pos/model/settings_flow.hpp"
#include "pos/model/shift_flow.hpp"
#include "pos/model/till_context.hpp"

namespace bl::pos {

class Till {
public:
    Till(TillPorts ports, TillViews views);
    Till(const Till&) = delete;
    Till& operator=(const Till&) = delete;

    /// Shows the login screen (and, at the first start, brings back kept carts).
    void start() { m_access.start(); }

    AccessFlow& access() { return m_access; }
    SellingFlow& selling() { return m_selling; }
    CheckoutFlow& checkout() { return m_checkout; }
    RefundFlow& refunds() { return m_refunds; }
    ReceiptCopyFlow& copies() { return m_copies; }
    ShiftFlow& shift() { return m_shift; }
    SettingsFlow& settings() { return m_settings; }
    TileSource& tiles() { return m_tiles; }

    /// What the screens may read.
    const TillState& state() const { return m_context.state; }

private:
    CartKeeper m_keeper;
    TillContext m_context;
    AccessFlow m_access;
    SellingFlow m_selling;
    CheckoutFlow m_checkout;
    RefundFlow m_refunds;
    ReceiptCopyFlow m_copies;
    ShiftFlow m_shift;
    SettingsFlow m_settings;
    TileSource m_tiles;
};

} // namespace bl::pos
