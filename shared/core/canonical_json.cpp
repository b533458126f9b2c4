#include "shared/core/canonical_json.hpp"

#include <charconv>
#include <stdexcept>

#include "shared/core/text.hpp"

namespace bl {

void CanonicalWriter::separate() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_levels.empty())
        return;
    Level& l = m_levels.back();
    if (l.object)
        throw std::logic_error("canonical JSON: a member without a key");
    if (!l.first)
        m_out += ',';
    l.first = false;
}

void CanonicalWriter::begin_object() {
    separate();
    m_out += '{';
    m_levels.push_back(Level{true, true, {}});
}

void CanonicalWriter::end_object() {
    if (m_levels.empty() || !m_levels.back().object || m_after_key)
        throw std::logic_error("canonical JSON: an object ended out of place");
    m_levels.pop_back();
    m_out += '}';
}

void CanonicalWriter::begin_array() {
    separate();
    m_out += '[';
    m_levels.push_back(Level{false, true, {}});
}

void CanonicalWriter::end_array() {
    if (m_levels.empty() || m_levels.back().object)
        throw std::logic_error("canonical JSON: an array ended out of place");
    m_levels.pop_back();
    m_out += ']';
}

CanonicalWriter& CanonicalWriter::key(std::string_view k) {
    if (m_levels.empty() || !m_levels.back().object || m_after_key)
        throw std::logic_error("canonical JSON: a key outside an object");
    Level& l = m_levels.back();
    if (!l.first && !(l.last_key < k))
        throw std::logic_error("canonical JSON: key \"" + std::string(k) + "\" out of order");
    if (!l.first)
        m_out += ',';
    l.first = false;
    l.last_key = k;
    append_json_string(m_out, k);
    m_out += ':';
    m_after_key = true;
    return *this;
}

void CanonicalWriter::value(std::int64_t i) {
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, i).ptr;
    m_out.append(digits, end);
}

void CanonicalWriter::value(bool b) {
    separate();
    m_out += b ? "true" : "false";
}

void CanonicalWriter::value(std::string_view s) {
    separate();
    append_json_string(m_out, s);
}

void CanonicalWriter::null() {
    separate();
    m_out += "null";
}

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    // Runs of characters that need no escape are copied whole.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s, run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    out.append(s, run, s.size() - run);
    out += '"';
}

void JsonValue::dump_to(std::string& out) const {
    struct Visitor {
        std::string& out;
        void operator()(std::nullptr_t) const { out += "null"; }
        void operator()(bool b) const { out += b ? "true" : "false"; }
        void operator()(std::int64_t i) const {
            char digits[24];
            const auto end = std::to_chars(digits, digits + sizeof digits, i).ptr;
            out.append(digits, end);
        }
        void operator()(const std::string& s) const { append_json_string(out, s); }
        void operator()(const std::shared_ptr<JsonArray>& a) const {
            out += '[';
            bool first = true;
            for (const auto& v : *a) {
                if (!first)
                    out += ',';
                first = false;
                v.dump_to(out);
            }
            out += ']';
        }
        void operator()(const std::shared_ptr<JsonObject>& o) const {
            out += '{';
            bool first = true;
            for (const auto& [k, v] : *o) {
                if (!first)
                    out += ',';
                first = false;
                append_json_string(out, k);
                out += ':';
                v.dump_to(out);
            }
            out += '}';
        }
    };
    std::visit(Visitor{out}, m_v);
}

const JsonArray* JsonValue::as_array() const {
    const auto* a = std::get_if<std::shared_ptr<JsonArray>>(&m_v);
    return a ? a->get() : nullptr;
}

const JsonObject* JsonValue::as_object() const {
    const auto* o = std::get_if<std::shared_ptr<JsonObject>>(&m_v);
    return o ? o->get() : nullptr;
}

const JsonValue* JsonValue::find(std::string_view key) const {
    const JsonObject* o = as_object();
    if (!o)
        return nullptr;
    auto it = o->find(key);
    return it == o->end() ? nullptr : &it->second;
}

bool operator==(const JsonValue& a, const JsonValue& b) {
    if (a.m_v.index() != b.m_v.index())
        return false;
    if (const JsonArray* x = a.as_array())
        return *x == *b.as_array();
    if (const JsonObject* x = a.as_object())
        return *x == *b.as_object();
    return a.m_v == b.m_v;
}

namespace {

// A recursive-descent reader over the text; every function leaves `i` after what it read.
class Reader {
public:
    Reader(std::string_view text, int max_depth) : m_s(text), m_max_depth(max_depth) {}

    std::optional<JsonValue> document() {
        auto v = value(0);
        skip_space();
        if (!v || m_i != m_s.size())
            return std::nullopt;
        return v;
    }

    /// One string literal whose opening quote is at `at`; `at` moves past it.
    std::optional<std::string> string_at(std::size_t& at) {
        m_i = at;
        if (m_i >= m_s.size() || m_s[m_i] != '"')
            return std::nullopt;
        auto out = string();
        at = m_i;
        return out;
    }

private:
    std::string_view m_s;
    std::size_t m_i = 0;
    int m_max_depth;

