// French recognition from context: place prepositions, datelines, lists, brackets, span
// conventions around titles and initials. Sentences written for the test; the names are made up
// so that no gazetteer entry explains them.
#include "entities_test_util.hpp"

namespace storyline::entities_test {
namespace {

TEST(entities_fr_context, test_entities_name_broken_at_a_list_line_end) {
    const auto p = spans("Le comité est formé de Paul Rochat, Marc Favre, Henri\nJaquier et Louis Pittet.", "PER");
    EXPECT_TRUE(has(p, "Henri\nJaquier")) << joined(p);
    EXPECT_TRUE(has(p, "Louis Pittet")) << joined(p);
}

TEST(entities_fr_context, test_entities_title_of_an_institution_is_an_apposition) {
    const auto p = spans("M. Pilet, président de la Confédération, expose le programme du gouvernement.");
    EXPECT_TRUE(has(p, "M. Pilet, président de la Confédération")) << joined(p);
    EXPECT_FALSE(has(p, "Confédération")) << joined(p);
    // the holder may still follow the institution and a comma
    const auto q = spans("Le président de la Confédération, M. Pilet, a parlé.", "PER");
    EXPECT_TRUE(has(q, "M. Pilet")) << joined(q);
}

TEST(entities_fr_context, test_entities_preposition_points_to_a_place) {
    const auto p = spans("Il revient de Montorbe et habite près de Vernaule depuis un an. Les canons sont "
                         "dirigés sur Kelsbourg, l'émission passe sur M 6.", "LOC");
    EXPECT_TRUE(has(p, "Montorbe")) << joined(p);
    EXPECT_TRUE(has(p, "Vernaule")) << joined(p);
    EXPECT_TRUE(has(p, "Kelsbourg")) << joined(p);
    EXPECT_FALSE(has(p, "M")) << joined(p);
    // a particle after a capital belongs to a name; a given name is a person's
    const auto q = spans("M. Rouve de Murvaux a parlé. Le discours de Jérôme fut bref.");
    EXPECT_TRUE(has(q, "M. Rouve de Murvaux")) << joined(q);
    EXPECT_FALSE(has(spans("Le discours de Jérôme fut bref.", "LOC"), "Jérôme"));
}

TEST(entities_fr_context, test_entities_dateline_names_a_place) {
    const auto p = spans("Montorbe, 12 mars. — Le conseil communal s'est réuni hier.\n"
                         "VERNAULE, 3 (ATS). — Le marché a repris.", "LOC");
    EXPECT_TRUE(has(p, "Montorbe")) << joined(p);
    EXPECT_TRUE(has(p, "VERNAULE")) << joined(p);
}

TEST(entities_fr_context, test_entities_list_of_places) {
    const auto p = spans("Les troupes sont entrées à Genève, Vernaule, Montorbe et Lausanne.", "LOC");
    EXPECT_TRUE(has(p, "Vernaule")) << joined(p);
    EXPECT_TRUE(has(p, "Montorbe")) << joined(p);
    // a pair with a place
    EXPECT_TRUE(has(spans("Le groupe A jouera à Berne et Montorbe.", "LOC"), "Montorbe"));
    // one place among persons does not make a list of places
    const auto q = spans("Le comité compte Paul Rochat, Favrod, Lausanne et Louis Pittet.", "LOC");
    EXPECT_FALSE(has(q, "Favrod")) << joined(q);
}

TEST(entities_fr_context, test_entities_words_before_a_name_like_titles) {
    const auto p = spans("Le jeune Paul Rochat et le nommé Favrod ont été entendus. Le jeune R. a été relâché.", "PER");
    EXPECT_TRUE(has(p, "jeune Paul Rochat")) << joined(p);
    EXPECT_TRUE(has(p, "nommé Favrod")) << joined(p);
    EXPECT_TRUE(has(p, "jeune R.")) << joined(p);
    // a title word before a title opens its span
    const auto q = spans("Hier, l'ancien conseiller fédéral Paul Rochat et le fameux comte de Vernière ont parlé.", "PER");
    EXPECT_TRUE(has(q, "ancien conseiller fédéral Paul Rochat")) << joined(q);
    EXPECT_TRUE(has(q, "fameux comte de Vernière")) << joined(q);
}

TEST(entities_fr_context, test_entities_person_before_a_bracketed_place) {
    const auto p = spans("Sont élus : Favrod (Genève), de Vernière (Neuchâtel) et Rochat (Berne).", "PER");
    EXPECT_TRUE(has(p, "Favrod")) << joined(p);
    EXPECT_TRUE(has(p, "de Vernière")) << joined(p);
    EXPECT_TRUE(has(p, "Rochat")) << joined(p);
}

TEST(entities_fr_context, test_entities_initial_before_a_particle) {
    const auto p = spans("Sont élus MM. P. de Montmollet et Rochat.", "PER");
    EXPECT_TRUE(has(p, "MM. P. de Montmollet")) << joined(p);
}

TEST(entities_fr_context, test_entities_quoted_name_is_a_title) {
    const auto p = spans("Le « Phare du Soir » et « Le Veilleur » citent l'émission « Minuit Express ».", "MISC");
    EXPECT_TRUE(has(p, "Phare du Soir")) << joined(p);
    EXPECT_TRUE(has(p, "Le Veilleur")) << joined(p);
    EXPECT_TRUE(has(p, "Minuit Express")) << joined(p);
}

TEST(entities_fr_context, test_entities_dash_run_into_a_name) {
    const auto p = spans("La France-affirme M. Rochat-n'a pas changé d'avis. Jean-Claude Favre vit à "
                         "Yverdon-les-Bains.");
    EXPECT_TRUE(has(p, "France")) << joined(p);
    EXPECT_TRUE(has(p, "M. Rochat")) << joined(p);
    EXPECT_TRUE(has(p, "Jean-Claude Favre")) << joined(p);
    EXPECT_TRUE(has(p, "Yverdon-les-Bains")) << joined(p);
    // English keeps a name joined to a lower-case word ("Russian-led") whole
    const auto doc = annotate("A Russian-led alliance sent troops.", "en");
    EXPECT_NE(find(doc, "Russian-led"), nullptr) << dump(doc);
}

TEST(entities_fr_context, test_entities_accent_tells_cue_words_apart) {
    // "à" is a preposition (no clause: the apposition goes on), "a" a verb (a clause: none)
    const auto p = spans("Hier, M. Morel, notre consul à Lisbonne, est rentré. Selon M. Favre, il a tort.", "PER");
    EXPECT_TRUE(has(p, "M. Morel, notre consul à Lisbonne")) << joined(p);
    EXPECT_TRUE(has(p, "M. Favre")) << joined(p);
    // a capital drops its accent: "A Montorbe" is "À Montorbe"
    EXPECT_TRUE(has(spans("A Montorbe, le marché a repris.", "LOC"), "Montorbe"));
}

TEST(entities_fr_context, test_entities_place_prefix_and_company_suffix) {
    const auto loc = spans("Les méthodes en vigueur outre-Rhin plaisent à nos voisins d'outre-Manche.", "LOC");
    EXPECT_TRUE(has(loc, "outre-Rhin")) << joined(loc);
    EXPECT_TRUE(has(loc, "outre-Manche")) << joined(loc);
    const auto org = spans("Le rachat de Vandermeer Brothers par Kessling Oil est conclu.", "ORG");
    EXPECT_TRUE(has(org, "Vandermeer Brothers")) << joined(org);
    EXPECT_TRUE(has(org, "Kessling Oil")) << joined(org);
}

TEST(entities_fr_context, test_entities_place_noun_in_the_place_span) {
    const auto p = spans("La ville de Genève a fêté le village de la Combe et le château de Vernaule.", "LOC");
    EXPECT_TRUE(has(p, "ville de Genève")) << joined(p);
    EXPECT_TRUE(has(p, "village de la Combe")) << joined(p);
    EXPECT_TRUE(has(p, "château de Vernaule")) << joined(p);
    // the known place keeps its identity; a title ("quartier général") is no place noun phrase
    const auto doc = annotate("La ville de Genève a fêté ses bénévoles.", "fr");
    ASSERT_NE(find(doc, "ville de Genève"), nullptr) << dump(doc);
    EXPECT_EQ(find(doc, "ville de Genève")->key, "city:2660646");
    EXPECT_FALSE(has(spans("Les rapports du quartier général de Montorbe sont arrivés.", "LOC"),
                     "quartier général de Montorbe"));
}

TEST(entities_fr_context, test_entities_cue_joins_a_capital_common_noun) {
    // "États" alone is no name, but "Conseil des États" is an organisation's
    const auto p = spans("Hier, le Conseil des États a voté la loi.", "ORG");
    EXPECT_TRUE(has(p, "Conseil des États")) << joined(p);
}

TEST(entities_fr_context, test_entities_dateline_ends_the_line_before) {
    const auto p = spans("Le procès de Montorbe\nMontorbe, 15 septembre. — Les plaidoiries ont pris fin.", "LOC");
    EXPECT_TRUE(has(p, "Montorbe")) << joined(p);
    EXPECT_FALSE(has(p, "Montorbe\nMontorbe")) << joined(p);
}

TEST(entities_fr_context, test_entities_list_of_unexplained_capitals) {
    const auto p = spans("Les chefs, tels que Zorrilla, Etxeberri, Maduraz et Olazabar, seront rappelés.", "PER");
    for (const char* n : {"Zorrilla", "Etxeberri", "Maduraz", "Olazabar"}) EXPECT_TRUE(has(p, n)) << n << ": " << joined(p);
    // two are not a list
    EXPECT_FALSE(has(spans("Les chefs, tels que Zorrilla et Etxeberri, seront rappelés.", "PER"), "Zorrilla"));
}

TEST(entities_fr_context, test_entities_town_takes_no_article) {
    // "Union" is a town in the gazetteer; "l'Union" is the union the article speaks of
    EXPECT_FALSE(has(spans("Le budget de l'Union a été adopté.", "LOC"), "Union"));
    EXPECT_TRUE(has(spans("Il habite à Union depuis un an.", "LOC"), "Union"));
}

TEST(entities_fr_context, test_entities_honorific_read_as_initial_still_says_person) {
    // "M. Rochat" starts like "J. Rochat"; the honorific makes it a confident person, whose
    // bracket names a place
    const auto p = spans("Ont parlé M. Rochat (Montorbe) et M. Favre (Vernaule).", "LOC");
    EXPECT_TRUE(has(p, "Montorbe")) << joined(p);
    EXPECT_TRUE(has(p, "Vernaule")) << joined(p);
}

TEST(entities_fr_context, test_entities_lower_case_body_of_a_place_is_no_name) {
    // "le gouvernement de Londres" names the place, not an organisation; an institution with an
    // adjective is one ("tribunal cantonal de Genève")
    const auto loc = spans("Le gouvernement de Londres a répondu au tribunal cantonal de Genève.", "LOC");
    EXPECT_TRUE(has(loc, "Londres")) << joined(loc);
    const auto org = spans("Le gouvernement de Londres a répondu au tribunal cantonal de Genève.", "ORG");
    EXPECT_FALSE(has(org, "gouvernement de Londres")) << joined(org);
    EXPECT_TRUE(has(org, "tribunal cantonal de Genève")) << joined(org);
}

TEST(entities_fr_context, test_entities_finite_verb_after_a_comma_is_no_apposition) {
    const auto p = spans("Parmi les accusés, l'ancien juge Rochat, prirent la parole. La reine, Mme Favre, "
                         "continue à recevoir les égards dus à son rang.", "PER");
    EXPECT_TRUE(has(p, "ancien juge Rochat")) << joined(p);
    EXPECT_TRUE(has(p, "reine, Mme Favre")) << joined(p);
}

TEST(entities_fr_context, test_entities_acronym_before_a_name_is_a_company) {
    EXPECT_TRUE(has(spans("Le groupe a racheté KLM Vandermeer hier.", "ORG"), "KLM Vandermeer"));
    EXPECT_TRUE(has(spans("The bid for KTX Holloway rose.", "ORG", "en"), "KTX Holloway"));
    // an honorific or an initial is no acronym
    EXPECT_TRUE(has(spans("Hier, MM. Rochat et Favre ont parlé.", "PER"), "MM. Rochat"));
}

TEST(entities_fr_context, test_entities_apposition_of_a_number_or_a_plural) {
    // a number opens an age only; a plural noun describes more than the one name
    const auto p = spans("Les mémoires de M. Rochat, 2 volumes, et l'hôtel de M. et Mme Favre, propriétaires "
                         "de la villa, sont vendus. M. Morel, 46 ans, médecin, a témoigné.", "PER");
    EXPECT_TRUE(has(p, "M. Rochat")) << joined(p);
    EXPECT_TRUE(has(p, "Mme Favre")) << joined(p);
    EXPECT_TRUE(has(p, "M. Morel, 46 ans, médecin")) << joined(p);
}

} // namespace
} // namespace storyline::entities_test
