// The entity tokenizer's folds (views into one buffer per article) and the gazetteer's start-up
// parsing: fast paths that must give what the general ones give.
#include "annotators/entities/data_lines.hpp"
#include "core/lang/resources.hpp"
#include "entities_test_util.hpp"

#include <utility>

namespace storyline::entities_test {
namespace {

std::vector<std::string> folds_of(const entities::Tokens& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.emplace_back(t.fold);
    return out;
}

TEST(entities_tokenizer, test_entities_tokenizer_fast_and_general_words_fold_alike) {
    const auto tokens = entities::tokenize("Putin's U.S. visit, l'OTSC and Jean-Claude in ZÜRICH said 35 WORDS.");
    const std::vector<std::string> expected = {"putin", "'s",  "u.s.", "visit", ",",    "l'",   "otsc",
                                               "and",   "jean-claude", "in", "zurich", "said", "35",
                                               "words", "."};
    EXPECT_EQ(folds_of(tokens), expected);
    EXPECT_EQ(tokens[0].shape, entities::Shape::capitalised);
    EXPECT_EQ(tokens[5].shape, entities::Shape::elision);
    EXPECT_EQ(tokens[10].shape, entities::Shape::all_caps);
    EXPECT_EQ(tokens[12].shape, entities::Shape::number);
    for (const auto& t : tokens) EXPECT_EQ(t.hash, StringHash::of(t.fold)) << t.fold;
}

TEST(entities_tokenizer, test_entities_tokenizer_folds_survive_a_move) {
    auto tokens = entities::tokenize("Talks in Paris ended.");
    const entities::Tokens moved = std::move(tokens);
    ASSERT_EQ(moved.size(), 5u);
    EXPECT_EQ(moved[2].fold, "paris");
    EXPECT_EQ(moved[4].fold, ".");
}

// One buffer reused for texts long and short (as each worker does): every text's tokens are
// those a fresh tokenize() gives, facts and folds alike; a moved-from buffer is usable again.
TEST(entities_tokenizer, test_entities_tokenizer_reused_buffer_gives_fresh_results) {
    const std::string long_text = std::string(300, 'x') + " Vladimir Poutine a rencontré l'OTSC à Moscou, "
                                  "jeudi. Ärzte ohne Grenzen in ZÜRICH.\n\nNew paragraph here.";
    const std::vector<std::string> texts = {long_text, "Short.", long_text + long_text, "", "Talks in Paris ended.",
                                            long_text};
    entities::Tokens reused;
    for (const auto& text : texts) {
        entities::tokenize_into(text, true, reused);
        const auto fresh = entities::tokenize(text, true);
        ASSERT_EQ(reused.size(), fresh.size()) << text;
        EXPECT_EQ(folds_of(reused), folds_of(fresh));
        for (std::size_t k = 0; k < fresh.size(); ++k) {
            EXPECT_EQ(reused[k].begin, fresh[k].begin);
            EXPECT_EQ(reused[k].end, fresh[k].end);
            EXPECT_EQ(reused[k].hash, fresh[k].hash);
            EXPECT_EQ(reused[k].shape, fresh[k].shape);
            EXPECT_EQ(reused[k].sentence_start, fresh[k].sentence_start);
            EXPECT_EQ(reused[k].line_start, fresh[k].line_start);
            EXPECT_EQ(reused[k].blank_line_before, fresh[k].blank_line_before);
            EXPECT_EQ(reused[k].space_before, fresh[k].space_before);
        }
    }
    entities::Tokens taken = std::move(reused);
    entities::tokenize_into("After the move.", false, reused);
    EXPECT_EQ(folds_of(reused), (std::vector<std::string>{"after", "the", "move", "."}));
}

TEST(entities_tokenizer, test_entities_tokenizer_long_and_growing_words) {
    // Longer than the fast path's stack of 48 bytes: folded whole by the general path.
    const std::string long_word(60, 'A');
    const auto tokens = entities::tokenize(long_word + " x");
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_EQ(tokens[0].fold, std::string(60, 'a'));
    // U+023A folds to U+2C65: three bytes for two, the most a fold grows.
    std::string growing;
    for (int k = 0; k < 200; ++k) growing += "\xc8\xba";
    const auto grown = entities::tokenize(growing);
    ASSERT_EQ(grown.size(), 1u);
    std::string expected;
    for (int k = 0; k < 200; ++k) expected += "\xe2\xb1\xa5";
    EXPECT_EQ(grown[0].fold, expected);
}

// The fast path reads eight bytes at a time: words that end on, before and after a multiple of
// eight, at the very end of the text, and at the fast path's length limit fold and shape as a
// byte-by-byte scan would.
TEST(entities_tokenizer, test_entities_tokenizer_word_runs_across_eight_byte_steps) {
    for (std::size_t len = 1; len <= 50; ++len) {
        for (std::size_t lead = 0; lead < 9; ++lead) {
            std::string word;
            for (std::size_t k = 0; k < len; ++k) word.push_back(k % 3 == 0 ? static_cast<char>('A' + k % 26) : k % 3 == 1 ? static_cast<char>('a' + k % 26) : static_cast<char>('0' + k % 10));
            std::string lower = word;
            for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
            for (const std::string& after : {std::string(), std::string(" next"), std::string(", x"), std::string("\xc3\xa9t\xc3\xa9")}) {
                const std::string text = std::string(lead, ' ') + word + after;
                const auto tokens = entities::tokenize(text);
                ASSERT_FALSE(tokens.empty()) << text;
                // A letter past ASCII joins the word ("Ab1été"): the general path folds it all.
                const bool accented = after.starts_with("\xc3");
                const std::string expected = accented ? lower + "ete" : lower;
                EXPECT_EQ(tokens[0].fold, expected) << text;
                EXPECT_EQ(tokens[0].begin, lead) << text;
                EXPECT_EQ(tokens[0].hash, StringHash::word(tokens[0].fold)) << text;
                EXPECT_EQ(tokens[0].shape, len == 1 && !accented ? entities::Shape::all_caps : entities::Shape::capitalised) << text;
            }
        }
    }
    EXPECT_EQ(entities::tokenize("ABCDEFGHIJ")[0].shape, entities::Shape::all_caps);
    EXPECT_EQ(entities::tokenize("abcdefghij")[0].shape, entities::Shape::lower);
    EXPECT_EQ(entities::tokenize("1234567890123")[0].shape, entities::Shape::number);
    EXPECT_EQ(entities::tokenize("x 12345678901234567 y")[1].shape, entities::Shape::number);
}

// A phrase's hash is made from its words' hashes: the gazetteer hashes "new york" as a string,
// the recognizer token by token, and a one-word phrase is its word's hash.
TEST(entities_tokenizer, test_string_hash_of_phrases_and_words) {
    for (const std::string_view phrase : {"new york", "a b c", "rio de janeiro", "l' otsc", "x"}) {
        StringHash h;
        std::size_t from = 0;
        for (std::size_t to = phrase.find(' '); ; to = phrase.find(' ', from)) {
            h.add_word(StringHash::word(phrase.substr(from, to == std::string_view::npos ? std::string_view::npos : to - from)));
            if (to == std::string_view::npos) break;
            from = to + 1;
        }
        EXPECT_EQ(h.value(), StringHash::of(phrase)) << phrase;
    }
    EXPECT_EQ(StringHash::of("paris"), StringHash::word("paris"));
    EXPECT_NE(StringHash::of("new york"), StringHash::of("newyork"));
    EXPECT_NE(StringHash::of("new york"), StringHash::of("york new"));
    EXPECT_NE(StringHash::of("new york"), StringHash::word("new york"));
    EXPECT_NE(StringHash::word("ab"), StringHash::word(std::string_view("ab\0", 3)));   // the length counts
    // word_padded reads past the word and masks: the same value as word(), whatever follows.
    std::string buffer(80, '\xff');
    for (std::size_t n = 0; n <= 64; ++n) {
        for (std::size_t k = 0; k < n; ++k) buffer[k] = static_cast<char>('a' + (k * 7 + n) % 26);
        EXPECT_EQ(StringHash::word_padded(buffer.data(), n), StringHash::word(std::string_view(buffer.data(), n))) << n;
    }
}

TEST(entities_tokenizer, test_entities_data_lines_skip_comments_and_keep_empty_fields) {
    std::vector<std::string> lines;
    for_each_data_line("# comment\n// FORMAT: a\tb\n\na\t\tc  \r\nlast", [&](std::string_view l) {
        lines.emplace_back(l);
    });
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "a\t\tc");
    const entities::Fields f(lines[0], '\t');
    EXPECT_EQ(f.size(), 3u);
    EXPECT_EQ(f[1], "");
    EXPECT_EQ(f[2], "c");
    EXPECT_EQ(f[7], "");   // past the last field
    EXPECT_FALSE(read_data_file("/nonexistent/storyline/file.tsv").has_value());
}

TEST(entities_tokenizer, test_gazetteer_accented_names_and_ids) {
    test_support::use_source_resources();
    const auto& gaz = entities::gazetteer();
    // "Saint-Étienne" takes the plain-letter path of the phrase keys, "St. Louis" the tokenizer.
    const auto* list = gaz.find("saint-etienne");
    ASSERT_NE(list, nullptr);
    EXPECT_EQ(gaz.entry(list->front()).id, "city:2980291");
    EXPECT_NE(gaz.find("st . louis"), nullptr);
    const auto* kz = gaz.by_id("country:KZ");
    ASSERT_NE(kz, nullptr);
    EXPECT_EQ(kz->canonical, "Kazakhstan");
    EXPECT_GT(kz->latitude, 47.9);
    EXPECT_LT(kz->latitude, 48.1);
    EXPECT_EQ(gaz.by_id("country:ZZ"), nullptr);
    EXPECT_EQ(gaz.find("no such place anywhere"), nullptr);
}

} // namespace
} // namespace storyline::entities_test
