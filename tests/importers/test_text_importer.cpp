#include "importers/import_bytes.hpp"
#include "importers/text_importer.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

using namespace storyline;

namespace {
SourceInfo txt(const std::string& path = "a.txt") { return SourceInfo{path, "txt", "", ""}; }
} // namespace

TEST(test_text_importer, blog_boilerplate_and_repeated_title_are_dropped) {
    test_support::use_source_resources();
    const std::string raw =
        "REBLOG\r\n\r\nLe titre de l'article\r\n\r\nLe titre de l'article\r\n\r\nPremier paragraphe.\r\n\r\n"
        "Second paragraphe.\r\n\r\nSOURCE\r\n\r\nCatégories :REBLOG\r\n\r\n1 réponse »\r\n\r\nLaisser un commentaire";
    const auto r = TextImporter().parse(raw, txt());
    ASSERT_EQ(r.articles.size(), 1u);
    EXPECT_EQ(r.articles[0].title, "Le titre de l'article");
    EXPECT_EQ(r.articles[0].text, "Premier paragraphe.\n\nSecond paragraphe.");
}

TEST(test_text_importer, front_matter_gives_title_date_and_language) {
    test_support::use_source_resources();
    const std::string md = "---\ntitle: \"Troops leave\"\ndate: 2022-01-14\nlang: en\nurl: https://example.org/a\n---\nBody text.\n";
    const auto r = import_bytes(md, SourceInfo{"a.md", "md", "", ""});
    ASSERT_EQ(r.result.articles.size(), 1u);
    const Article& a = r.result.articles[0];
    EXPECT_EQ(a.title, "Troops leave");
    EXPECT_EQ(a.published.value, "2022-01-14");
    EXPECT_EQ(a.published.source, "front-matter");
    EXPECT_EQ(a.lang, "en");
    EXPECT_EQ(a.url, "https://example.org/a");
    EXPECT_EQ(a.text, "Body text.");
}

TEST(test_text_importer, bad_inputs_are_rejected_with_a_reason) {
    test_support::use_source_resources();
    EXPECT_THROW(import_bytes("", txt()), ImportError);
    try {
        import_bytes(std::string("ab\0cd", 5), txt());
        FAIL();
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("binary"), std::string::npos);
    }
    EXPECT_THROW(import_bytes("\n  \n\t\n", txt()), ImportError);
}

TEST(test_text_importer, language_is_identified_when_not_given) {
    test_support::use_source_resources();
    const auto fr = import_bytes("Titre\n\nLe gouvernement a confirmé que les troupes sont dans le pays et que la mission est finie.", txt());
    EXPECT_EQ(fr.result.articles[0].lang, "fr");
    const auto en = import_bytes("Title\n\nThe government said that the troops were in the country and that it was over.", txt());
    EXPECT_EQ(en.result.articles[0].lang, "en");
    const auto forced = import_bytes("Title\n\nThe government said that the troops were in the country.", SourceInfo{"a.txt", "txt", "fr", ""});
    EXPECT_EQ(forced.result.articles[0].lang, "fr");
}

TEST(test_text_importer, ids_come_from_content) {
    test_support::use_source_resources();
    const auto a = import_bytes("T\n\nSame body here with the words.", txt("x/a.txt"));
    const auto b = import_bytes("T\n\nSame body here with the words.", txt("y/b.txt"));
    EXPECT_EQ(a.result.articles[0].id, b.result.articles[0].id);
    EXPECT_NE(a.result.articles[0].source_key, b.result.articles[0].source_key);
}

TEST(test_text_importer, latin1_and_utf16_text_is_decoded) {
    test_support::use_source_resources();
    const auto latin = import_bytes("Caf\xE9 cr\xE8me\r\n\r\nL'\xE9t\xE9 est l\xE0.\r\n", txt());
    ASSERT_EQ(latin.result.articles.size(), 1u);
    EXPECT_EQ(latin.result.articles[0].title, "Café crème");
    EXPECT_EQ(latin.result.articles[0].text, "L'été est là.");
    // UTF-16LE with BOM: "Titre\n\nÉté"
    const std::string utf16("\xFF\xFET\0i\0t\0r\0e\0\n\0\n\0\xC9\0t\0\xE9\0", 22);
    const auto wide = import_bytes(utf16, txt());
    ASSERT_EQ(wide.result.articles.size(), 1u);
    EXPECT_EQ(wide.result.articles[0].title, "Titre");
    EXPECT_EQ(wide.result.articles[0].text, "Été");
}

TEST(test_text_importer, a_date_line_under_the_title_is_the_publication_date) {
    test_support::use_source_resources();
    const auto dated = [](const std::string& raw) { return TextImporter().parse(raw, txt()).articles.at(0).published; };
    auto p = dated("Airbus wins tanker contract\n\nMarch 01, 2008\n\nNorthrop Grumman and EADS have won.");
    EXPECT_EQ(p.value, "2008-03-01");
    EXPECT_EQ(p.source, "dateline");
    EXPECT_EQ(dated("Le titre\nPublié le 02/11/2023 à 15h57\n\nLe texte.").value, "2023-11-02");
    // The line stays in the text (nothing is lost, offsets stay those of the file).
    EXPECT_NE(TextImporter().parse("T\n\n3 March 2021\n\nBody.", txt()).articles.at(0).text.find("3 March 2021"),
              std::string::npos);
    // Front matter wins over a date line.
    EXPECT_EQ(import_bytes("---\ndate: 2022-01-14\n---\nTitle\n\n3 March 2021\n\nBody.", SourceInfo{"a.md", "md", "", ""})
                  .result.articles.at(0).published.value,
              "2022-01-14");
}

TEST(test_text_importer, a_date_inside_the_story_is_no_date_line) {
    test_support::use_source_resources();
    const auto dated = [](const std::string& raw) { return TextImporter().parse(raw, txt()).articles.at(0).published.value; };
    // A wrapped paragraph whose second line opens with a date.
    EXPECT_EQ(dated("BOND ISSUE\n\nTOKYO, March 5 - Austria will redeem a bond due on\nAugust 18, 1993, the ministry said.\n"), "");
    // A sentence that mentions a date is not a date line.
    EXPECT_EQ(dated("Title\n\nThe talks that began on 3 March 2021 ended without a deal.\n\nMore text."), "");
    // Past the first lines after the title.
    EXPECT_EQ(dated("Title\n\nOne.\n\nTwo.\n\nThree.\n\n3 March 2021\n\nFour."), "");
    // "Updated" is not "published".
    EXPECT_EQ(dated("Title\n\nMis à jour le 3 mars 2021\n\nTexte."), "");
}
