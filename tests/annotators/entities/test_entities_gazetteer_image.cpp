#include "annotators/entities/gazetteer_image.hpp"
#include "annotators/entities/tokenizer.hpp"
#include "core/util/image_cache.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <filesystem>
#include <fstream>
#include <optional>
#include <unistd.h>

namespace storyline::entities {
namespace {

// The image holds the whole gazetteer: read back and written again it gives the same bytes,
// and the read one answers as the built one.
TEST(test_entities_gazetteer_image, round_trip_gives_the_same_gazetteer) {
    const Gazetteer built;
    const std::string image = gazetteer_image(built);
    const auto read = gazetteer_from_image(image);
    ASSERT_NE(read, nullptr);
    EXPECT_TRUE(gazetteer_image(*read) == image);   // (not EXPECT_EQ: 11 MB would be printed)
    for (const char* phrase : {"paris", "kazakhstan", "new york", "otsc", "csto", "no such place"}) {
        const auto* a = built.find(phrase);
        const auto* b = read->find(phrase);
        ASSERT_EQ(a == nullptr, b == nullptr) << phrase;
        if (a) {
            EXPECT_EQ(*a, *b) << phrase;
        }
    }
    for (const char* lang : {"en", "fr"}) {
        const Lexicon& a = built.lexicon(lang);
        const Lexicon& b = read->lexicon(lang);
        EXPECT_EQ(a.words.size(), b.words.size());
        EXPECT_EQ(a.common.size(), b.common.size());
        EXPECT_EQ(a.stop_words, b.stop_words);
        EXPECT_EQ(a.cues, b.cues);
        EXPECT_EQ(a.elision, b.elision);
    }
    ASSERT_NE(read->by_id("country:KZ"), nullptr);
    EXPECT_EQ(read->by_id("country:KZ")->canonical, built.by_id("country:KZ")->canonical);
}

// The recognizer matches phrases from the longest one a word's table entry says it starts
// (WordInfo::gaz_max) instead of asking the first words' index: both must give the same match,
// in a built gazetteer and in one read from its image.
TEST(test_entities_gazetteer_image, a_words_longest_phrase_gives_the_same_match) {
    const Gazetteer built;
    const auto read = gazetteer_from_image(gazetteer_image(built));
    ASSERT_NE(read, nullptr);
    for (const Gazetteer* gaz : {static_cast<const Gazetteer*>(&built), static_cast<const Gazetteer*>(read.get())}) {
        for (const char* text : {"New York City Hall", "the United States and Kazakhstan", "Paris", "Rio de Janeiro today"}) {
            const Tokens toks = tokenize(text);
            for (std::size_t i = 0; i < toks.size(); ++i) {
                const auto by_index = gaz->longest_match(toks, i, 12);
                const WordInfo* info = Gazetteer::word(gaz->lexicon("en"), toks[i].fold);
                const std::size_t first_max = info ? info->gaz_max : 0;
                if (first_max == 0) {   // the recognizer does not ask: no phrase may start here
                    EXPECT_EQ(by_index.first, 0U) << text << " @" << i;
                    continue;
                }
                const auto by_word = gaz->longest_match(toks, i, 12, first_max);
                EXPECT_EQ(by_index.first, by_word.first) << text << " @" << i;
                EXPECT_EQ(by_index.second, by_word.second) << text << " @" << i;
            }
        }
        const Tokens ny = tokenize("New York City Hall");
        EXPECT_GE(gaz->longest_match(ny, 0, 12).first, 2U);   // the test holds a real match
    }
}

// Read in place (as from the mapped cache file), the gazetteer is the same too.
TEST(test_entities_gazetteer_image, view_of_the_image_gives_the_same_gazetteer) {
    const std::string image = gazetteer_image(Gazetteer());
    char* aligned = static_cast<char*>(::operator new(image.size(), std::align_val_t{64}));
    std::memcpy(aligned, image.data(), image.size());
    {
        const auto read = gazetteer_from_image(std::string_view(aligned, image.size()), true);
        ASSERT_NE(read, nullptr);
        EXPECT_TRUE(gazetteer_image(*read) == image);
        ASSERT_NE(read->find("kazakhstan"), nullptr);
        EXPECT_NE(Gazetteer::word(read->lexicon("en"), "president"), nullptr);
    }
    ::operator delete(aligned, std::align_val_t{64});
}

// A short image is refused wherever it is cut, never read past its end.
TEST(test_entities_gazetteer_image, cut_image_is_refused) {
    const std::string image = gazetteer_image(Gazetteer());
    for (std::size_t cut : {std::size_t{0}, std::size_t{7}, std::size_t{1000}, image.size() / 3, image.size() / 2,
                            image.size() - 9, image.size() - 1})
        EXPECT_EQ(gazetteer_from_image(std::string_view(image).substr(0, cut)), nullptr) << cut;
    EXPECT_EQ(gazetteer_from_image(image + "x"), nullptr);
}

class test_entities_image_cache : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() / ("storyline-image-test-" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_dir);
        if (const char* old = std::getenv("STORYLINE_CACHE_DIR")) m_old = old;
        ::setenv("STORYLINE_CACHE_DIR", m_dir.c_str(), 1);
    }
    void TearDown() override {
        if (m_old) ::setenv("STORYLINE_CACHE_DIR", m_old->c_str(), 1);
        else ::unsetenv("STORYLINE_CACHE_DIR");
        std::filesystem::remove_all(m_dir);
    }
    std::filesystem::path m_dir;
    std::optional<std::string> m_old;
};

