#pragma once
/// A gettext .mo catalogue read into memory, for programs that print messages without
/// wxWidgets (the command-line tools). The wx apps use wxTranslations with the same files.

#include <string>
#include <string_view>
#include <unordered_map>

#include "shared/core/message.hpp"
#include "shared/core/plural_forms.hpp"
#include "shared/core/result.hpp"

namespace bl {

class MoCatalog : public Translator {
public:
    /// Reads a compiled catalogue (either byte order). A damaged file is refused with a
    /// message; nothing is half-loaded.
    static Result<MoCatalog, Message> load(const std::string& path);
    /// Parses catalogue bytes already in memory.
    static Result<MoCatalog, Message> parse(std::string_view bytes);

    std::string_view translate(const char* msgid) const override;
    /// The form the catalogue's plural rule chooses for `n`; none when the sentence is not
    /// translated (render() then uses English's).
    std::string_view translate_plural(const char* one, const char* many,
                                      std::int64_t n) const override;
    std::size_t size() const { return m_table.size(); }

private:
    std::unordered_map<std::string, std::string> m_table;
    /// Sentences about a count: the singular msgid -> every form, in the rule's order.
    std::unordered_map<std::string, std::vector<std::string>> m_plurals;
    PluralRule m_rule;
};

/// The folder holding <lang>/LC_MESSAGES/bundlinje.mo: $BUNDLINJE_LOCALE_DIR when set; else,
/// for an installed program, PREFIX/share/locale beside its PREFIX/bin; else the build tree's;
/// else the install prefix's share/locale.
std::string locale_dir();

/// The Danish (or other) catalogue for `lang`, or nullptr for English or when none is found.
const Translator* translator_for(const std::string& lang);

} // namespace bl
