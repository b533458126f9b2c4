// The PDF receipt as a person (and a scanner) would see it: text through pdftotext, the
// barcode through pdftoppm and zbarimg (poppler-utils, zbar-tools).

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include <catch2/catch.hpp>

#include "pos/print/transport.hpp"
#include "receipts/pdf/pdf_receipt.hpp"
#include "sample_receipt.hpp"

namespace {

std::string run(const std::string& cmd) {
    std::string out;
    const std::string quiet = cmd + " 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> p(::popen(quiet.c_str(), "r"), ::pclose);
    REQUIRE(p);
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p.get())) > 0)
        out.append(buf.data(), n);
    return out;
}

} // namespace

TEST_CASE("the PDF receipt has the Danish text and a barcode that scans") {
    bl::receipts::ReceiptData d = test::sample_receipt(false);
    d.impact = bl::receipts::ImpactBlock{{"Keramikværkstedet"}, 3, {"Anna"}, 40, true};
    const auto dir = std::filesystem::temp_directory_path() / "bundlinje-pdf-test";
    std::filesystem::create_directories(dir);
    const std::string pdf = (dir / "R1-42.pdf").string();
    REQUIRE_FALSE(bl::receipts::write_pdf_receipt(bl::receipts::sales_receipt(d), pdf));

    const std::string text = run("pdftotext -layout '" + pdf + "' -");
    CHECK_THAT(text, Catch::Contains("Vielgut Studio"));
    CHECK_THAT(text, Catch::Contains("CVR 12345674"));
    CHECK_THAT(text, Catch::Contains("Æblekage-fad, blå glasur"));
    CHECK_THAT(text, Catch::Contains("Ekspedient: Søren"));
    CHECK_THAT(text, Catch::Contains("Heraf moms 25 %"));
    CHECK_THAT(text, Catch::Contains("Bag om tingene"));
    CHECK_THAT(text, Catch::Contains("Keramikværkstedet"));
    CHECK_THAT(text, Catch::Contains("ca. 40 min"));
    const std::string fonts = run("pdffonts '" + pdf + "'");
    CHECK_THAT(fonts, Catch::Contains("DejaVuSansMono"));
    CHECK_THAT(fonts, Catch::Contains("yes")); // embedded

    run("pdftoppm -r 300 -png '" + pdf + "' '" + (dir / "page").string() + "'");
    std::string png;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".png")
            png = e.path().string();
    REQUIRE_FALSE(png.empty());
    CHECK_THAT(run("zbarimg -q '" + png + "'"), Catch::Contains("CODE-128:R1-42"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("CUPS printer settings are read, and a missing queue is explained") {
    auto t = bl::pos::PrinterTarget::parse("cups:Kontorprinter");
    REQUIRE(t.ok());
    CHECK(t.value().kind == bl::pos::PrinterTarget::Kind::cups);
    CHECK(t.value().path == "Kontorprinter");
    CHECK_FALSE(bl::pos::PrinterTarget::parse("cups:").ok());
    CHECK_FALSE(bl::pos::PrinterTarget::parse("cups:a b").ok());
    auto p = bl::pos::print_pdf_with_cups("NoSuchQueue", "/nonexistent.pdf");
    REQUIRE(p);
    CHECK_THAT(bl::render(*p), Catch::Contains("did not take the receipt"));
}

TEST_CASE("an lp that never finishes is stopped at the time limit") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / "bundlinje-stuck-lp";
    fs::create_directories(dir);
    {
        std::ofstream lp(dir / "lp");
        lp << "#!/bin/sh\nexec sleep 600\n";
    }
    fs::permissions(dir / "lp", fs::perms::owner_all);
    const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
    ::setenv("PATH", (dir.string() + ":" + path).c_str(), 1);
    auto p = bl::pos::print_pdf_with_cups("Kontorprinter", "/nonexistent.pdf",
                                          std::chrono::milliseconds(300));
    ::setenv("PATH", path.c_str(), 1);
    fs::remove_all(dir);
    REQUIRE(p); // it came back (after the limit) and says so
    CHECK_THAT(bl::render(*p), Catch::Contains("did not take the receipt"));
}
