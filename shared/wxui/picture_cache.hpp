#pragma once
/// Product pictures as the tiles draw them: each picture decoded once and scaled once to the
/// tiles' size, kept per product with its version (the picture's SHA-256), and dropped for a
/// new one when the version changes.

#include <cstddef>
#include <functional>
#include <map>
#include <string>

#include <wx/bitmap.h>

namespace bl::wxui {

class PictureCache {
public:
    /// `side`: the largest width and height a picture is drawn at.
    explicit PictureCache(int side) : m_side(side) {}
    /// The bitmap of `product_id`'s picture at `version` ("" none: an empty bitmap). `png`
    /// gives the picture's bytes; it is asked only when this version is not kept yet. A
    /// picture that cannot be decoded gives an empty bitmap (the tile shows its text only).
    wxBitmap get(const std::string& product_id, const std::string& version,
                 const std::function<std::string()>& png);
    /// How many pictures were decoded so far (for tests: each version once).
    std::size_t decoded() const { return m_decoded; }

private:
    struct Kept {
        std::string version;
        wxBitmap bitmap;
    };
    int m_side;
    std::map<std::string, Kept> m_kept;
    std::size_t m_decoded = 0;
};

} // namespace bl::wxui
