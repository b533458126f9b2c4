#include "shared/wxui/picture_cache.hpp"

#include <algorithm>

#include <wx/image.h>
#include <wx/log.h>
#include <wx/mstream.h>

namespace bl::wxui {

wxBitmap PictureCache::get(const std::string& product_id, const std::string& version,
                           const std::function<std::string()>& png) {
    if (version.empty()) {
        m_kept.erase(product_id);
        return wxBitmap();
    }
    auto it = m_kept.find(product_id);
    if (it != m_kept.end() && it->second.version == version)
        return it->second.bitmap;
    if (wxImage::FindHandler(wxBITMAP_TYPE_PNG) == nullptr)
        wxImage::AddHandler(new wxPNGHandler);
    const std::string bytes = png();
    ++m_decoded;
    wxBitmap bitmap;
    wxMemoryInputStream in(bytes.data(), bytes.size());
    wxImage image;
    {
        wxLogNull quiet; // a damaged picture is shown as none, without a dialog
        image.LoadFile(in, wxBITMAP_TYPE_PNG);
    }
    if (image.IsOk()) {
        const double scale = std::min(1.0, static_cast<double>(m_side) /
                                               std::max(image.GetWidth(), image.GetHeight()));
        const int w = std::max(1, static_cast<int>(image.GetWidth() * scale + 0.5));
        const int h = std::max(1, static_cast<int>(image.GetHeight() * scale + 0.5));
        if (w != image.GetWidth() || h != image.GetHeight())
            image.Rescale(w, h, wxIMAGE_QUALITY_HIGH);
        bitmap = wxBitmap(image);
    }
    m_kept[product_id] = Kept{version, bitmap};
    return bitmap;
}

} // namespace bl::wxui
