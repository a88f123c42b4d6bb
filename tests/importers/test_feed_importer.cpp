#include "importers/feed_importer.hpp"
#include "importers/import_bytes.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

#include <chrono>

using namespace storyline;

TEST(test_feed_importer, rss_items_prefer_content_encoded) {
    test_support::use_source_resources();
    const std::string rss =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
        "<channel><title>Le Fil</title><language>fr-fr</language>"
        "<item><title>Grève dans les transports</title><link>https://example.org/a</link><guid>a-1</guid>"
        "<pubDate>Thu, 02 Nov 2023 15:57:00 +0100</pubDate><description>Résumé court.</description>"
        "<content:encoded><![CDATA[<p>Les syndicats ont appelé à une grève reconductible à partir de lundi prochain.</p>"
        "<p>Le trafic sera très perturbé.</p>]]></content:encoded></item>"
        "<item><title>Second</title><description>&lt;p&gt;Seulement la description, assez longue pour un paragraphe.&lt;/p&gt;</description></item>"
        "</channel></rss>";
    const auto f = import_bytes(rss, SourceInfo{"fil.xml", "xml", "", ""});
    EXPECT_EQ(f.format, "feed");
    ASSERT_EQ(f.result.articles.size(), 2u);
    const Article& a = f.result.articles[0];
    EXPECT_EQ(a.title, "Grève dans les transports");
    EXPECT_NE(a.text.find("grève reconductible"), std::string::npos);
    EXPECT_EQ(a.text.find("Résumé"), std::string::npos);
    EXPECT_EQ(a.published.value, "2023-11-02");
    EXPECT_EQ(a.published.source, "feed");
    EXPECT_EQ(a.lang, "fr");
    EXPECT_EQ(a.url, "https://example.org/a");
    EXPECT_EQ(a.source_name, "Le Fil");
    EXPECT_EQ(a.source_key, "fil.xml#a-1");
    EXPECT_EQ(f.result.articles[1].text, "Seulement la description, assez longue pour un paragraphe.");
}

TEST(test_feed_importer, atom_entries_published_over_updated) {
    test_support::use_source_resources();
    const std::string atom =
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"><title>Wire</title>"
        "<entry><title>Troops leave</title><link rel=\"alternate\" href=\"https://example.org/t\"/><id>urn:1</id>"
        "<updated>2022-01-20T10:00:00Z</updated><published>2022-01-14T09:30:00Z</published>"
        "<author><name>Jane Doe</name></author><summary>Short.</summary>"
        "<content type=\"html\">&lt;p&gt;The troops left the country on Friday, the ministry said.&lt;/p&gt;</content></entry></feed>";
    const auto f = import_bytes(atom, SourceInfo{"wire.atom", "atom", "", ""});
    ASSERT_EQ(f.result.articles.size(), 1u);
    const Article& a = f.result.articles[0];
    EXPECT_EQ(a.published.value, "2022-01-14T09:30:00Z");
    EXPECT_EQ(a.author, "Jane Doe");
    EXPECT_EQ(a.url, "https://example.org/t");
    EXPECT_EQ(a.text, "The troops left the country on Friday, the ministry said.");
}

TEST(test_feed_importer, entity_bomb_is_not_expanded) {
    test_support::use_source_resources();
    std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">";
    for (int i = 1; i <= 9; ++i) {
        bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int k = 0; k < 10; ++k) bomb += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        bomb += "\">";
    }
    bomb += "]><rss><channel><title>B</title><item><title>Boom</title><description>&lol9; and some words</description></item></channel></rss>";
    const auto start = std::chrono::steady_clock::now();
    const auto f = import_bytes(bomb, SourceInfo{"bomb.rss", "rss", "", ""});
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
    ASSERT_EQ(f.result.articles.size(), 1u);
    EXPECT_LT(f.result.articles[0].text.size(), 100u);
}

TEST(test_feed_importer, broken_xml_is_a_clear_error) {
    test_support::use_source_resources();
    try {
        (void)import_bytes("<rss><channel><item><title>x</item>", SourceInfo{"b.rss", "rss", "", ""});
        FAIL();
    } catch (const ImportError& e) {
        EXPECT_NE(std::string(e.what()).find("invalid XML"), std::string::npos);
    }
}
