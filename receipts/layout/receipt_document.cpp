#include "receipts/layout/receipt_document.hpp"

namespace bl::doc {

namespace {

// 48 columns of DejaVu Sans Mono at 7,2 pt fill 80 mm paper less its margins.
constexpr double mono_size = 7.2;

Align align_of(receipts::TextLine::Align a) {
    switch (a) {
    case receipts::TextLine::Align::centre:
        return Align::centre;
    case receipts::TextLine::Align::right:
        return Align::right;
    default:
        return Align::left;
    }
}

void add_lines(Document& d, const std::vector<receipts::TextLine>& lines) {
    for (const auto& l : lines) {
        const Style s{l.large ? 2 * mono_size : mono_size, l.bold, Face::mono};
        // An empty line keeps its height, as on paper.
        Paragraph p{{Run{l.text.empty() ? std::string(" ") : l.text, s}},
                    align_of(l.align),
                    0,
                    0,
                    1.25,
                    0,
                    0,
                    true};
        d.blocks.push_back(std::move(p));
    }
}

} // namespace

Document receipt_document(const receipts::ReceiptText& r) {
    Document d;
    d.page = roll_80mm();
    d.title = r.name;
    d.subject = "Kvittering";
    d.author = "Bundlinje";
    d.created = r.created;
    d.page_numbers = false;
    add_lines(d, r.lines);
    if (r.barcode && !r.barcode->empty()) {
        d.blocks.push_back(Spacer{4});
        d.blocks.push_back(Barcode{*r.barcode, mm(55), 34, true, Align::centre});
    }
    if (r.qr && !r.qr->empty()) {
        d.blocks.push_back(Spacer{4});
        d.blocks.push_back(Qr{*r.qr, mm(30), "", Align::centre});
    }
    add_lines(d, r.after_barcode);
    return d;
}

} // namespace bl::doc
