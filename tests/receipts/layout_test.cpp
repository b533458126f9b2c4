// The layout engine with a measure of fixed-width letters: lines break at words, pages break
// between lines and table rows, headings keep their next lines, nothing leaves the page.

#include <catch2/catch.hpp>

#include "receipts/layout/charts.hpp"
#include "receipts/layout/document.hpp"
#include "receipts/layout/numbers.hpp"
#include "receipts/layout/receipt_document.hpp"

namespace {

using namespace bl::doc;

// Every character (not byte) is half the size wide.
struct FixedMeasure : TextMeasure {
    double width(std::string_view s, const Style& st) const override {
        double n = 0;
        for (const char c : s)
            n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        return n * st.size * 0.5;
    }
};

std::vector<PlacedText> texts(const Page& p) {
    std::vector<PlacedText> out;
    for (const auto& i : p.items)
        if (const auto* t = std::get_if<PlacedText>(&i))
            out.push_back(*t);
    return out;
}

void all_inside(const std::vector<Page>& pages, const TextMeasure& m) {
    for (const auto& p : pages)
        for (const auto& item : p.items)
            std::visit(
                [&](const auto& i) {
                    using T = std::decay_t<decltype(i)>;
                    if constexpr (std::is_same_v<T, PlacedText>) {
                        CHECK(i.x >= 0);
                        CHECK(i.x + m.width(i.text, i.style) <= p.width + 0.01);
                        CHECK(i.y <= p.height);
                    } else if constexpr (std::is_same_v<T, PlacedLine>) {
                        CHECK(std::max(i.x1, i.x2) <= p.width + 0.01);
                        CHECK(std::max(i.y1, i.y2) <= p.height + 0.01);
                    } else {
                        CHECK(i.x >= 0);
                        CHECK(i.y >= 0);
                    }
                },
                item);
}

} // namespace

TEST_CASE("layout: words wrap within the width; a word wider than the line is cut") {
    const FixedMeasure m;
    const auto lines = wrap("Krus med hank i blå glasur", Style{10}, 50, m); // 10 letters a line
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "Krus med");
    CHECK(lines[1] == "hank i blå");
    CHECK(lines[2] == "glasur");
    const auto cut = wrap("Æbleskiveposer", Style{10}, 25, m); // 5 a line
    REQUIRE(cut.size() == 3);
    CHECK(cut[0] == "Æbles");
    CHECK(cut[2] == "oser");
    CHECK(wrap("a\nb", Style{10}, 100, m).size() == 2);
}

TEST_CASE("layout: pages break between lines and rows, tables repeat their header, headings "
          "keep with what follows, page numbers count the pages") {
    const FixedMeasure m;
    Document d;
    d.page = a5();
    d.footer = "Vielgut Studio";
    Paragraph heading{{Run{"Overskrift", Style{14, true}}}};
    heading.keep_with_next = 60;
    Table t{{{"Vare", 3}, {"Stk.", 1, Align::right}}, {}, Style{9}, {}, 6};
    for (int i = 0; i < 60; ++i)
        t.rows.push_back({"Vare " + std::to_string(i), std::to_string(i)});
    d.blocks = {heading, t};
    // Fill a page nearly full, then a heading that must move to the next page.
    for (int i = 0; i < 38; ++i)
        d.blocks.push_back(Paragraph{{Run{"Linje " + std::to_string(i), Style{10}}}});
    d.blocks.push_back(heading);
    d.blocks.push_back(Paragraph{{Run{"Brødtekst under overskriften", Style{10}}}});
    const auto pages = lay_out(d, m);
    REQUIRE(pages.size() >= 3);
    all_inside(pages, m);
    // Page 2 starts with the table's header again.
    const auto second = texts(pages[1]);
    REQUIRE_FALSE(second.empty());
    CHECK(second[0].text == "Vare");
    CHECK(second[0].style.bold);
    // The last heading is not the last line of a page: the text it heads is on its page.
    bool found = false;
    for (const auto& p : pages) {
        const auto ts = texts(p);
        for (std::size_t i = 0; i < ts.size(); ++i)
            if (ts[i].text == "Overskrift" && &p != &pages.front()) {
                found = true;
                REQUIRE(i + 1 < ts.size());
                CHECK(ts[i + 1].text.rfind("Brødtekst", 0) == 0);
            }
    }
    CHECK(found);
    // "Side n af N" on each page.
    const std::string last =
        "Side " + std::to_string(pages.size()) + " af " + std::to_string(pages.size());
    CHECK(texts(pages.back()).back().text == last);
}

TEST_CASE("layout: receipt paper grows with its content; charts keep inside the width") {
    const FixedMeasure m;
    Document d;
    d.page = roll_80mm();
    d.page_numbers = false;
    for (int i = 0; i < 100; ++i)
        d.blocks.push_back(
            Paragraph{{Run{"linje", Style{7.2, false, Face::mono}}}, Align::left, 0, 0});
    const auto pages = lay_out(d, m);
    REQUIRE(pages.size() == 1);
    CHECK(pages[0].height > 100 * 7.2);
    Document c;
    c.blocks.push_back(BarChart{"Timer", "timer", {{"uge 1", 12, "12"}, {"uge 2", 30, "30"}}});
    c.blocks.push_back(BarChart{
        "Værksteder", "timer", {{"Keramikværkstedet", 120, "120 t"}, {"Træ", 40, "40 t"}}, true});
    c.blocks.push_back(ScatterChart{"Omsætning", "timer", "kr.", {{100, 20000, "Keramik"}}});
    all_inside(lay_out(c, m), m);
    CHECK(nice_step(83) == 25);
    CHECK(nice_step(17000) == 5000);
    CHECK(nice_step(0.8) == 0.2);
}

TEST_CASE("layout: a receipt keeps its columns: spaces between a line's text and its amount stay") {
    const FixedMeasure m;
    bl::receipts::ReceiptText r;
    const std::string line = bl::receipts::two_columns("Julehjerte, keramik", "49,00");
    REQUIRE(line.size() == bl::receipts::receipt_columns);
    r.lines = {{line}, {"    indrykket"}, {}};
    r.barcode = "R1-25";
    const auto pages = lay_out(receipt_document(r), m);
    REQUIRE(pages.size() == 1);
    const auto t = texts(pages[0]);
    REQUIRE(t.size() >= 3);
    CHECK(t[0].text == line); // not "Julehjerte, keramik 49,00"
    CHECK(t[1].text == "    indrykket");
    // Ordinary paragraphs still make one space of many.
    Document d;
    d.blocks.push_back(Paragraph{{Run{"a    b", Style{10}}}});
    CHECK(texts(lay_out(d, m)[0])[0].text == "a b");
}

TEST_CASE("numbers print the Danish way") {
    CHECK(format_number(1234567) == "1.234.567");
    CHECK(format_number(12.345, 1) == "12,3");
    CHECK(format_number(-0.04, 1) == "0,0");
    CHECK(format_number(-1500) == "-1.500");
    CHECK(format_percent(0.423) == "42 %");
    CHECK(format_hours(90) == "1,5 t");
    CHECK(format_hours(60 * 250) == "250 t");
}
