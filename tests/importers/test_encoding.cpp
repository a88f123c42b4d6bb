#include "importers/encoding.hpp"
#include "importers/gzip.hpp"
#include "importers/import_bytes.hpp"
#include "tests/importers/gzip_bytes.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace storyline;

using test_support::gzip_bytes;

TEST(test_encoding, utf8_with_and_without_bom) {
    EXPECT_EQ(decode_text("\xEF\xBB\xBF" "café").text, "café");
    EXPECT_EQ(decode_text("café").charset, "UTF-8");
}

TEST(test_encoding, utf16_with_bom_both_orders) {
    EXPECT_EQ(decode_text(std::string("\xFF\xFE" "a\0\xE9\0", 6)).text, "aé");
    EXPECT_EQ(decode_text(std::string("\xFE\xFF\0a\0\xE9", 6)).text, "aé");
}

TEST(test_encoding, windows_1252_and_declared_charsets) {
    // 0x92 is a right single quote in windows-1252, 0x80 the euro sign.
    EXPECT_EQ(decode_text("l\x92\xE9t\xE9 co\xFBte 5 \x80").text, "l’été coûte 5 €");
    EXPECT_EQ(declared_charset("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"), "iso-8859-1");
    EXPECT_EQ(declared_charset("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss>"), "windows-1252");
}

TEST(test_encoding, invalid_bytes_never_throw_and_mostly_utf8_stays_utf8) {
    const auto d = decode_text("déjà vu, très bien, voilà \xFF fin");
    EXPECT_EQ(d.charset, "UTF-8");
    EXPECT_NE(d.text.find("déjà"), std::string::npos);
    EXPECT_NO_THROW((void)decode_text("\xC3\x28\xA0\xA1\xE2\x28\xA1\xF0\x90\x28\xBC"));
}

TEST(test_encoding, nfc_spaces_and_line_ends) {
    // "e" + combining acute → "é"; no-break and narrow no-break spaces → ' '; CRLF → LF
    EXPECT_EQ(normalise_unicode("cafe\xCC\x81\xC2\xA0:\xE2\x80\xAF!\r\nx\ry"), "café : !\nx\ny");
}

TEST(test_encoding, binary_and_empty_inputs_are_rejected) {
    EXPECT_THROW((void)decode_text(""), ImportError);
    EXPECT_THROW((void)decode_text(std::string("PK\3\4\0\0\0", 7)), ImportError);
}

TEST(test_encoding, gzip_jsonl_is_inflated_and_bounded) {
    test_support::use_source_resources();
    const std::string jsonl = "{\"title\":\"A\",\"text\":\"First story.\"}\n{\"title\":\"B\",\"text\":\"Second story.\"}\n";
    const auto f = import_bytes(gzip_bytes(jsonl), SourceInfo{"dump.jsonl.gz", "gz", "", ""});
    EXPECT_EQ(f.format, "jsonl");
    EXPECT_EQ(f.result.articles.size(), 2u);
    const std::string zeros = gzip_bytes(std::string(1 << 20, ' '));
    EXPECT_THROW((void)gunzip(zeros, 1000), ImportError);
    EXPECT_THROW((void)gunzip(zeros.substr(0, zeros.size() / 2)), ImportError);
}

TEST(test_encoding, plain_ascii_text_is_kept_as_it_is) {
    // The fast path for printable ASCII gives what full normalisation gives.
    for (const std::string& text : std::vector<std::string>{"Plain text.\n\tIndented line.\n", "a ~ z\n\n", std::string(100, 'q') + "\n" + std::string(33, 'r')}) {
        EXPECT_EQ(decode_text(text).text, normalise_unicode(text));
        EXPECT_EQ(decode_text(text).charset, "UTF-8");
    }
}
