#include "importers/html_importer.hpp"
#include "importers/html_metadata.hpp"
#include "importers/import_bytes.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

using namespace storyline;

namespace {

SourceInfo page(const std::string& path = "p.html") { return SourceInfo{path, "html", "", ""}; }

Article only(const FileImport& f) {
    EXPECT_EQ(f.result.articles.size(), 1u);
    return f.result.articles.at(0);
}

const std::string body_paragraphs =
    "<p>Le gouvernement a annoncé mardi une série de mesures pour les transports, après des semaines de "
    "manifestations dans plusieurs villes du pays.</p>"
    "<p>Les syndicats, reçus au ministère, ont jugé ces annonces insuffisantes et appellent à une nouvelle "
    "journée de mobilisation la semaine prochaine.</p>"
    "<p>Le Premier ministre doit s'exprimer jeudi devant l'Assemblée nationale, où l'opposition réclame un débat.</p>";

} // namespace

TEST(test_html_importer, main_text_drops_navigation_share_bars_and_read_more) {
    test_support::use_source_resources();
    const std::string html =
        "<!DOCTYPE html><html lang=\"fr\"><head><title>Mesures pour les transports | Le Journal</title></head><body>"
        "<header><nav><a href=\"/\">Accueil</a> <a href=\"/politique\">Politique</a></nav></header>"
        "<div class=\"cookie-banner\">Nous utilisons des cookies pour améliorer votre expérience de lecture.</div>"
        "<article><h1>Mesures pour les transports</h1>"
        "<div class=\"share-bar\"><a href=\"#\">Partager sur Facebook</a><a href=\"#\">Twitter</a></div>"
        "<div class=\"article-body\">" + body_paragraphs +
        "<p>Lire aussi : Les transports en commun gratuits, une idée qui fait son chemin</p></div></article>"
        "<aside><h2>Les plus lus</h2><ul><li><a href=\"/a\">Un autre article très lu avec un titre long</a></li></ul></aside>"
        "<footer>© Le Journal 2023. Tous droits réservés. Mentions légales et conditions d'utilisation.</footer>"
        "</body></html>";
    const Article a = only(import_bytes(html, page()));
    EXPECT_EQ(a.title, "Mesures pour les transports");
    EXPECT_EQ(a.format, "html");
    EXPECT_EQ(a.lang, "fr");
    EXPECT_NE(a.text.find("série de mesures"), std::string::npos);
    EXPECT_NE(a.text.find("devant l'Assemblée nationale"), std::string::npos);
    for (const char* bad : {"Accueil", "cookies", "Partager", "Lire aussi", "plus lus", "droits réservés"})
        EXPECT_EQ(a.text.find(bad), std::string::npos) << bad;
}

TEST(test_html_importer, published_date_wins_over_modified_date) {
    test_support::use_source_resources();
    const std::string html =
        "<html><head><meta property=\"article:modified_time\" content=\"2023-11-05T08:00:00+01:00\">"
        "<meta property=\"article:published_time\" content=\"2023-11-02T15:57:00+01:00\"></head><body>"
        "<p class=\"date\">Mis à jour le 05/11/2023 à 08h00</p>" + body_paragraphs + "</body></html>";
    const Article a = only(import_bytes(html, page()));
    EXPECT_EQ(a.published.value, "2023-11-02T15:57:00+01:00");
    EXPECT_EQ(a.published.source, "meta");
}

TEST(test_html_importer, json_ld_is_trusted_first_and_keeps_the_zone) {
    test_support::use_source_resources();
    const std::string html =
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
        "\"dateModified\":\"2021-03-05T10:00:00Z\",\"datePublished\":\"2021-03-03T23:30:00-05:00\",\"headline\":\"H\"}</script>"
        "<meta property=\"article:published_time\" content=\"2021-03-04\"></head><body>" + body_paragraphs + "</body></html>";
    const Article a = only(import_bytes(html, page()));
    EXPECT_EQ(a.published.value, "2021-03-03T23:30:00-05:00");
    EXPECT_EQ(a.published.source, "json-ld");
}

