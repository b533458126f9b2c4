#include "shared/core/catalog.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "shared/core/text.hpp"

namespace bl {

namespace {

std::uint32_t read_u32(std::string_view b, std::size_t at, bool swap) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
        const auto byte = static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
        v |= static_cast<std::uint32_t>(byte) << (swap ? 8 * (3 - i) : 8 * i);
    }
    return v;
}

} // namespace

Result<MoCatalog, Message> MoCatalog::parse(std::string_view b) {
    const Message broken(BL_N_("The translation file is damaged; messages are shown in "
                               "English."));
    if (b.size() < 28)
        return err(broken);
    const std::uint32_t magic = read_u32(b, 0, false);
    bool swap;
    if (magic == 0x950412deu)
        swap = false;
    else if (magic == 0xde120495u)
        swap = true;
    else
        return err(broken);
    const std::uint32_t n = read_u32(b, 8, swap);
    const std::uint32_t orig = read_u32(b, 12, swap);
    const std::uint32_t trans = read_u32(b, 16, swap);
    auto entry = [&](std::uint32_t table, std::uint32_t i, std::string_view& out) {
        const std::uint64_t at = std::uint64_t{table} + std::uint64_t{i} * 8;
        if (at + 8 > b.size())
            return false;
        const std::uint32_t len = read_u32(b, static_cast<std::size_t>(at), swap);
        const std::uint32_t off = read_u32(b, static_cast<std::size_t>(at + 4), swap);
        if (std::uint64_t{off} + len > b.size())
            return false;
        out = b.substr(off, len);
        return true;
    };
    MoCatalog c;
    for (std::uint32_t i = 0; i < n; ++i) {
        std::string_view id, text;
        if (!entry(orig, i, id) || !entry(trans, i, text))
            return err(broken);
        if (id.empty()) { // the header, which holds the plural rule
            // A rule that cannot be read leaves English's (msgfmt --check catches it first).
            if (auto rule = PluralRule::from_header(text))
                c.m_rule = rule.value();
            continue;
        }
        // Plural forms hold "singular\0plural" and their forms "form 0\0form 1\0...";
        // the key is the singular.
        const auto nul = id.find('\0');
        const auto tnul = text.find('\0');
        c.m_table.emplace(std::string(id.substr(0, nul)), std::string(text.substr(0, tnul)));
        if (nul != std::string_view::npos) {
            std::vector<std::string> forms;
            for (const std::string_view f : split(text, '\0'))
                forms.emplace_back(f);
            c.m_plurals.emplace(std::string(id.substr(0, nul)), std::move(forms));
        }
    }
    return c;
}

Result<MoCatalog, Message> MoCatalog::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return err(Message(BL_N_("The translation file %s was not found; messages are shown "
                                 "in English."),
                           {path}));
    std::stringstream ss;
    ss << in.rdbuf();
    return parse(ss.str());
}

std::string_view MoCatalog::translate(const char* msgid) const {
    auto it = m_table.find(msgid);
    return it == m_table.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view MoCatalog::translate_plural(const char* one, const char*, std::int64_t n) const {
    auto it = m_plurals.find(one);
    if (it == m_plurals.end())
        return {};
    const std::size_t form = m_rule.form(n);
    return form < it->second.size() ? std::string_view(it->second[form]) : std::string_view();
}

std::string locale_dir() {
    if (const char* env = std::getenv("BUNDLINJE_LOCALE_DIR"); env && *env)
        return env;
    namespace fs = std::filesystem;
    std::error_code ec;
    auto has_catalogue = [&ec](const fs::path& dir) {
        return fs::exists(dir / "da" / "LC_MESSAGES" / "bundlinje.mo", ec);
    };
    // An installed program (PREFIX/bin/bundlinje-till) finds PREFIX/share/locale beside it,
    // wherever the prefix is (a package, /usr/local, a DESTDIR staging folder).
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "locale";
        if (has_catalogue(installed))
            return installed.string();
    }
    if (has_catalogue(BL_BUILD_LOCALE_DIR))
        return BL_BUILD_LOCALE_DIR;
    return BL_INSTALL_LOCALE_DIR;
}

const Translator* translator_for(const std::string& lang) {
    if (lang.empty() || lang == "en")
        return nullptr;
    static std::map<std::string, std::unique_ptr<MoCatalog>> loaded;
    auto it = loaded.find(lang);
    if (it == loaded.end()) {
        auto c = MoCatalog::load(locale_dir() + "/" + lang + "/LC_MESSAGES/bundlinje.mo");
        it = loaded.emplace(lang, c ? std::make_unique<MoCatalog>(std::move(c).value()) : nullptr)
                 .first;
    }
    return it->second.get();
}

} // namespace bl
