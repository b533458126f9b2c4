#pragma once
/// What a device pulls from the central store, applied to its own database: one page of
/// changes and the cursor after it in one transaction. Pulled records are other devices'
/// records: they are stored, never journaled or sent back.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/core/domain.hpp"
#include "shared/core/message.hpp"
#include "shared/core/result.hpp"
#include "shared/store/database.hpp"
#include "shared/store/production.hpp"

namespace bl {

/// A maker as a device may see it: a till only the display name the maker consented to on
/// receipts (empty: counted, not named), a workshop station also the private fields.
struct PulledMaker {
    std::string id;
    std::string workshop_id;
    std::string display_name;
    std::optional<MakerPrivate> private_fields;
    /// Only add the maker when missing (a workshop station keeps the names it knows; the
    /// public view of a maker changes only what a till shows).
    bool keep_known_name = false;
};

struct PulledPrice {
    std::string product_id;
    Money price;
};

/// A category's colour as an organiser set it ("" none).
struct PulledCategoryColour {
    std::string category;
    std::string colour;
    std::string from_device; ///< whose action it was: this database's own is here already
};

/// A product's small picture as an organiser set it (empty png: taken away).
struct PulledPicture {
    std::string product_id;
    std::string png;
    std::string from_device; ///< whose action it was: this database's own is here already
};

/// A setting of this till's shop as another of its tills changed it
/// (shared/rules/shop_settings.hpp says which).
struct PulledSetting {
    std::string key;
    std::string value;
};

/// One page of a pull, grouped by entity. Applied in the order the entities depend on one
/// another (places, makers, products, prices, colours, pictures, batches, corrections, staff,
/// settings).
struct PulledPage {
    std::vector<Workshop> workshops;
    std::vector<Shop> shops;
    std::vector<PulledMaker> makers;
    std::vector<Product> products;
    std::vector<PulledPrice> prices;
    std::vector<PulledCategoryColour> colours;
    std::vector<PulledPicture> pictures;
    std::vector<Batch> batches; ///< a newer revision than held replaces the batch's state
    /// Batch corrections made on other devices (workshop stations and organisers only).
    std::vector<BatchCorrection> corrections;
    std::vector<StaffUser> staff;        ///< the shop's staff, with their PIN hashes, on its tills
    std::vector<PulledSetting> settings; ///< the shop's settings, on its tills
    std::int64_t next_cursor = 0;
};

/// Where this database's next pull starts (0: from the beginning).
std::int64_t pull_cursor(Database& db);

/// Applies a page and moves the cursor, in one transaction. Records already held are kept
/// (a page may be applied twice after a crash); a maker's display name follows the central
/// store, so a withdrawn consent removes the name here, and a shop's details and its shop
/// settings follow their newest change. A colour not in the palette or a
/// picture the store would not keep (shared/rules/catalogue_look) is left off.
Result<Done, Message> apply_pulled_page(Database& db, const PulledPage& page);

} // namespace bl
