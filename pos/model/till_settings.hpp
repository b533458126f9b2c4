#pragma once
/// What an organiser can set at the till, as text the way it is typed.

#include <string>

#include "shared/core/domain.hpp"

namespace bl::pos {

struct TillSettings {
    std::string printer; ///< "/dev/usb/lp0", "192.168.1.50:9100", "cups:Name" or "" for none
    std::string mobilepay_name = "MobilePay"; ///< the tender's name (it is becoming Vipps)
    std::string discount_limit = "50,00";     ///< kroner staff may give without approval
    bool impact_block = false;                ///< print "Bag om tingene" after the receipt
    std::string receipt_footer = "Tak for dit køb!";
    std::string language = "da"; ///< "da" or "en"; used from the next start
    Shop shop;                   ///< name, address and CVR as printed on receipts
};

} // namespace bl::pos
