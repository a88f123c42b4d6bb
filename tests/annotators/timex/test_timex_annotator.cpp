// The annotator as the pipeline sees it: interface, offsets, language fallback, threads.
#include "timex_test_util.hpp"

#include "annotators/timex/timex_grammar.hpp"
#include "annotators/timex/timex_tagger.hpp"

#include <thread>

namespace storyline::timex_test {
namespace {

TEST(timex_annotator, test_timex_interface) {
    auto a = make_timex_annotator();
    EXPECT_EQ(a->name(), "timex");
    EXPECT_EQ(a->reads(), "sentences");
    EXPECT_EQ(a->writes(), "timex");
}

TEST(timex_annotator, test_timex_byte_offsets_sorted_non_overlapping) {
    const std::string text = "« Aujourd’hui », a-t-il dit jeudi, « la crise est finie » ; l’été dernier aussi.";
    auto a = make_timex_annotator();
    Document doc;
    doc.article.text = text;
    doc.article.lang = "fr";
    doc.article.published.value = "2022-01-14T09:00:00Z";
    a->annotate(doc);
    ASSERT_GE(doc.timexes.size(), 2u);
    for (std::size_t i = 0; i < doc.timexes.size(); ++i) {
        EXPECT_LE(doc.timexes[i].span.end, text.size());
        if (i > 0) {
            EXPECT_LE(doc.timexes[i - 1].span.end, doc.timexes[i].span.begin);
        }
    }
    EXPECT_EQ(doc.timexes[0].span.in(text), "Aujourd’hui");
}

TEST(timex_annotator, test_timex_unknown_language_uses_best_grammar) {
    auto f = tag("", "Le gouvernement a confirmé jeudi le retrait.", "2022-01-14");
    EXPECT_EQ(value_of(f, "jeudi"), "2022-01-13");
    f = tag("de", "The deal closed on March 3, 2004.", "2022-01-14");
    EXPECT_EQ(value_of(f, "March 3, 2004"), "2004-03-03");
}

TEST(timex_annotator, test_timex_concurrent_annotate) {
    auto a = make_timex_annotator();
    std::vector<std::thread> threads;
    std::vector<std::size_t> counts(4);
    for (std::size_t t = 0; t < counts.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 50; ++i) {
                Document doc;
                doc.article.text = "Yesterday, Friday and last week; hier et la semaine dernière.";
                doc.article.lang = t % 2 ? "fr" : "en";
                doc.article.published.value = "2022-01-14";
                a->annotate(doc);
                counts[t] = doc.timexes.size();
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_GT(counts[0], 0u);
    EXPECT_GT(counts[1], 0u);
}

} // namespace
} // namespace storyline::timex_test

namespace storyline::timex_test {
namespace {

TEST(timex_annotator, test_timex_best_grammar_tokenizes_once_with_the_same_result) {
    const auto en = timex::load_grammar("en");
    const auto fr = timex::load_grammar("fr");
    ASSERT_TRUE(en && fr);
    const std::vector<const timex::Grammar*> both = {en.get(), fr.get()};
    for (const std::string text : {"Le gouvernement a confirmé jeudi le retrait, le 3 mars 2004.",
                                   "The deal closed on March 3, 2004, two days later than planned.", "",
                                   "Rien. Nothing at all.", "Yesterday, Friday and last week; hier et la semaine dernière."}) {
        std::vector<Timex> want;
        for (const auto* g : both) {
            auto found = timex::tag(*g, text, "2022-01-14");
            if (found.size() > want.size()) want = std::move(found);
        }
        const auto got = timex::tag_with_best(both, text, "2022-01-14");
        ASSERT_EQ(got.size(), want.size()) << text;
        for (std::size_t k = 0; k < got.size(); ++k) {
            EXPECT_EQ(got[k].span, want[k].span) << text;
            EXPECT_EQ(got[k].value, want[k].value) << text;
        }
    }
}

} // namespace
} // namespace storyline::timex_test
