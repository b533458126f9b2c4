#pragma once
/// Canonical JSON for journal payloads: the same data always gives the same bytes, so the
/// journal's hashes can be recomputed anywhere. Objects have their keys sorted by bytes,
/// there is no white space, numbers are integers only (money is øre), strings are UTF-8 with
/// only '"', '\\' and control characters escaped (short forms \b \f \n \r \t, else \u00XX).

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
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

    /// What the value holds; each accessor gives null when it holds something else.
    bool is_null() const { return std::holds_alternative<std::nullptr_t>(m_v); }
    const bool* as_bool() const { return std::get_if<bool>(&m_v); }
    const std::int64_t* as_int() const { return std::get_if<std::int64_t>(&m_v); }
    const std::string* as_string() const { return std::get_if<std::string>(&m_v); }
    const JsonArray* as_array() const;
    const JsonObject* as_object() const;
    /// An object's member, or null when this is not an object or has no such member.
    const JsonValue* find(std::string_view key) const;

    friend bool operator==(const JsonValue& a, const JsonValue& b);

private:
    std::variant<std::nullptr_t, bool, std::int64_t, std::string, std::shared_ptr<JsonArray>,
                 std::shared_ptr<JsonObject>>
        m_v;
};

/// Writes canonical JSON straight into a string, for a payload written or checked thousands of
/// times a second (a sale at the central store): the same bytes JsonValue::dump() gives for the
/// same value, without building the value first. An object's keys must be given in sorted
/// order, each after the one before it (a key out of order throws std::logic_error, so the
/// text is canonical or not written); keys are kept by reference until their object ends.
class CanonicalWriter {
public:
    explicit CanonicalWriter(std::string& out) : m_out(out) {}
    void begin_object();
    void end_object();
    void begin_array();
    void end_array();
    /// The next member's key, in an object.
    CanonicalWriter& key(std::string_view k);
    void value(std::int64_t i);
    void value(int i) { value(static_cast<std::int64_t>(i)); }
    void value(bool b);
    void value(std::string_view s);
    void value(const char* s) { value(std::string_view(s)); }
    void value(const std::string& s) { value(std::string_view(s)); }
    void null();

private:
    void separate();
    struct Level {
        bool object;
        bool first = true;
        std::string_view last_key;
    };
    std::string& m_out;
    std::vector<Level> m_levels;
    bool m_after_key = false;
};

/// Appends s as a JSON string literal (with quotes) to out.
void append_json_string(std::string& out, std::string_view s);

/// Reads JSON text strictly: integers only (no fractions or exponents, within int64), strings
/// of valid UTF-8 (escapes decoded, a lone surrogate refused), no member named twice in an
/// object, nesting at most `max_depth` deep, white space only between tokens. Gives none for
/// anything else. What dump() writes always reads back to an equal value.
std::optional<JsonValue> parse_json(std::string_view text, int max_depth = 64);

/// Reads one JSON string literal whose opening quote is at `at`, as parse_json reads strings
/// (every escape decoded, the result valid UTF-8), and moves `at` past it. None for anything
/// else, with `at` left anywhere.
std::optional<std::string> read_json_string(std::string_view text, std::size_t& at);

} // namespace bl
