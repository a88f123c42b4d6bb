// French constructions, from the ISO-TimeML French guide's categories (sentences written for
// these tests). Document date 2022-01-14 is a Friday (ISO week 2022-W02).
#include "timex_test_util.hpp"

namespace storyline::timex_test {
namespace {

const std::string dct = "2022-01-14";

TEST(timex_fr, test_timex_absolute_dates) {
    auto f = tag("fr", "Le traité a été signé le 3 mars 2004 et ratifié en juillet 2005.", dct);
    EXPECT_EQ(value_of(f, "le 3 mars 2004"), "2004-03-03");
    EXPECT_EQ(value_of(f, "juillet 2005"), "2005-07");
    f = tag("fr", "La réunion aura lieu le mercredi 1er juin.", dct);
    EXPECT_EQ(value_of(f, "le mercredi 1er juin"), "2022-06-01");
}

TEST(timex_fr, test_timex_month_day_without_document_date) {
    auto f = tag("fr", "Les soldats devraient partir d'ici le 19 janvier.", "");
    EXPECT_EQ(value_of(f, "le 19 janvier"), "XXXX-01-19");
    f = tag("fr", "Les soldats devraient partir d'ici le 19 janvier.", dct);
    EXPECT_EQ(value_of(f, "le 19 janvier"), "2022-01-19");
}

TEST(timex_fr, test_timex_weekday_with_tense) {
    auto f = tag("fr", "Le gouvernement a confirmé jeudi la nouvelle.", dct);
    EXPECT_EQ(value_of(f, "jeudi"), "2022-01-13");
    f = tag("fr", "Le gouvernement annoncera mardi sa décision.", dct);
    EXPECT_EQ(value_of(f, "mardi"), "2022-01-18");
    f = tag("fr", "Il l'a dit vendredi dernier.", dct);
    EXPECT_EQ(value_of(f, "vendredi dernier"), "2022-01-07");
    f = tag("fr", "Le gouvernement a confirmé jeudi la nouvelle.", "");
    EXPECT_EQ(value_of(f, "jeudi"), "XXXX-WXX-4");
}

TEST(timex_fr, test_timex_relative_days) {
    auto f = tag("fr", "Il est arrivé hier et repartira demain ; aujourd'hui il se repose.", dct);
    EXPECT_EQ(value_of(f, "hier"), "2022-01-13");
    EXPECT_EQ(value_of(f, "demain"), "2022-01-15");
    EXPECT_EQ(value_of(f, "aujourd'hui"), "2022-01-14");
    f = tag("fr", "Il est arrivé hier soir.", dct);
    EXPECT_EQ(value_of(f, "hier soir"), "2022-01-13TEV");
    EXPECT_EQ(type_of(f, "hier soir"), "TIME");
}

// "Aujourd'hui" quoted is the speaker's present (often "nowadays", said on a day the text
// rarely gives): PRESENT_REF. The narrative still moves to the document's day.
TEST(timex_fr, test_timex_quoted_today) {
    auto f = tag("fr", "Il a déclaré : « Aujourd’hui, la situation s’est stabilisée. »", dct);
    EXPECT_EQ(value_of(f, "Aujourd’hui"), "PRESENT_REF");
    f = tag("fr", "« La crise, \"aujourd'hui\", est finie », a-t-il dit.", dct);
    EXPECT_EQ(value_of(f, "aujourd'hui"), "PRESENT_REF");
    f = tag("fr", "Selon lui, “nous sommes aujourd'hui en reprise”.", dct);
    EXPECT_EQ(value_of(f, "aujourd'hui"), "PRESENT_REF");
    // A quotation closed before it, or opened in another paragraph and closed there.
    f = tag("fr", "« C'est fini », a-t-il dit aujourd'hui.", dct);
    EXPECT_EQ(value_of(f, "aujourd'hui"), "2022-01-14");
    f = tag("fr", "Il a dit « non ».\nAujourd'hui il se tait.", dct);
    EXPECT_EQ(value_of(f, "Aujourd'hui"), "2022-01-14");
    f = tag("fr", "Il a parlé mardi. « Aujourd'hui nous partons », a-t-il dit. Le lendemain, il partait.", dct);
    EXPECT_EQ(value_of(f, "Aujourd'hui"), "PRESENT_REF");
    EXPECT_EQ(value_of(f, "Le lendemain"), "2022-01-15");
}

TEST(timex_fr, test_timex_weeks_months_years) {
    auto f = tag("fr", "Les émeutes de la semaine dernière ont été annoncées plus tôt dans la semaine.", dct);
    EXPECT_EQ(value_of(f, "la semaine dernière"), "2022-W01");
    EXPECT_EQ(value_of(f, "plus tôt dans la semaine"), "2022-W02");
    f = tag("fr", "L'an dernier, les ventes ont baissé ; cette année elles montent.", dct);
    EXPECT_EQ(value_of(f, "L'an dernier"), "2021");
    EXPECT_EQ(value_of(f, "cette année"), "2022");
}

TEST(timex_fr, test_timex_vague_past) {
    auto f = tag("fr", "Les villes ont commencé à se pacifier il y a quelques jours.", dct);
    EXPECT_EQ(value_of(f, "il y a quelques jours"), "PAST_REF");
    f = tag("fr", "Le pont a été ouvert il y a trois ans.", dct);
    EXPECT_EQ(value_of(f, "il y a trois ans"), "2019");
}

TEST(timex_fr, test_timex_seasons_decades_centuries) {
    auto f = tag("fr", "La mode des années 60 est revenue cet été.", dct);
    EXPECT_EQ(value_of(f, "des années 60"), "196X");
    EXPECT_EQ(value_of(f, "cet été"), "2022-SU");
    f = tag("fr", "C'était à la fin du XIXe siècle.", dct);
    EXPECT_EQ(value_of(f, "la fin du XIXe siècle"), "18");
    f = tag("fr", "Les blessés ont été soignés.", dct);
    EXPECT_TRUE(f.empty());  // "été" the participle is no season
}

TEST(timex_fr, test_timex_durations) {
    auto f = tag("fr", "Après un déploiement d'une semaine, le retrait prendra plusieurs jours.", dct);
    EXPECT_EQ(value_of(f, "d'une semaine"), "P1W");
    EXPECT_EQ(value_of(f, "plusieurs jours"), "PXD");
    f = tag("fr", "Le retrait commencera dans les deux jours ; il a couru en 30,4 secondes.", dct);
    EXPECT_EQ(value_of(f, "dans les deux jours"), "P2D");
    EXPECT_EQ(value_of(f, "30,4 secondes"), "PT30.4S");
}

TEST(timex_fr, test_timex_sets) {
    auto f = tag("fr", "Le marché a lieu chaque semaine et la fête tous les ans.", dct);
    EXPECT_EQ(value_of(f, "chaque semaine"), "P1W");
    EXPECT_EQ(type_of(f, "chaque semaine"), "SET");
    EXPECT_EQ(value_of(f, "tous les ans"), "P1Y");
}

TEST(timex_fr, test_timex_times) {
    auto f = tag("fr", "Le match a commencé à 20 h 30 et s'est terminé vers 22 h.", dct);
    EXPECT_EQ(value_of(f, "20 h 30"), "2022-01-14T20:30");
    EXPECT_EQ(value_of(f, "vers 22 h"), "2022-01-14T22:00");  // FR guide: "vers" is in the span
}

TEST(timex_fr, test_timex_ranges) {
    auto f = tag("fr", "Le salon se tiendra du 3 au 5 janvier.", dct);
    EXPECT_EQ(value_of(f, "3"), "2022-01-03");
    EXPECT_EQ(value_of(f, "5 janvier"), "2022-01-05");
}

TEST(timex_fr, test_timex_numbers_are_not_dates) {
    auto f = tag("fr", "Le retrait de quelque 2 000 à 3 000 soldats a commencé.", dct);
    EXPECT_TRUE(f.empty()) << (f.empty() ? "" : f[0].text);
}

TEST(timex_fr, test_timex_narrative_anchor) {
    auto f = tag("fr", "Le navire a appareillé le 2 juin 2019. Le lendemain, il a coulé.", dct);
    EXPECT_EQ(value_of(f, "Le lendemain"), "2019-06-03");
}

} // namespace
} // namespace storyline::timex_test
