#include "core/graph/near_duplicates.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace storyline;

namespace {

// The body of a fixture article (after its front matter): an invented wire story of ~300 words.
std::string fixture_body(const std::string& name) {
    std::ifstream in(std::string(STORYLINE_SOURCE_DIR) + "/fixtures/near-duplicates/" + name);
    std::stringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    const auto end = text.find("\n---\n", 4);
    return end == std::string::npos ? text : text.substr(end + 5);
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

// Another outlet's copy: one sentence reworded, other line breaks, the outlet's tag line.
std::string other_outlet(std::string body) {
    body = replace(body,
                   "Commuters were told to use the ring road to the east of the town, where police set up traffic "
                   "controls to ease the expected congestion.",
                   "Drivers were advised to take the eastern ring road, where officers directed traffic through the afternoon.");
    std::replace(body.begin(), body.end(), '\n', ' ');
    for (std::size_t i = 80; i < body.size(); i += 97) {
        if (body[i] == ' ') body[i] = '\n';
    }
    return body + "\n\nFollow the Coastline Courier for live updates on travel in the region.\n";
}

struct Doc {
    std::string id, lang, text, published;
};

NearDuplicates find(const std::vector<Doc>& docs) {
    NearDuplicateFinder f;
    for (const auto& d : docs) f.add(d.id, d.lang, d.text, d.published);
    return f.find();
}

} // namespace

TEST(test_near_duplicates, identical_bodies_fold_into_the_smallest_id) {
    const std::string body = fixture_body("outlet-a-harbour-bridge.md");
    ASSERT_GT(body.size(), 1000u);
    const auto dups = find({{"art-b", "en", body, ""}, {"art-a", "en", body, ""}, {"art-c", "en", "Unrelated.", ""}});
    ASSERT_EQ(dups.clusters.size(), 1u);
    EXPECT_EQ(dups.clusters[0].representative, "art-a");
    EXPECT_EQ(dups.clusters[0].members, (std::vector<std::string>{"art-a", "art-b"}));
    EXPECT_TRUE(dups.folded("art-b"));
    EXPECT_FALSE(dups.folded("art-a"));
    EXPECT_FALSE(dups.folded("art-c"));
    ASSERT_EQ(dups.pairs.size(), 1u);
    EXPECT_DOUBLE_EQ(dups.pairs[0].similarity, 1.0);
}

TEST(test_near_duplicates, other_outlets_copy_of_the_wire_story_folds) {
    const std::string a = fixture_body("outlet-a-harbour-bridge.md");
    const std::string b = other_outlet(a);
    EXPECT_GE(near_duplicate_similarity(a, b), NearDuplicateSettings{}.threshold);
    const auto dups = find({{"art-1", "en", a, "2031-03-11"}, {"art-2", "en", b, "2031-03-11T14:05:00Z"}});
    ASSERT_EQ(dups.clusters.size(), 1u);
    EXPECT_EQ(dups.clusters[0].members.size(), 2u);
}

TEST(test_near_duplicates, collect_sources_unites_the_members_sources) {
    const std::string body = fixture_body("outlet-a-harbour-bridge.md");
    auto dups = find({{"art-1", "en", body, ""}, {"art-2", "en", other_outlet(body), ""}});
    dups.collect_sources([](const std::string& id) {
        return id == "art-1" ? std::vector<std::string>{"b/one.md", "a/one-again.md"} : std::vector<std::string>{"c/two.json"};
    });
    ASSERT_EQ(dups.clusters.size(), 1u);
    EXPECT_EQ(dups.clusters[0].sources, (std::vector<std::string>{"a/one-again.md", "b/one.md", "c/two.json"}));
    ASSERT_NE(dups.cluster_sources("art-1"), nullptr);
    EXPECT_EQ(dups.cluster_sources("art-2"), nullptr);
}

TEST(test_near_duplicates, two_stories_sharing_sentences_stay_apart) {
    const std::string a = fixture_body("outlet-a-harbour-bridge.md");
    const std::string follow_up = fixture_body("outlet-a-bridge-reopens.md");
    EXPECT_LT(near_duplicate_similarity(a, follow_up), 0.3);
    // Two more sentences of the first story copied into the follow-up still do not make a copy.
    const std::string more = follow_up + "\nThe ship, the Merrin Dawn, lost engine power shortly after leaving the container "
                                         "terminal. No one on board was hurt and the ship was towed back to its berth by two tugboats.\n";
    EXPECT_LT(near_duplicate_similarity(a, more), 0.5);
    EXPECT_TRUE(find({{"art-1", "en", a, ""}, {"art-2", "en", follow_up, ""}, {"art-3", "en", more, ""}}).clusters.size() <= 1);
    EXPECT_FALSE(find({{"art-1", "en", a, ""}, {"art-2", "en", more, ""}}).folded("art-2"));
}

TEST(test_near_duplicates, short_bodies_never_fold) {
    const std::string brief = "The Tarrow harbour bridge in Kellmouth was closed on Tuesday after a cargo ship struck one of "
                              "its piers during a storm, the transport authority said.";  // 26 words
    EXPECT_LT(near_duplicate_similarity(brief, brief), 0.0);
    EXPECT_TRUE(find({{"art-1", "en", brief, ""}, {"art-2", "en", brief, ""}}).clusters.empty());
    EXPECT_TRUE(find({{"art-1", "en", "", ""}, {"art-2", "en", "", ""}}).clusters.empty());
}

TEST(test_near_duplicates, different_languages_never_fold) {
    const std::string body = fixture_body("outlet-a-harbour-bridge.md");
    EXPECT_TRUE(find({{"art-1", "en", body, ""}, {"art-2", "fr", body, ""}}).clusters.empty());
}

TEST(test_near_duplicates, copies_published_weeks_apart_stay_apart) {
    // The same text three weeks later is a recurring notice, not a copy; a day later it is a copy.
    const std::string body = fixture_body("outlet-a-harbour-bridge.md");
    EXPECT_TRUE(find({{"art-1", "en", body, "2031-03-11"}, {"art-2", "en", body, "2031-04-01"}}).clusters.empty());
    EXPECT_EQ(find({{"art-1", "en", body, "2031-03-11"}, {"art-2", "en", body, "2031-03-12"}}).clusters.size(), 1u);
}

TEST(test_near_duplicates, a_dated_copy_represents_the_cluster) {
    const std::string body = fixture_body("outlet-a-harbour-bridge.md");
    const auto dups = find({{"art-1", "en", body, ""}, {"art-9", "en", other_outlet(body), "2031-03-11"}});
    ASSERT_EQ(dups.clusters.size(), 1u);
    EXPECT_EQ(dups.clusters[0].representative, "art-9");
    EXPECT_TRUE(dups.folded("art-1"));
}

TEST(test_near_duplicates, result_does_not_depend_on_input_order) {
    const std::string a = fixture_body("outlet-a-harbour-bridge.md");
    const std::string f = fixture_body("outlet-a-bridge-reopens.md");
    std::vector<Doc> docs{{"art-5", "en", a, ""},          {"art-3", "en", other_outlet(a), ""}, {"art-4", "en", f, ""},
                          {"art-1", "en", f + " Reuter", ""}, {"art-2", "fr", a, ""},               {"art-6", "en", a, "2031-03-12"}};
    std::sort(docs.begin(), docs.end(), [](const Doc& x, const Doc& y) { return x.id < y.id; });
    const auto first = find(docs);
    ASSERT_EQ(first.clusters.size(), 2u);
    int permutations = 0;
    do {
        const auto other = find(docs);
        ASSERT_EQ(other.clusters.size(), first.clusters.size());
        for (std::size_t i = 0; i < first.clusters.size(); ++i) {
            EXPECT_EQ(other.clusters[i].representative, first.clusters[i].representative);
            EXPECT_EQ(other.clusters[i].members, first.clusters[i].members);
        }
        ASSERT_EQ(other.pairs.size(), first.pairs.size());
        for (std::size_t i = 0; i < first.pairs.size(); ++i) {
            EXPECT_EQ(other.pairs[i].a, first.pairs[i].a);
            EXPECT_EQ(other.pairs[i].b, first.pairs[i].b);
        }
        ++permutations;
    } while (std::next_permutation(docs.begin(), docs.end(), [](const Doc& x, const Doc& y) { return x.id < y.id; }));
    EXPECT_EQ(permutations, 720);
    EXPECT_EQ(first.clusters[0].representative, "art-6");  // the dated copy
    EXPECT_EQ(first.clusters[0].members, (std::vector<std::string>{"art-3", "art-5", "art-6"}));
    EXPECT_EQ(first.clusters[1].members, (std::vector<std::string>{"art-1", "art-4"}));
}

TEST(test_near_duplicates, hundreds_of_equal_bodies_fold_into_one_in_linear_work) {
    // One boilerplate body under many ids (a scraper that kept a site's banner): one cluster.
    const std::string body = fixture_body("outlet-a-harbour-bridge.md");
    std::vector<Doc> docs;
    for (int i = 0; i < 300; ++i) docs.push_back({"art-" + std::to_string(1000 + i), "en", body, ""});
    const auto dups = find(docs);
    ASSERT_EQ(dups.clusters.size(), 1u);
    EXPECT_EQ(dups.clusters[0].members.size(), 300u);
    EXPECT_EQ(dups.clusters[0].representative, "art-1000");
    EXPECT_LT(dups.pairs.size(), 2u * 300u);  // first + neighbour, not 300 · 299 / 2
}

// Signatures are computed a few MB at a time on every core: a copy signed in another batch than
// its original (and by another thread) still folds, and the outcome is that of one batch.
TEST(test_near_duplicates, copies_signed_in_different_batches_fold) {
    std::vector<Doc> docs;
    std::uint64_t state = 42;
    auto word = [&] {   // a made-up word: texts share almost no 5-word shingle
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        std::string w;
        for (int k = 0; k < 6; ++k) w.push_back(static_cast<char>('a' + ((state >> (8 + 5 * k)) % 26)));
        return w;
    };
    for (int i = 0; i < 700; ++i) {   // 700 bodies of about 8 KB: past the 4 MB of one batch
        std::string text;
        while (text.size() < 8000) text += word() + ' ';
        docs.push_back({"art-" + std::to_string(1000 + i), "en", text, ""});
    }
    docs.push_back({"art-9001", "en", docs[3].text, ""});     // signed in the last batch, its original in the first
    docs.push_back({"art-9002", "en", docs[650].text, ""});   // both in the last batch
    const auto dups = find(docs);
    ASSERT_EQ(dups.clusters.size(), 2u);
    EXPECT_EQ(dups.clusters[0].members, (std::vector<std::string>{"art-1003", "art-9001"}));
    EXPECT_EQ(dups.clusters[1].members, (std::vector<std::string>{"art-1650", "art-9002"}));
    EXPECT_DOUBLE_EQ(dups.pairs[0].similarity, 1.0);
    EXPECT_DOUBLE_EQ(near_duplicate_similarity(docs[3].text, docs[4].text), near_duplicate_similarity(docs[4].text, docs[3].text));
}
