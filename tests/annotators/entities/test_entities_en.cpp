// English recognition, one rule family per test, on sentences written for the test.
#include "entities_test_util.hpp"

namespace storyline::entities_test {
namespace {

TEST(entities_en, test_entities_gazetteer_countries_and_cities) {
    const auto doc = annotate("Talks in Moscow and Paris involved Germany and the United States.", "en");
    EXPECT_ENTITY(doc, "Moscow", EntityType::location);
    EXPECT_EQ(find(doc, "Moscow")->kb_id, "city:524901");
    EXPECT_EQ(find(doc, "Paris")->kb_id, "city:2988507");
    EXPECT_EQ(find(doc, "Germany")->key, "country:DE");
    EXPECT_EQ(find(doc, "United States")->key, "country:US");
}

TEST(entities_en, test_entities_title_and_honorific_mark_persons) {
    const auto doc = annotate("On Monday President Clinton met Mr Blinken in Washington.", "en");
    EXPECT_ENTITY(doc, "Clinton", EntityType::person);
    EXPECT_ENTITY(doc, "Blinken", EntityType::person);  // "Mr" stays out of the span
    EXPECT_EQ(find(doc, "Mr Blinken"), nullptr);
}

TEST(entities_en, test_entities_given_name_starts_person) {
    const auto doc = annotate("The new captain is Alan Shearer, who joined the club this year.", "en");
    EXPECT_ENTITY(doc, "Alan Shearer", EntityType::person);
}

TEST(entities_en, test_entities_organisation_cues) {
    const auto doc = annotate("Shares of Acme Widgets Corp rose after the Ministry of Defence spoke.", "en");
    EXPECT_ENTITY(doc, "Acme Widgets Corp", EntityType::organization);
    EXPECT_ENTITY(doc, "Ministry of Defence", EntityType::organization);
}

TEST(entities_en, test_entities_known_organisation_acronym) {
    const auto doc = annotate("The NATO summit ended as the European Union met.", "en");
    EXPECT_EQ(find(doc, "NATO")->key, "org:nato");
    EXPECT_EQ(find(doc, "European Union")->key, "org:eu");
}

TEST(entities_en, test_entities_demonym_refers_to_country) {
    const auto doc = annotate("Officials said American and Russian troops would leave.", "en");
    EXPECT_EQ(find(doc, "American")->key, "country:US");
    EXPECT_EQ(find(doc, "Russian")->key, "country:RU");
}

TEST(entities_en, test_entities_sentence_initial_common_word_is_no_name) {
    const auto doc = annotate("Police said the fire was out.\nAttendance: 12,000.", "en");
    EXPECT_EQ(find(doc, "Police"), nullptr) << dump(doc);
    EXPECT_EQ(find(doc, "Attendance"), nullptr) << dump(doc);
}

TEST(entities_en, test_entities_surname_takes_full_name_key) {
    const auto doc = annotate("Antony Blinken arrived on Friday. Blinken said the talks went well.", "en");
    ASSERT_NE(find(doc, "Blinken"), nullptr) << dump(doc);
    EXPECT_EQ(find(doc, "Blinken")->key, find(doc, "Antony Blinken")->key);
    EXPECT_EQ(find(doc, "Blinken")->canonical, "Antony Blinken");
}

TEST(entities_en, test_entities_head_line_capitals_follow_the_body) {
    const auto doc = annotate("PUTIN VISITS ALMATY\nVladimir Putin arrived in Almaty on Monday.", "en");
    EXPECT_ENTITY(doc, "PUTIN", EntityType::person);
    EXPECT_EQ(find(doc, "PUTIN")->key, "per:putin");
    EXPECT_EQ(find(doc, "ALMATY")->key, "city:1526384");
    EXPECT_EQ(find(doc, "VISITS"), nullptr);
}

TEST(entities_en, test_entities_possessive_stays_out) {
    const auto doc = annotate("Critics attacked Putin's decision.", "en");
    EXPECT_ENTITY(doc, "Putin", EntityType::person);
}

TEST(entities_en, test_entities_place_with_score_is_a_team) {
    const auto doc = annotate("Results on Friday: Leeds 108-3, Surrey 429-7.\nOn Sunday Surrey won again.", "en");
    EXPECT_ENTITY(doc, "Leeds", EntityType::organization);
    EXPECT_ENTITY(doc, "Surrey", EntityType::organization);
}

TEST(entities_en, test_entities_initials_join_the_name) {
    const auto doc = annotate("Wickets fell to J. Smith and A. Hollioake before lunch.", "en");
    EXPECT_ENTITY(doc, "J. Smith", EntityType::person);
    EXPECT_ENTITY(doc, "A. Hollioake", EntityType::person);
}

TEST(entities_en, test_entities_person_beats_town_of_same_name) {
    const auto doc = annotate("Bill Clinton spoke first. Later Clinton left for Chicago.", "en");
    ASSERT_NE(find(doc, "Clinton"), nullptr) << dump(doc);
    EXPECT_EQ(find(doc, "Clinton")->type, EntityType::person);
}

TEST(entities_en, test_entities_nationality_and_title_refer_to_named_holder) {
    const auto doc = annotate("Russian President Vladimir Putin spoke on Monday. Later the Russian president "
                              "thanked the allies.", "en");
    const auto* nominal = find(doc, "Russian president");
    ASSERT_NE(nominal, nullptr) << dump(doc);
    EXPECT_EQ(nominal->type, EntityType::person);
    EXPECT_EQ(nominal->key, "per:putin");
    EXPECT_EQ(nominal->canonical, "Vladimir Putin");
}

TEST(entities_en, test_entities_hyphenated_nationality) {
    const auto doc = annotate("A Russian-led alliance sent troops.", "en");
    ASSERT_NE(find(doc, "Russian-led"), nullptr) << dump(doc);
    EXPECT_EQ(find(doc, "Russian-led")->key, "country:RU");
}

TEST(entities_en, test_entities_dateline_names_a_place) {
    const auto p = spans("Bremford, March 3 - The town council met on Thursday.\n"
                         "KELSWICK, Aug 22 (Reuters) - Shares rose.", "LOC", "en");
    EXPECT_TRUE(has(p, "Bremford")) << joined(p);
    EXPECT_TRUE(has(p, "KELSWICK")) << joined(p);
}

} // namespace
} // namespace storyline::entities_test