TEST(test_html_importer, bylines_in_french_and_english) {
    test_support::use_source_resources();
    const std::string fr = "<html><body><div><span>Mis à jour le 03/11/2023 à 09h12</span> · "
                           "<span>Publié le 02/11/2023 à 15h57</span></div>" + body_paragraphs + "</body></html>";
    const Article a = only(import_bytes(fr, page()));
    EXPECT_EQ(a.published.value, "2023-11-02");
    EXPECT_EQ(a.published.source, "byline");
    const std::string en = "<html><body><p class=\"x\">By Jane Doe. Published 3 March 2021</p>" + body_paragraphs + "</body></html>";
    const Article b = only(import_bytes(en, page()));
    EXPECT_EQ(b.published.value, "2021-03-03");
    EXPECT_EQ(b.published.source, "byline");
}

TEST(test_html_importer, time_element_then_url) {
    test_support::use_source_resources();
    const std::string t = "<html><body><time datetime=\"2020-10-23T11:02:00+02:00\">23 octobre</time>" + body_paragraphs +
                          "<div class=\"comments\"><time datetime=\"2020-10-25\">25/10</time></div></body></html>";
    const Article a = only(import_bytes(t, page()));
    EXPECT_EQ(a.published.value, "2020-10-23T11:02:00+02:00");
    EXPECT_EQ(a.published.source, "time-element");
    const std::string u = "<html><head><link rel=\"canonical\" href=\"https://example.org/news/2019/07/14/a-story.html\">"
                          "</head><body>" + body_paragraphs + "</body></html>";
    const Article b = only(import_bytes(u, page()));
    EXPECT_EQ(b.published.value, "2019-07-14");
    EXPECT_EQ(b.published.source, "url");
    EXPECT_EQ(b.url, "https://example.org/news/2019/07/14/a-story.html");
}

TEST(test_html_importer, latin1_page_with_declared_charset) {
    test_support::use_source_resources();
    const std::string html = "<html><head><meta charset=\"iso-8859-1\"><title>L'\xE9t\xE9 \xE0 Paris</title></head><body>"
                             "<p>Les terrasses sont pleines cet \xE9t\xE9, et les caf\xE9s du quartier ne d\xE9semplissent pas "
                             "depuis le d\xE9" "but du mois de juillet.</p></body></html>";
    const Article a = only(import_bytes(html, page()));
    EXPECT_EQ(a.title, "L'été à Paris");
    EXPECT_NE(a.text.find("cafés du quartier"), std::string::npos);
}

TEST(test_html_importer, site_suffix_is_stripped_from_titles) {
    EXPECT_EQ(html::strip_site_suffix("Troops leave Almaty - The Daily News", ""), "Troops leave Almaty");
    EXPECT_EQ(html::strip_site_suffix("Le Monde | Les troupes quittent Almaty", "Le Monde"), "Les troupes quittent Almaty");
    EXPECT_EQ(html::strip_site_suffix("A - B", ""), "A - B");
}

TEST(test_html_importer, broken_markup_never_throws_but_empty_pages_are_reported) {
    test_support::use_source_resources();
    EXPECT_NO_THROW((void)import_bytes("<html><body><div><p>Unclosed <b>tags <i>everywhere and a long enough sentence here", page()));
    EXPECT_THROW((void)import_bytes("<html><body><script>var x = 1;</script></body></html>", page()), ImportError);
}

TEST(test_html_importer, deeply_nested_markup_does_not_exhaust_the_stack) {
    test_support::use_source_resources();
    std::string html = "<html><body>";
    for (int i = 0; i < 3000; ++i) html += "<div>";
    html += "deep text</div></body></html>";
    html = "<html><body><p>A paragraph that is long enough to be the article body of this page.</p>" + html.substr(12);
    EXPECT_NO_THROW((void)import_bytes(html, page()));
}

