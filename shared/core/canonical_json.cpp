#include "shared/core/canonical_json.hpp"

#include <charconv>

namespace bl {

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

std::string JsonValue::dump() const {
    std::string s;
    s.reserve(4096); // a 5-line sale is about 2.5 kB
    dump_to(s);
    return s;
}

} // namespace bl