    void skip_space() {
        while (m_i < m_s.size() &&
               (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r'))
            ++m_i;
    }

    bool literal(std::string_view word) {
        if (m_s.substr(m_i, word.size()) != word)
            return false;
        m_i += word.size();
        return true;
    }

    std::optional<JsonValue> value(int depth) {
        skip_space();
        if (m_i >= m_s.size())
            return std::nullopt;
        switch (m_s[m_i]) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"': {
            auto s = string();
            if (!s)
                return std::nullopt;
            return JsonValue(std::move(*s));
        }
        case 't':
            return literal("true") ? std::optional<JsonValue>(JsonValue(true)) : std::nullopt;
        case 'f':
            return literal("false") ? std::optional<JsonValue>(JsonValue(false)) : std::nullopt;
        case 'n':
            return literal("null") ? std::optional<JsonValue>(JsonValue()) : std::nullopt;
        default:
            return number();
        }
    }

    std::optional<JsonValue> number() {
        const std::size_t start = m_i;
        if (m_i < m_s.size() && m_s[m_i] == '-')
            ++m_i;
        const std::size_t digits = m_i;
        while (m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '9')
            ++m_i;
        const std::size_t n = m_i - digits;
        // JSON allows no leading zero; canonical JSON has no fraction or exponent.
        if (n == 0 || (n > 1 && m_s[digits] == '0'))
            return std::nullopt;
        if (m_i < m_s.size() && (m_s[m_i] == '.' || m_s[m_i] == 'e' || m_s[m_i] == 'E'))
            return std::nullopt;
        std::int64_t v = 0;
        const auto r = std::from_chars(m_s.data() + start, m_s.data() + m_i, v);
        if (r.ec != std::errc() || r.ptr != m_s.data() + m_i)
            return std::nullopt;
        return JsonValue(v);
    }

    std::optional<unsigned> hex4() {
        if (m_i + 4 > m_s.size())
            return std::nullopt;
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = m_s[m_i++];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f')
                v |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                v |= static_cast<unsigned>(c - 'A' + 10);
            else
                return std::nullopt;
        }
        return v;
    }

    static void utf8(char32_t cp, std::string& out) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    std::optional<std::string> string() {
        ++m_i; // the opening quote
        std::string out;
        std::size_t run = m_i;
        while (true) {
            if (m_i >= m_s.size())
                return std::nullopt;
            const auto c = static_cast<unsigned char>(m_s[m_i]);
            if (c == '"') {
                out.append(m_s, run, m_i - run);
                ++m_i;
                break;
            }
            if (c < 0x20)
                return std::nullopt;
            if (c != '\\') {
                ++m_i;
                continue;
            }
            out.append(m_s, run, m_i - run);
            if (++m_i >= m_s.size())
                return std::nullopt;
            const char e = m_s[m_i++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                auto hi = hex4();
                if (!hi)
                    return std::nullopt;
                char32_t cp = *hi;
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                    return std::nullopt; // a low surrogate first
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (!literal("\\u"))
                        return std::nullopt;
                    auto lo = hex4();
                    if (!lo || *lo < 0xDC00 || *lo > 0xDFFF)
                        return std::nullopt;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (*lo - 0xDC00);
                }
                utf8(cp, out);
                break;
            }
            default:
                return std::nullopt;
            }
            run = m_i;
        }
        if (!is_valid_utf8(out))
            return std::nullopt;
        return out;
    }

    std::optional<JsonValue> array(int depth) {
        if (depth > m_max_depth)
            return std::nullopt;
        ++m_i; // [
        JsonArray out;
        skip_space();
        if (m_i < m_s.size() && m_s[m_i] == ']') {
            ++m_i;
            return JsonValue(std::move(out));
        }
        while (true) {
            auto v = value(depth);
            if (!v)
                return std::nullopt;
            out.push_back(std::move(*v));
            skip_space();
            if (m_i >= m_s.size())
                return std::nullopt;
            if (m_s[m_i] == ']') {
                ++m_i;
                return JsonValue(std::move(out));
            }
            if (m_s[m_i++] != ',')
                return std::nullopt;
        }
    }

    std::optional<JsonValue> object(int depth) {
        if (depth > m_max_depth)
            return std::nullopt;
        ++m_i; // {
        JsonObject out;
        skip_space();
        if (m_i < m_s.size() && m_s[m_i] == '}') {
            ++m_i;
            return JsonValue(std::move(out));
        }
        while (true) {
            skip_space();
            if (m_i >= m_s.size() || m_s[m_i] != '"')
                return std::nullopt;
            auto key = string();
            if (!key)
                return std::nullopt;
            skip_space();
            if (m_i >= m_s.size() || m_s[m_i++] != ':')
                return std::nullopt;
            auto v = value(depth);
            if (!v)
                return std::nullopt;
            if (!out.emplace(std::move(*key), std::move(*v)).second)
                return std::nullopt; // a member named twice
            skip_space();
            if (m_i >= m_s.size())
                return std::nullopt;
            if (m_s[m_i] == '}') {
                ++m_i;
                return JsonValue(std::move(out));
            }
            if (m_s[m_i++] != ',')
                return std::nullopt;
        }
    }
};

} // namespace

std::optional<JsonValue> parse_json(std::string_view text, int max_depth) {
    return Reader(text, max_depth).document();
}

std::optional<std::string> read_json_string(std::string_view text, std::size_t& at) {
    return Reader(text, 1).string_at(at);
}

std::string JsonValue::dump() const {
    std::string s;
    s.reserve(4096); // a 5-line sale is about 2.5 kB
    dump_to(s);
    return s;
}

} // namespace bl
