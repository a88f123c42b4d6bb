// French recognition, one rule family per test, on sentences written for the test.
#include "entities_test_util.hpp"

namespace storyline::entities_test {
namespace {

TEST(entities_fr, test_entities_elision_is_split_off) {
    const auto doc = annotate("Les troupes de l’OTSC ont quitté la région d'Almaty.", "fr");
    EXPECT_ENTITY(doc, "OTSC", EntityType::organization);
    EXPECT_EQ(find(doc, "OTSC")->key, "org:csto");
    EXPECT_EQ(find(doc, "Almaty")->key, "city:1526384");
}

TEST(entities_fr, test_entities_honorific_is_part_of_the_name) {
    const auto doc = annotate("Hier soir, M. Dupont a présenté son rapport.", "fr");
    EXPECT_ENTITY(doc, "M. Dupont", EntityType::person);
    EXPECT_EQ(find(doc, "M. Dupont")->key, "per:dupont");
}

TEST(entities_fr, test_entities_title_with_particle) {
    const auto doc = annotate("Le discours du général de Gaulle fut diffusé le soir.", "fr");
    EXPECT_ENTITY(doc, "général de Gaulle", EntityType::person);
    EXPECT_EQ(find(doc, "général de Gaulle")->key, "per:de-gaule");
}

TEST(entities_fr, test_entities_lower_case_organisation_head) {
    const auto doc = annotate("Le ministère russe de la Défense a informé le Kremlin.", "fr");
    EXPECT_ENTITY(doc, "ministère russe de la Défense", EntityType::organization);
    EXPECT_EQ(find(doc, "Kremlin")->key, "org:kremlin");
}

TEST(entities_fr, test_entities_capitalised_organisation_with_adjective) {
    const auto doc = annotate("Le Conseil fédéral a répondu à la Société des nations.", "fr");
    EXPECT_ENTITY(doc, "Conseil fédéral", EntityType::organization);
    EXPECT_ENTITY(doc, "Société des nations", EntityType::organization);
}

TEST(entities_fr, test_entities_bare_cue_word_is_no_name) {
    const auto doc = annotate("Après le vote, le Conseil a levé la séance.", "fr");
    EXPECT_EQ(find(doc, "Conseil"), nullptr) << dump(doc);
}

TEST(entities_fr, test_entities_lower_case_demonyms_refer_to_countries) {
    const auto doc = annotate("Les forces russes et les troupes biélorusses aident les autorités kazakhes.", "fr");
    EXPECT_EQ(find(doc, "russes")->key, "country:RU");
    EXPECT_EQ(find(doc, "biélorusses")->key, "country:BY");
    EXPECT_EQ(find(doc, "kazakhes")->key, "country:KZ");
}

TEST(entities_fr, test_entities_french_exonyms_share_city_ids) {
    const auto doc = annotate("Des délégations de Moscou, Londres et Pékin sont arrivées à Genève.", "fr");
    EXPECT_EQ(find(doc, "Moscou")->key, "city:524901");
    EXPECT_EQ(find(doc, "Londres")->key, "city:2643743");
    EXPECT_EQ(find(doc, "Pékin")->key, "city:1816670");
    EXPECT_EQ(find(doc, "Genève")->key, "city:2660646");
}

TEST(entities_fr, test_entities_regions_and_continents) {
    const auto doc = annotate("La crise touche ce pays d'Asie centrale et inquiète l'Europe.", "fr");
    EXPECT_EQ(find(doc, "Asie centrale")->key, "region:central-asia");
    EXPECT_EQ(find(doc, "Europe")->key, "continent:europe");
}

TEST(entities_fr, test_entities_title_and_nationality_refer_to_named_holder) {
    const auto doc = annotate(
        "Le président kazakh Kassym-Jomart Tokaïev a parlé mardi. Le lendemain, le président kazakh a "
        "remercié les alliés.", "fr");
    const auto* name = find(doc, "Kassym-Jomart Tokaïev");
    ASSERT_NE(name, nullptr) << dump(doc);
    const auto* nominal = find(doc, "président kazakh");
    ASSERT_NE(nominal, nullptr) << dump(doc);
    EXPECT_EQ(nominal->type, EntityType::person);
    EXPECT_EQ(nominal->key, name->key);
    EXPECT_EQ(nominal->canonical, "Kassym-Jomart Tokaïev");
}

TEST(entities_fr, test_entities_sentence_initial_stop_words_are_no_names) {
    const auto doc = annotate("Après le vote, Dès lors et Selon eux, rien ne change.", "fr");
    EXPECT_TRUE(doc.entities.empty()) << dump(doc);
}

} // namespace
} // namespace storyline::entities_test
