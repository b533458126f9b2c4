#pragma once
/// Canonical JSON for journal payloads: the same data always gives the same bytes, so the
/// journal's hashes can be recomputed anywhere. Objects have their keys sorted by bytes,
/// there is no white space, numbers are integers only (money is øre), strings are UTF-8 with
/// only '"', '\\' and control characters escaped (short forms \b \f \n \r \t, else \u00XX).

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace bl {

class JsonValue;
using JsonArray = std::vector<JsonValue>;
using JsonObject = std::map<std::string, JsonValue, std::less<>>;

/// A JSON value without floating point numbers.
class JsonValue {
public:
    JsonValue() : m_v(nullptr) {}
    JsonValue(std::nullptr_t) : m_v(nullptr) {}
    JsonValue(bool b) : m_v(b) {}
    JsonValue(int i) : m_v(static_cast<std::int64_t>(i)) {}
    JsonValue(std::int64_t i) : m_v(i) {}
    JsonValue(const char* s) : m_v(std::string(s)) {}
    JsonValue(std::string s) : m_v(std::move(s)) {}
    JsonValue(std::string_view s) : m_v(std::string(s)) {}
    JsonValue(JsonArray a) : m_v(std::make_shared<JsonArray>(std::move(a))) {}
    JsonValue(JsonObject o) : m_v(std::make_shared<JsonObject>(std::move(o))) {}

    /// The canonical text.
    std::string dump() const;
    void dump_to(std::string& out) const;

private:
    std::variant<std::nullptr_t, bool, std::int64_t, std::string, std::shared_ptr<JsonArray>,
                 std::shared_ptr<JsonObject>>
        m_v;
};

/// Appends s as a JSON string literal (with quotes) to out.
void append_json_string(std::string& out, std::string_view s);

} // namespace bl