// The cache gives back what was written under the same key, nothing under another, and nothing
// once a byte of the file is damaged.
TEST_F(test_entities_image_cache, cached_image_is_keyed_and_checked) {
    ImageKey key;
    if (!key.usable()) GTEST_SKIP() << "this binary has no build id";
    key.add("one");
    ImageKey other;
    other.add("two");
    write_cached_image("test", key, "payload bytes");
    auto read = read_cached_image("test", key);
    ASSERT_NE(read, nullptr);
    EXPECT_EQ(read->payload(), "payload bytes");
    EXPECT_EQ(read_cached_image("test", other), nullptr);
    const auto file = m_dir / ("test-" + key.hex() + ".bin");
    ASSERT_TRUE(std::filesystem::exists(file));
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(-3, std::ios::end);
        f.put('#');
    }
    EXPECT_EQ(read_cached_image("test", key), nullptr);
    std::filesystem::resize_file(file, 10);
    EXPECT_EQ(read_cached_image("test", key), nullptr);
}

// Editing a data file changes the key: an old image is never read for new data.
TEST_F(test_entities_image_cache, key_follows_the_files) {
    const auto data = m_dir / "data";
    std::filesystem::create_directories(data / "sub");
    std::ofstream(data / "a.tsv") << "alpha\n";
    std::ofstream(data / "sub" / "b.txt") << "beta\n";
    auto key_of = [&] {
        ImageKey k;
        k.add_folder(data);
        return k.hex();
    };
    const std::string first = key_of();
    EXPECT_EQ(key_of(), first);
    std::ofstream(data / "sub" / "b.txt") << "beta!\n";
    const std::string edited = key_of();
    EXPECT_NE(edited, first);
    std::ofstream(data / "c.txt") << "";
    EXPECT_NE(key_of(), edited);
}

// Off means off: nothing read, nothing written.
TEST_F(test_entities_image_cache, cache_can_be_turned_off) {
    ::setenv("STORYLINE_CACHE_DIR", "off", 1);
    ImageKey key;
    write_cached_image("test", key, "payload");
    EXPECT_EQ(read_cached_image("test", key), nullptr);
    EXPECT_FALSE(std::filesystem::exists(m_dir));
}

} // namespace
} // namespace storyline::entities
