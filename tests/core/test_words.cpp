#include "core/text/utf8.hpp"
#include "core/text/words.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using namespace storyline;

namespace {

// words_in as first written, one code point at a time: the reference the fast scan must match.
std::vector<Word> reference_words(std::string_view text, Span range) {
    std::vector<Word> out;
    const std::size_t end = std::min<std::size_t>(range.end, text.size());
    const auto word_char_at = [&](std::size_t i) {
        const char32_t cp = next_code_point(text, i);
        return is_letter(cp) || is_digit(cp);
    };
    std::size_t i = range.begin;
    while (i < end) {
        Word w;
        w.span.begin = static_cast<std::uint32_t>(i);
        const char32_t first = next_code_point(text, i);
        if (!is_letter(first) && !is_digit(first)) continue;
        w.capitalised = is_upper(first);
        std::size_t last = i;
        while (i < end) {
            std::size_t j = i;
            const char32_t cp = next_code_point(text, j);
            if (is_letter(cp) || is_digit(cp)) {
                i = last = j;
                continue;
            }
            if ((cp == '-' || cp == 0x2010 || cp == 0x2011) && j < end && word_char_at(j)) {
                i = j;
                continue;
            }
            break;
        }
        w.span.end = static_cast<std::uint32_t>(last);
        out.push_back(w);
    }
    return out;
}

std::vector<std::string> spans_of(std::string_view text, const std::vector<Word>& words) {
    std::vector<std::string> out;
    for (const auto& w : words) out.push_back(std::string(w.span.in(text)) + (w.capitalised ? "^" : ""));
    return out;
}

} // namespace

TEST(test_words, long_runs_and_range_ends_inside_words) {
    const std::string text = "Internationalisation-of-everything 12345678901234567890abc x";
    const auto words = words_in(text, Span{0, 25});
    EXPECT_EQ(spans_of(text, words), (std::vector<std::string>{"Internationalisation-of-e^"}));
    const auto all = words_in(text, Span{0, static_cast<std::uint32_t>(text.size())});
    EXPECT_EQ(spans_of(text, all),
              (std::vector<std::string>{"Internationalisation-of-everything^", "12345678901234567890abc", "x"}));
}

TEST(test_words, fast_scan_matches_the_code_point_reference) {
    const std::vector<std::string> pieces = {"a", "Z", "q", "7", "word", "Reuters", "1,500", "-", "--", " ", "  ", "\n",
                                             ".", "'", "é", "É", "ß", "’", "«", "»", "\u2010", "\u2011", "\u2014",
                                             "\xC3", "\xE2\x80", "\xFF", "abcdefghijklmnopqrstuvwxyz",
                                             "ABCDEFGHIJKLMNOP0123456789", "@", "[", "`", "{", "/", ":"};
    std::mt19937 rng(20261126);
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int n = static_cast<int>(rng() % 48);
        for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
        const auto size = static_cast<std::uint32_t>(text.size());
        const std::uint32_t begin = size ? static_cast<std::uint32_t>(rng() % (size + 1)) : 0;
        const std::uint32_t end = begin + (size > begin ? static_cast<std::uint32_t>(rng() % (size - begin + 1)) : 0);
        for (const Span range : {Span{0, size}, Span{begin, end}, Span{begin, size + 5}}) {
            std::vector<Word> got;
            words_in(text, range, got);
            const auto want = reference_words(text, range);
            ASSERT_EQ(spans_of(text, got), spans_of(text, want)) << text << " [" << range.begin << ", " << range.end << ")";
            for (std::size_t w = 0; w < want.size(); ++w) {
                ASSERT_EQ(got[w].span.begin, want[w].span.begin) << text;
                ASSERT_EQ(got[w].span.end, want[w].span.end) << text;
            }
        }
    }
}
