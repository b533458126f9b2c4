#pragma once
/// Lenient field access on a Boost.JSON object, for bodies that were already checked or whose
/// missing fields mean "none": a string or empty, a whole number or a fallback, a flag or
/// false; and a text read as an object (depth limited as the protocol's) or none. For the .cpp
/// files that read journal payloads and pulled changes; the protocol's own strict readers are
/// in protocol.cpp. Includes Boost.JSON: never include it from a header.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "shared/sync/protocol.hpp"

namespace bl::sync::fields {

inline std::string str(const boost::json::object& o, std::string_view k) {
    auto it = o.find(k);
    if (it == o.end() || !it->value().is_string())
        return {};
    return std::string(it->value().get_string());
}

inline std::int64_t num(const boost::json::object& o, std::string_view k,
                        std::int64_t fallback = 0) {
    auto it = o.find(k);
    if (it == o.end() || !it->value().is_int64())
        return fallback;
    return it->value().get_int64();
}

inline bool flag(const boost::json::object& o, std::string_view k) {
    auto it = o.find(k);
    return it != o.end() && it->value().is_bool() && it->value().get_bool();
}

/// The text as a JSON object, its values kept in `sp` (default: the heap).
inline std::optional<boost::json::object> object_of(std::string_view text,
                                                    boost::json::storage_ptr sp = {}) {
    boost::json::parse_options opt;
    opt.max_depth = max_json_depth;
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(boost::json::string_view(text.data(), text.size()),
                                              ec, std::move(sp), opt);
    if (ec || !v.is_object())
        return std::nullopt;
    return std::move(v.get_object());
}

} // namespace bl::sync::fields
