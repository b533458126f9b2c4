#include "shared/core/message.hpp"

#include <cctype>

namespace bl {

std::string format_message(std::string_view format, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(format.size() + 32);
    std::size_t next = 0;
    for (std::size_t i = 0; i < format.size(); ++i) {
        char c = format[i];
        if (c != '%' || i + 1 == format.size()) {
            out += c;
            continue;
        }
        char n = format[i + 1];
        if (n == '%') {
            out += '%';
            ++i;
            continue;
        }
        if (n == 's') {
            if (next < args.size()) {
                out += args[next++];
            } else {
                out += "%s";
            }
            ++i;
            continue;
        }
        // Positional form %N$s, as gettext allows translators to reorder arguments.
        std::size_t j = i + 1;
        std::size_t pos = 0;
        while (j < format.size() && std::isdigit(static_cast<unsigned char>(format[j]))) {
            pos = pos * 10 + static_cast<std::size_t>(format[j] - '0');
            ++j;
        }
        if (j + 1 < format.size() && j > i + 1 && format[j] == '$' && format[j + 1] == 's' &&
            pos >= 1 && pos <= args.size()) {
            out += args[pos - 1];
            i = j + 1;
            continue;
        }
        out += c;
    }
    return out;
}

Message field_message(const char* msgid, const char* field,
                      std::initializer_list<std::string> rest) {
    Message m(msgid);
    m.args.emplace_back(field);
    m.args.insert(m.args.end(), rest.begin(), rest.end());
    m.translated_args = 1;
    return m;
}

Message Message::plural(const char* one, const char* many, std::int64_t count,
                        std::initializer_list<std::string> a) {
    Message m(one, a);
    m.msgid_plural = many;
    m.count = count;
    return m;
}

std::string_view Translator::translate_plural(const char* one, const char* many,
                                              std::int64_t n) const {
    return english_plural(one, many, n);
}

std::string render(const Message& m, const Translator* t) {
    auto tr = [t](const char* id) {
        std::string_view s = t ? t->translate(id) : std::string_view(id);
        return s.empty() ? std::string_view(id) : s;
    };
    std::vector<std::string> args = m.args;
    for (std::size_t i = 0; i < args.size() && i < 32; ++i)
        if (m.translated_args & (1u << i))
            args[i] = std::string(tr(args[i].c_str()));
    if (m.msgid_plural) {
        const std::string_view english = english_plural(m.msgid, m.msgid_plural, m.count);
        std::string_view form = t ? t->translate_plural(m.msgid, m.msgid_plural, m.count) : "";
        return format_message(form.empty() ? english : form, args);
    }
    return format_message(tr(m.msgid), args);
}

} // namespace bl
