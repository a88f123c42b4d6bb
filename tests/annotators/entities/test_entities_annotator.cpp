// The annotator as the pipeline sees it: interface, offsets, threads, and the seed article and
// its English fixtures resolving to one key per actor and place.
#include "entities_test_util.hpp"

#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

namespace storyline::entities_test {
namespace {

std::string read_file(const std::string& relative) {
    std::ifstream in(std::string(STORYLINE_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// key -> surfaces, over several documents
using Keys = std::map<std::string, std::set<std::string>>;
void collect(const Document& doc, Keys& keys) {
    for (const auto& m : doc.entities) keys[m.key].insert(std::string(m.span.in(doc.article.text)));
}

TEST(entities_annotator, test_entities_interface) {
    auto a = make_entity_annotator();
    EXPECT_EQ(a->name(), "entities");
    EXPECT_EQ(a->reads(), "sentences");
    EXPECT_EQ(a->writes(), "entities");
}

TEST(entities_annotator, test_entities_offsets_sorted_non_overlapping) {
    const std::string text =
        "« Ils doivent rentrer chez eux », a déclaré Poutine.\nLe secrétaire général de l’OTSC, "
        "Stanislav Zas, a annoncé la fin de la mission au Kazakhstan.";
    const auto doc = annotate(text, "fr");
    ASSERT_GE(doc.entities.size(), 3u) << dump(doc);
    for (std::size_t i = 0; i < doc.entities.size(); ++i) {
        EXPECT_LE(doc.entities[i].span.end, text.size());
        EXPECT_LT(doc.entities[i].span.begin, doc.entities[i].span.end);
        if (i > 0) {
            EXPECT_LE(doc.entities[i - 1].span.end, doc.entities[i].span.begin);
        }
    }
    EXPECT_EQ(find(doc, "Stanislav Zas")->key, "per:zas");
}

TEST(entities_annotator, test_entities_same_result_from_several_threads) {
    const std::string text = "Vladimir Putin met Kassym-Jomart Tokayev in Moscow. The CSTO said Russian troops left.";
    const auto expected = dump(annotate(text, "en"));
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < got.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int k = 0; k < 20; ++k) got[t] = dump(annotate(text, "en"));
        });
    }
    for (auto& th : threads) th.join();
    for (const auto& g : got) EXPECT_EQ(g, expected);
}

TEST(entities_annotator, test_entities_seed_and_english_fixtures_share_keys) {
    rapidjson::Document seed;
    seed.Parse(read_file("fixtures/articles/seed/poutine-kazakhstan-retrait.json").c_str());
    ASSERT_TRUE(seed.IsObject());
    std::string md = read_file("fixtures/articles/en/csto-withdrawal-begins.md");
    md = md.substr(md.find("---", 3) + 3);  // drop the front matter
    Keys fr, en;
    collect(annotate(seed["text"].GetString(), "fr"), fr);
    collect(annotate(md, "en"), en);
    for (const char* k : {"per:putin", "per:tokaiev", "per:zas", "per:blinken", "org:csto", "country:KZ",
                          "country:RU", "country:BY", "country:US", "city:1526384"}) {
        EXPECT_TRUE(fr.count(k)) << "seed lacks " << k;
        EXPECT_TRUE(en.count(k)) << "English fixture lacks " << k;
    }
    EXPECT_TRUE(fr["country:RU"].count("russes"));
    EXPECT_TRUE(fr["country:BY"].count("biélorusses"));
    EXPECT_TRUE(fr["country:US"].count("américain"));
    EXPECT_TRUE(fr["org:csto"].count("OTSC"));
    EXPECT_TRUE(en["org:csto"].count("Collective Security Treaty Organization"));
    EXPECT_TRUE(fr.count("region:central-asia"));
}

} // namespace
} // namespace storyline::entities_test
