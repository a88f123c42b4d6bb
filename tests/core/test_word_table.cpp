#include "core/util/word_table.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace storyline;

TEST(test_word_table, finds_every_word_inserted_across_growth_and_nothing_else) {
    WordTable<int> t;
    for (int k = 0; k < 5000; ++k) t["word" + std::to_string(k)] = k;   // grows from 64 slots
    EXPECT_EQ(t.size(), 5000u);
    for (int k = 0; k < 5000; ++k) {
        const std::string w = "word" + std::to_string(k);
        const int* v = t.find(w);
        ASSERT_NE(v, nullptr) << w;
        EXPECT_EQ(*v, k);
        EXPECT_EQ(t.find(w, word_hash(w)), v);
    }
    for (int k = 5000; k < 6000; ++k) EXPECT_EQ(t.find("word" + std::to_string(k)), nullptr);
    EXPECT_EQ(t.find(""), nullptr);
    t["word7"] = 70;   // an existing key keeps its slot
    EXPECT_EQ(t.size(), 5000u);
    EXPECT_EQ(*t.find("word7"), 70);
}

TEST(test_word_table, empty_table_finds_nothing) {
    const WordTable<int> t;
    EXPECT_EQ(t.find("a"), nullptr);
}
