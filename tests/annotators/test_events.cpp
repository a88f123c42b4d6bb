#include "annotators/events/event_annotator.hpp"
#include "annotators/sentences/sentence_annotator.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

using namespace storyline;

namespace {
Document annotate(const std::string& text, const std::string& lang, const std::string& dct) {
    test_support::use_source_resources();
    Document d;
    d.article.text = text;
    d.article.lang = lang;
    if (!dct.empty()) d.article.published = {dct, "record"};
    d.sentences = split_sentences(text, lang);
    make_event_annotator()->annotate(d);
    return d;
}
} // namespace

TEST(test_events, french_trigger_typed_and_dated_by_document) {
    const auto d = annotate("Les troupes commencent à se retirer du pays.", "fr", "2022-01-14");
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_EQ(d.events[0].type, "begin");
    EXPECT_EQ(d.events[0].time_value, "2022-01-14");
    EXPECT_EQ(d.events[0].time_source, TimeSource::document);
}

TEST(test_events, timex_in_sentence_dates_the_event) {
    test_support::use_source_resources();
    Document d;
    d.article.text = "Russia said on Thursday it would leave.";
    d.article.lang = "en";
    d.article.published = {"2022-01-14", "record"};
    d.sentences = split_sentences(d.article.text, "en");
    d.timexes.push_back(Timex{Span{15, 23}, TimexType::date, "2022-01-13", "", "", true});
    make_event_annotator()->annotate(d);
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_EQ(d.events[0].type, "statement");
    EXPECT_EQ(d.events[0].time_value, "2022-01-13");
    EXPECT_EQ(d.events[0].time_source, TimeSource::timex);
    EXPECT_EQ(d.events[0].modality, Modality::hypothetical);
}

TEST(test_events, no_document_date_means_no_invented_date) {
    const auto d = annotate("The troops will withdraw.", "en", "");
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_EQ(d.events[0].time_value, "");
    EXPECT_EQ(d.events[0].time_source, TimeSource::none);
    EXPECT_EQ(d.events[0].modality, Modality::planned);
}
