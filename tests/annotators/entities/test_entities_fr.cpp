// French recognition, one rule family per test, on sentences written for the test.
#include "entities_test_util.hpp"

#include "annotators/entities/gazetteer.hpp"
#include "annotators/entities/recognizer.hpp"
#include "annotators/entities/tokenizer.hpp"

#include <algorithm>

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


TEST(entities_fr, test_entities_apposition_is_part_of_the_person_span) {
    const auto p = spans("Hier, M. Durand, directeur de la fabrique, a reçu les ouvriers. "
                         "Le discours de Paul Martin, le nouveau maire, fut bref.");
    EXPECT_TRUE(has(p, "M. Durand, directeur de la fabrique"));
    EXPECT_TRUE(has(p, "Paul Martin, le nouveau maire"));
    // the key and canonical name take the name alone
    const auto doc = annotate("Hier, M. Durand, directeur de la fabrique, a reçu les ouvriers.", "fr");
    EXPECT_EQ(find(doc, "M. Durand, directeur de la fabrique")->key, "per:durand");
}

TEST(entities_fr, test_entities_clause_after_a_name_is_no_apposition) {
    const auto p = spans("Selon M. Durand, la situation est grave. Il a rencontré Paul Martin, "
                         "qui partait. Le prix revient à Jean Morel, arrivé hier, et à Luc Perrin, 31 ans, "
                         "qui était venu de loin.");
    EXPECT_TRUE(has(p, "M. Durand"));
    EXPECT_TRUE(has(p, "Paul Martin"));
    EXPECT_TRUE(has(p, "Jean Morel"));
    EXPECT_TRUE(has(p, "Luc Perrin"));
}

TEST(entities_fr, test_entities_apposition_stops_at_the_next_name_of_a_list) {
    const auto p = spans("Le bureau comprend Pierre Dubois, président, Marc Favre, caissier, et Luc Perrin.");
    EXPECT_TRUE(has(p, "Pierre Dubois, président"));
    EXPECT_TRUE(has(p, "Marc Favre, caissier"));
}

TEST(entities_fr, test_entities_title_with_honorific_and_nationality_in_span) {
    const auto p = spans("On attend M. le ministre Durand et le président français Jacques Morel. "
                         "Son directeur, Paul Martin, a parlé.");
    EXPECT_TRUE(has(p, "M. le ministre Durand"));
    EXPECT_TRUE(has(p, "président français Jacques Morel"));
    EXPECT_TRUE(has(p, "directeur, Paul Martin"));
    // the graph keeps the nationality: the person's mention shrinks to the name there
    const auto doc = annotate("On attend le président français Jacques Morel.", "fr");
    EXPECT_ENTITY(doc, "Jacques Morel", EntityType::person);
    EXPECT_EQ(find(doc, "français")->key, "country:FR");
}

TEST(entities_fr, test_entities_lone_surnames_in_a_list_with_a_person) {
    const auto p = spans("Ont pris la parole MM. Vernet, Bichsel et Grosjean. Le comité compte "
                         "Roulin, Fasel, Jean Pittet et Koller.", "PER");
    for (const char* n : {"Bichsel", "Grosjean", "Roulin", "Fasel", "Koller"}) EXPECT_TRUE(has(p, n)) << n;
}

TEST(entities_fr, test_entities_ranked_names_and_bracketed_places) {
    const auto p = spans("Classement : 1. Jean Pittet (Morlens) 2 h 10. 2. Vuilleumier (Bussigny) à 12 \". "
                         "3. Rossat (Ecublens) m. t.");
    EXPECT_TRUE(has(p, "Vuilleumier"));
    EXPECT_TRUE(has(p, "Rossat"));
    const auto loc = spans("Classement : 1. Jean Pittet (Morlens) 2 h 10. 2. Vuilleumier (Bussigny) à 12.", "LOC");
    EXPECT_TRUE(has(loc, "Morlens"));
    EXPECT_TRUE(has(loc, "Bussigny"));
}

} // namespace
} // namespace storyline::entities_test
