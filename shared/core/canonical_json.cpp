#include "shared/core/canonical_json.hpp"

namespace bl {

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
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
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0x0F];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

void JsonValue::dump_to(std::string& out) const {
    struct Visitor {
        std::string& out;
        void operator()(std::nullptr_t) const { out += "null"; }
        void operator()(bool b) const { out += b ? "true" : "false"; }
        void operator()(std::int64_t i) const { out += std::to_string(i); }
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
    s.reserve(1024);
    dump_to(s);
    return s;
}

} // namespace bl
