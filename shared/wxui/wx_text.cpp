#include "shared/wxui/wx_text.hpp"

#include <algorithm>
#include <clocale>
#include <unordered_map>

#include <wx/font.h>
#include <wx/intl.h>
#include <wx/translation.h>
#include <wx/window.h>

#include "shared/core/catalog.hpp"

namespace bl::wxui {

namespace {

// The wx catalogues seen as a bl::Translator, so messages are rendered by bl::render like
// everywhere else. UTF-8 copies are kept because render() takes string views.
class WxCatalog : public Translator {
public:
    std::string_view translate(const char* msgid) const override {
        auto it = m_cache.find(msgid);
        if (it == m_cache.end())
            it = m_cache.emplace(msgid, utf8(wxGetTranslation(wx(msgid)))).first;
        return it->second;
    }
    std::string_view translate_plural(const char* one, const char* many,
                                      std::int64_t n) const override {
        // wx chooses the form with the catalogue's Plural-Forms rule. Kept per count: the
        // counts a till says are few.
        const std::string key = std::string(one) + '\x04' + std::to_string(n);
        auto it = m_cache.find(key);
        if (it == m_cache.end()) {
            const auto count = static_cast<unsigned>(n < 0 ? -n : n);
            it = m_cache.emplace(key, utf8(wxGetTranslation(wx(one), wx(many), count))).first;
        }
        return it->second;
    }
    void forget() { m_cache.clear(); }

private:
    mutable std::unordered_map<std::string, std::string> m_cache;
};

WxCatalog& catalog() {
    static WxCatalog c;
    return c;
}

} // namespace

void use_utf8_strings() {
    // wx converts char* through the C library's locale; under the "C" locale "øre" in a
    // msgid would be lost. C.UTF-8 is built into glibc, so it is always there.
    if (!std::setlocale(LC_CTYPE, "C.UTF-8"))
        std::setlocale(LC_CTYPE, "");
}

void use_language(const std::string& lang) {
    static bool path_added = false;
    if (!path_added) {
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wx(locale_dir()));
        path_added = true;
    }
    auto* t = new wxTranslations();
    wxTranslations::Set(t); // replaces (and deletes) the one before
    t->SetLanguage(lang == "en" ? "en" : "da");
    t->AddStdCatalog(); // wx's own words
    t->AddCatalog("bundlinje");
    catalog().forget();
}

wxString translated(const Message& m) {
    return wx(render(m, &catalog()));
}

wxString wx(const std::string& s) {
    return wxString::FromUTF8(s);
}

std::string utf8(const wxString& s) {
    return std::string(s.utf8_str());
}

wxString money_text(Money m) {
    return wx(format_dkk(m));
}

void size_for_label(wxWindow* button, const wxString& longest, int min_width, int height) {
    int w = 0, h = 0;
    button->GetTextExtent(longest, &w, &h);
    button->SetMinSize(wxSize(std::max(min_width, w + 36), std::max(height, h + 16)));
}

void scale_font(wxWindow* w, double factor, bool bold) {
    wxFont f = w->GetFont();
    f.SetPointSize(static_cast<int>(f.GetPointSize() * factor));
    if (bold)
        f.SetWeight(wxFONTWEIGHT_BOLD);
    w->SetFont(f);
}

} // namespace bl::wxui
