#include "importers/importer.hpp"
#include "importers/input_checks.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace storyline;

TEST(test_input_checks, head_has_tag_ignores_case_and_needs_the_whole_tag_in_the_head) {
    EXPECT_TRUE(head_has_tag("<!DOCTYPE HTML><p>x", 2048, {"<!doctype html"}));
    EXPECT_TRUE(head_has_tag("text <Body class=a>", 2048, {"<html", "<body"}));
    EXPECT_FALSE(head_has_tag("Shares of <MMM> rose; <ABC> fell", 2048, {"<html", "<body"}));
    EXPECT_FALSE(head_has_tag("no tag at all", 2048, {"<html"}));
    // The tag must end inside the limit, as a search in the lower-cased head would see it.
    EXPECT_FALSE(head_has_tag("12345<html>", 8, {"<html"}));
    EXPECT_TRUE(head_has_tag("12345<html>", 10, {"<html"}));
    EXPECT_TRUE(head_has_tag("<<rss version", 1024, {"<rss"}));
}

TEST(test_input_checks, binary_content_is_refused_with_its_reason) {
    EXPECT_NO_THROW(require_not_binary("Line one\r\n\tLine two\f"));
    try {
        require_not_binary(std::string("text\0more", 9));
        FAIL() << "NUL bytes accepted";
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("NUL"), std::string::npos);
    }
    try {
        require_not_binary("\x01\x02\x03\x04 ab");
        FAIL() << "control characters accepted";
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("control characters"), std::string::npos);
    }
    EXPECT_THROW(require_utf8_text("caf\xe9"), ImportError);
    EXPECT_NO_THROW(require_utf8_text("caf\xc3\xa9"));
}

TEST(test_input_checks, plain_ascii_text_is_printable_ascii_newlines_and_tabs) {
    EXPECT_TRUE(plain_ascii_text("Line one\n\tLine two ~"));
    EXPECT_TRUE(plain_ascii_text(std::string(200, 'a') + "\n" + std::string(77, 'b')));
    for (const std::string& bad : std::vector<std::string>{"\r", "\f", std::string(1, '\0'), "\x7F", "\x01", "\x1F", "\xC3\xA9", "\x80", "\xFF"}) {
        // the bad byte at every position of a long text (both the 8-byte words and the tail)
        for (std::size_t at = 0; at < 80; at += 7) {
            std::string s(90, 'x');
            s.replace(at, bad.size(), bad);
            EXPECT_FALSE(plain_ascii_text(s)) << at;
        }
        EXPECT_FALSE(plain_ascii_text("ab" + bad));
    }
}
