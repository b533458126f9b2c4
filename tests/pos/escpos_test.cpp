#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pos/print/escpos.hpp"
#include "pos/print/transport.hpp"
#include "receipts/layout/impact_documents.hpp"
#include "sample_receipt.hpp"
#include "shared/core/text.hpp"

using bl::Money;

namespace {

// A small ESC/POS reader: what a printer would do with the bytes, as data.
struct Printed {
    struct Line {
        std::string text; // UTF-8
        int align = 0;
        bool bold = false;
        bool large = false;
    };
    std::vector<Line> lines;
    int codepage = -1;
    std::vector<std::string> barcodes;
    std::vector<std::string> qr_codes; // printed, in order
    bool initialised = false;
    bool cut = false;
    bool cut_is_last_or_before_kick = false;
    bool drawer_kicked = false;
    std::vector<std::string> unknown;
};

Printed read_escpos(const std::string& b) {
    Printed p;
    std::string qr_data;
    Printed::Line cur;
    int align = 0;
    bool bold = false, large = false;
    std::string text;
    for (std::size_t i = 0; i < b.size();) {
        const auto c = static_cast<unsigned char>(b[i]);
        auto arg = [&](std::size_t k) { return static_cast<unsigned char>(b.at(i + k)); };
        if (c == 0x1B) {
            switch (arg(1)) {
            case '@':
                p.initialised = true;
                i += 2;
                break;
            case 't':
                p.codepage = arg(2);
                i += 3;
                break;
            case 'a':
                align = arg(2);
                i += 3;
                break;
            case 'E':
                bold = arg(2) != 0;
                i += 3;
                break;
            case 'd':
                i += 3;
                break;
            case 'p':
                p.drawer_kicked = true;
                i += 5;
                break;
            default:
                p.unknown.push_back("ESC " + std::to_string(arg(1)));
                i += 2;
            }
        } else if (c == 0x1D) {
            switch (arg(1)) {
            case '!':
                large = arg(2) != 0;
                i += 3;
                break;
            case 'h':
            case 'w':
            case 'H':
                i += 3;
                break;
            case 'k': {
                const std::size_t n = arg(3);
                std::string data = b.substr(i + 4, n);
                p.barcodes.push_back(data.substr(0, 2) == "{B" ? data.substr(2) : data);
                i += 4 + n;
                break;
            }
            case '(': { // GS ( k pL pH cn fn ...: the QR functions
                REQUIRE(arg(2) == 'k');
                const std::size_t n = arg(3) + 256u * arg(4);
                const std::string body = b.substr(i + 5, n);
                REQUIRE(body.size() == n);
                if (body[0] == 49 && body[1] == 80) // store data
                    qr_data = body.substr(3);
                else if (body[0] == 49 && body[1] == 81) // print what is stored
                    p.qr_codes.push_back(qr_data);
                i += 5 + n;
                break;
            }
            case 'V':
                p.cut = true;
                p.cut_is_last_or_before_kick =
                    i + 4 == b.size() ||
                    (i + 4 < b.size() && b[i + 4] == 0x1B && b[i + 5] == 'p' && i + 9 == b.size());
                i += 4;
                break;
            default:
                p.unknown.push_back("GS " + std::to_string(arg(1)));
                i += 2;
            }
        } else if (c == '\n') {
            p.lines.push_back({bl::pos::from_cp865(text), align, bold, large});
            text.clear();
            ++i;
        } else {
            text += static_cast<char>(c);
            ++i;
        }
    }
    return p;
}

bool has_line(const Printed& p, const std::string& part) {
    for (const auto& l : p.lines)
        if (l.text.find(part) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("a cash receipt prints with Danish letters, legal fields, barcode, cut and kick") {
    const auto bytes =
        bl::pos::encode_receipt(bl::receipts::sales_receipt(test::sample_receipt(true)));
    const Printed p = read_escpos(bytes);
    CHECK(p.initialised);
    CHECK(p.codepage == 5);
    CHECK(p.unknown.empty());
    CHECK(p.lines.front().text.find("Vielgut Studio") != std::string::npos);
    CHECK(p.lines.front().large);
    CHECK(p.lines.front().align == 1);
    CHECK(has_line(p, "Jernbanegade 12"));
    CHECK(has_line(p, "6000 Kolding"));
    CHECK(has_line(p, "CVR 12345674"));
    CHECK(has_line(p, "Bon nr. 42"));
    CHECK(has_line(p, "27.11.2026 14:35"));
    CHECK(has_line(p, "Ekspedient: Søren"));
    CHECK(has_line(p, "Æblekage-fad, blå glasur"));
    CHECK(has_line(p, "2 stk. à 99,00"));
    CHECK(has_line(p, "Rabat"));
    CHECK(has_line(p, "I ALT"));
    CHECK(has_line(p, "447,20 kr."));
    // 25 % VAT of 427,20 is 85,44; the donation is VAT-free.
    CHECK(has_line(p, "Heraf moms 25 % (20 % af 427,20)"));
    CHECK(has_line(p, "85,44"));
    CHECK(has_line(p, "Momsfrit"));
    CHECK(has_line(p, "Kontant"));
    CHECK(has_line(p, "Byttepenge"));
    CHECK(has_line(p, "53,00"));
    CHECK(has_line(p, "Øreafrunding"));
    CHECK(has_line(p, "-0,20"));
    CHECK(has_line(p, "Tak for dit køb - og for at støtte værkstederne"));
    REQUIRE(p.barcodes.size() == 1);
    CHECK(p.barcodes[0] == "R1-42");
    CHECK(p.cut);
    CHECK(p.cut_is_last_or_before_kick);
    CHECK(p.drawer_kicked);
    for (const auto& l : p.lines) {
        INFO(l.text);
        CHECK(bl::utf8_length(l.text) <= (l.large ? 24u : 48u));
    }
}

TEST_CASE("card receipts do not open the drawer; copies and training say so") {
    auto d = test::sample_receipt(false);
    const Printed card = read_escpos(bl::pos::encode_receipt(bl::receipts::sales_receipt(d)));
    CHECK_FALSE(card.drawer_kicked);
    CHECK(has_line(card, "Kort (Nets 4711)"));
    d.copy = true;
    d.sale.training = true;
    const Printed copy = read_escpos(bl::pos::encode_receipt(bl::receipts::sales_receipt(d)));
    CHECK(has_line(copy, "*** KOPI ***"));
    CHECK(has_line(copy, "ØVELSE"));
    CHECK(copy.barcodes.at(0) == "T1-42");
}

TEST_CASE("refund receipts name the original receipt") {
    auto d = test::sample_receipt(false);
    d.sale.refund_of = "x";
    d.refund_of_number = 17;
    for (auto& l : d.sale.lines) {
        l.quantity = -l.quantity;
        l.discount = -l.discount;
    }
    d.sale.payments[0].amount = d.sale.total();
    const Printed p = read_escpos(bl::pos::encode_receipt(bl::receipts::sales_receipt(d)));
    CHECK(has_line(p, "RETURNERING"));
    CHECK(has_line(p, "Returnering af bon nr. 17"));
    CHECK(has_line(p, "-447,20 kr."));
}

TEST_CASE("code page 865 round-trips Danish letters; the rest falls back plainly") {
    CHECK(bl::pos::from_cp865(bl::pos::to_cp865("æøå ÆØÅ é ü")) == "æøå ÆØÅ é ü");
    CHECK(bl::pos::to_cp865("a–b…€") == "a-b.E");
    CHECK(bl::pos::to_cp865("2 × 500,00 kr.") == "2 x 500,00 kr.");
    CHECK(bl::pos::to_cp865("日本") == "??");
    CHECK(bl::pos::to_cp865(std::string("a\x07"
                                        "b")) == "a?b");
}

TEST_CASE("a byte that is not UTF-8 prints as one '?' and never takes the bytes after it") {
    // Found by fuzz_escpos: a lead byte swallowed the line break after it, a stray continuation
    // byte the three characters after it.
    CHECK(bl::pos::to_cp865("Caf\xc3\nx") == "Caf?\nx");
    CHECK(bl::pos::to_cp865("\x80" "abc") == "?abc");
    CHECK(bl::pos::to_cp865("\xff\xfe ok") == "?? ok");
    CHECK(bl::pos::to_cp865("\xc0\x9b") == "??");       // an overlong ESC
    CHECK(bl::pos::to_cp865("\xed\xa0\x80") == "???");  // a surrogate
    CHECK(bl::pos::to_cp865("tr\xc3\xa6") == "tr\x91"); // æ, whole, at the very end
    bl::receipts::ReceiptText r;
    r.lines.push_back(
        {"Vase \xc3\n h\xc3\xb8j", bl::receipts::TextLine::Align::left, false, false});
    const Printed p = read_escpos(bl::pos::encode_receipt(r));
    REQUIRE(p.lines.size() == 1);
    CHECK(p.lines[0].text == "Vase ?  høj");
}

TEST_CASE("long item names are shortened to fit one line with their price") {
    const std::string l = bl::receipts::two_columns(std::string(60, 'x'), "1.234,50");
    CHECK(bl::utf8_length(l) == 48);
    CHECK(l.find("…") != std::string::npos);
    CHECK(l.substr(l.size() - 8) == "1.234,50");
}

TEST_CASE("printer settings are parsed or refused with a reason") {
    auto dev = bl::pos::PrinterTarget::parse("/dev/usb/lp0");
    REQUIRE(dev.ok());
    CHECK(dev.value().kind == bl::pos::PrinterTarget::Kind::device);
    auto net = bl::pos::PrinterTarget::parse("192.168.1.50:9100");
    REQUIRE(net.ok());
    CHECK(net.value().host == "192.168.1.50");
    CHECK(net.value().port == 9100);
    CHECK(bl::pos::PrinterTarget::parse("printer.local").value().port == 9100);
    CHECK(bl::pos::PrinterTarget::parse("[::1]:9101").value().host == "::1");
    CHECK_FALSE(bl::pos::PrinterTarget::parse("").ok());
    CHECK_FALSE(bl::pos::PrinterTarget::parse("host:99999").ok());
    CHECK_FALSE(bl::pos::PrinterTarget::parse("host:abc").ok());
    CHECK_FALSE(bl::pos::PrinterTarget::parse("bad host:9100").ok());
}

TEST_CASE("receipts reach a device file and a network printer on port 9100") {
    const std::string bytes =
        bl::pos::encode_receipt(bl::receipts::sales_receipt(test::sample_receipt(true)));
    const auto path = std::filesystem::temp_directory_path() / "bundlinje-lp0-test";
    std::filesystem::remove(path);
    { std::ofstream create(path); }
    CHECK_FALSE(
        bl::pos::send_to_printer(bl::pos::PrinterTarget::parse(path.string()).value(), bytes));
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    CHECK(ss.str() == bytes);
    std::filesystem::remove(path);

    // A fake network printer on loopback.
    int srv = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(srv >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(srv, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::listen(srv, 1) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(srv, reinterpret_cast<sockaddr*>(&addr), &len);
    const int port = ntohs(addr.sin_port);
    std::string received;
    std::thread printer([&] {
        const int c = ::accept(srv, nullptr, nullptr);
        char buf[4096];
        ssize_t n;
        while ((n = ::read(c, buf, sizeof buf)) > 0)
            received.append(buf, static_cast<std::size_t>(n));
        ::close(c);
    });
    auto target = bl::pos::PrinterTarget::parse("127.0.0.1:" + std::to_string(port)).value();
    CHECK_FALSE(bl::pos::send_to_printer(target, bytes));
    printer.join();
    ::close(srv);
    CHECK(received == bytes);

    // Nobody listening any more: a clear message, quickly.
    auto gone = bl::pos::send_to_printer(target, bytes, std::chrono::milliseconds(500));
    REQUIRE(gone);
    CHECK_THAT(bl::render(*gone), Catch::Contains("does not answer"));
    CHECK_THAT(bl::render(*gone), Catch::Contains("The sale is saved"));
    auto missing =
        bl::pos::send_to_printer(bl::pos::PrinterTarget::parse("/nonexistent/lp9").value(), bytes);
    REQUIRE(missing);
    CHECK_THAT(bl::render(*missing), Catch::Contains("cannot be opened"));
}

TEST_CASE("the impact block: consented names, the others counted, work rounded with ca.") {
    auto d = test::sample_receipt(false);
    d.impact = bl::receipts::ImpactBlock{
        {"Keramikværkstedet", "Træværkstedet"}, 4, {"Anna", "Kasper"}, 160, true};
    const Printed p = read_escpos(bl::pos::encode_receipt(bl::receipts::sales_receipt(d)));
    CHECK(has_line(p, "Bag om tingene"));
    CHECK(has_line(p, "Lavet i Keramikværkstedet og Træværkstedet"));
    CHECK(has_line(p, "af Anna og Kasper"));
    // Makers who have not agreed to be named are counted in neutral words: the records show
    // no refusal, only no consent.
    CHECK(has_line(p, "+ 2 andre"));
    CHECK_FALSE(has_line(p, "ønsker"));
    CHECK(has_line(p, "Arbejde i varerne: ca. 2 t 40 min"));
    d.impact = bl::receipts::ImpactBlock{{"Keramikværkstedet"}, 3, {}, 40, false};
    const Printed q = read_escpos(bl::pos::encode_receipt(bl::receipts::sales_receipt(d)));
    CHECK(has_line(q, "af 3 producenter"));
    CHECK(has_line(q, "Arbejde i varerne: 40 min"));
    CHECK_FALSE(has_line(q, "ca."));
    // Training receipts carry no impact claims.
    d.sale.training = true;
    const Printed t = read_escpos(bl::pos::encode_receipt(bl::receipts::sales_receipt(d)));
    CHECK_FALSE(has_line(t, "Bag om tingene"));
}

TEST_CASE("the Z report prints the Danish figures, the difference and the grand total") {
    bl::receipts::ShiftReportData d;
    d.shop = {"", "Vielgut Studio", "Jernbanegade 12", "6000", "Kolding", "12345674"};
    d.till_name = "Kasse 1";
    d.staff_name = "Lise";
    d.z = true;
    d.z_number = 7;
    d.opened_at = *bl::parse_utc("2026-11-27T08:45:00Z");
    d.printed_at = *bl::parse_utc("2026-11-27T16:45:00Z");
    d.totals.sales = 12;
    d.totals.refunds = 1;
    d.totals.gross = Money::from_ore(250000);
    d.totals.cash = Money::from_ore(60050);
    d.totals.expected_cash = Money::from_ore(160050);
    d.totals.by_seller = {{"Mette", Money::from_ore(250000)}};
    d.totals.grand_total = Money::from_ore(6250470);
    d.totals.vat = {{bl::VatRate::standard(), Money::from_ore(250000), Money::from_ore(50000)}};
    d.opening_float = Money::from_kroner(1000);
    d.counted = Money::from_ore(160000);
    const auto r = bl::receipts::shift_report(d);
    CHECK(r.name == "Z-7");
    const Printed p = read_escpos(bl::pos::encode_receipt(r));
    CHECK(has_line(p, "Z-RAPPORT nr. 7"));
    CHECK(has_line(p, "17:45")); // Copenhagen time
    CHECK(has_line(p, "Ekspedient Mette"));
    CHECK(has_line(p, "Moms 25 % af 2.500,00"));
    CHECK(has_line(p, "1.600,50"));
    CHECK(has_line(p, "-0,50"));
    CHECK(has_line(p, "62.504,70"));
    CHECK_FALSE(p.drawer_kicked);
}

TEST_CASE("cash counted by denomination adds up") {
    std::vector<std::int64_t> counts(11, 0);
    counts[0] = 1;  // 1.000 kr.
    counts[3] = 4;  // 4 x 100 kr.
    counts[9] = 7;  // 7 x 1 kr.
    counts[10] = 3; // 3 x 50 øre
    CHECK(bl::count_cash(counts).ore() == 100000 + 40000 + 700 + 150);
    CHECK(bl::count_cash({}).ore() == 0);
}

TEST_CASE("an impact receipt prints as text in 48 columns with its QR code on the receipt "
          "printer") {
    bl::doc::ImpactReceiptData d;
    d.shop = test::sample_receipt(false).shop;
    d.sale_id = "01a1f871-0980-7336-888d-6e0aad6245dd";
    d.receipt_number = 42;
    d.sold_at = *bl::parse_utc("2026-11-27T13:35:00Z");
    d.generated_at = d.sold_at;
    d.items = {{"Krus med hank, blå glasur", 2}, {"Viskestykke, hør", 1}};
    d.impact.workshops = {"Keramikværkstedet", "Tekstilværkstedet"};
    d.impact.makers = 4;
    d.impact.named = {"Anna"};
    d.impact.work = bl::WorkMinutes::whole(163);
    d.impact.approximate = true;
    const auto text = bl::doc::impact_receipt_text(d);
    const Printed p = read_escpos(bl::pos::encode_receipt(text));
    CHECK(p.unknown.empty());
    REQUIRE(p.qr_codes.size() == 1);
    CHECK(p.qr_codes[0] == bl::doc::impact_receipt_code(d.sale_id));
    CHECK(p.barcodes.empty());
    CHECK(has_line(p, "Bag om tingene"));
    CHECK(has_line(p, "Kvittering nr. 42, 27.11.2026 14:35"));
    CHECK(has_line(p, "Krus med hank, blå glasur"));
    CHECK(has_line(p, "Lavet på Keramikværkstedet og"));
    CHECK(has_line(p, "af Anna + 3 andre"));
    CHECK(has_line(p, "Arbejde i varerne: ca. 2 t 40 min"));
    CHECK(has_line(p, "Kontrol-id " + d.sale_id));
    for (const auto& l : p.lines)
        CHECK(bl::utf8_length(l.text) <= (l.large ? 24u : 48u));
    CHECK(p.cut);
    CHECK_FALSE(p.drawer_kicked);
}