TEST(test_html_importer, lead_before_the_body_wrapper_is_kept_and_author_box_after_it_is_not) {
    test_support::use_source_resources();
    const std::string html =
        "<html><body><div class=\"col\"><h1>Transports</h1>"
        "<p class=\"intro\">Le gouvernement présente son plan pour les transports, attendu depuis des mois par les élus locaux.</p>"
        "<div class=\"group\"><div class=\"longtext\">" + body_paragraphs + body_paragraphs + "</div></div>"
        "<div class=\"group\"><p>Jean Dupont est journaliste au service politique depuis 2015, après dix ans en région.</p></div>"
        "</div></body></html>";
    const Article a = only(import_bytes(html, page()));
    EXPECT_EQ(a.text.find("Le gouvernement présente son plan"), 0u) << a.text;
    EXPECT_NE(a.text.find("devant l'Assemblée nationale"), std::string::npos);
    EXPECT_EQ(a.text.find("Jean Dupont"), std::string::npos);
}

TEST(test_html_importer, named_anchors_are_not_links) {
    test_support::use_source_resources();
    // An unclosed <a name> makes the parser wrap the sections that follow in anchors.
    std::string html = "<html><body><h1>Guide</h1>";
    for (int i = 0; i < 3; ++i) {
        const std::string n = std::to_string(i);
        html += "<h2><a name=\"s" + n + "\">Section " + n + "</h2><blockquote><p>Section " + n +
                " explains, step by step, how the tunnel is configured on the server and on the client.</p>"
                "<p>First, the certificates are made, signed, copied and checked, one for each side of the tunnel.</p>"
                "<p>Then the daemon is started, watched and, when the logs look right, left to run on its own.</p></blockquote>";
    }
    html += "</body></html>";
    const Article a = only(import_bytes(html, page()));
    for (const char* s : {"Section 0 explains", "Section 1 explains", "Section 2 explains"})
        EXPECT_NE(a.text.find(s), std::string::npos) << s << "\n" << a.text;
}

TEST(test_html_importer, an_article_inside_a_negative_hint_is_found_again) {
    test_support::use_source_resources();
    // Blog platforms wrap the post in class="widget": the hints drop it, the fallback scores anew.
    const std::string html =
        "<html><body><div class=\"widget Blog\"><div class=\"post-body\">"
        "Le ciel est bleu<br>La mer est calme<br>Le vent se lève<br>Il faut tenter de vivre<br>"
        "</div></div><div class=\"widget\"><a href=\"/a\">Archives</a></div></body></html>";
    const Article a = only(import_bytes(html, page()));
    EXPECT_NE(a.text.find("Il faut tenter de vivre"), std::string::npos) << a.text;
}

TEST(test_html_importer, data_table_cells_and_metadata_lines_and_closing_notes) {
    test_support::use_source_resources();
    const std::string html =
        "<html><body><article>" + body_paragraphs +
        "<table><thead><tr><th>Ligne</th><th>Ouverture</th></tr></thead>"
        "<tr><td><a href=\"/l1\">Ligne 1 Nord</a></td><td>lundi</td></tr></table>"
        "<p>Publié le 02/11/2023 Catégorie : <a href=\"/c\">Politique</a></p>"
        "<p style=\"text-align: center\"><em>Jean Dupont est journaliste et auteur de plusieurs livres sur les transports.</em></p>"
        "</article></body></html>";
    const Article a = only(import_bytes(html, page()));
    EXPECT_NE(a.text.find("Ligne 1 Nord"), std::string::npos) << a.text;
    EXPECT_EQ(a.text.find("Catégorie"), std::string::npos) << a.text;
    EXPECT_EQ(a.text.find("Jean Dupont"), std::string::npos) << a.text;
}
