#include "core/util/flat_table.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace storyline;

TEST(test_entities_flat_table, filter_keeps_every_stored_hash_and_drops_most_absent_ones) {
    FlatTable<int> t;
    for (int k = 0; k < 20000; ++k) t[StringHash::of("phrase " + std::to_string(k))] = k;
    t.add_filter();
    t[StringHash::of("added after the filter")] = -1;   // later inserts set their bit too
    for (int k = 0; k < 20000; ++k) {
        const int* v = t.find(StringHash::of("phrase " + std::to_string(k)));
        ASSERT_NE(v, nullptr) << k;
        EXPECT_EQ(*v, k);
    }
    ASSERT_NE(t.find(StringHash::of("added after the filter")), nullptr);
    int found = 0;
    for (int k = 20000; k < 30000; ++k) found += t.find(StringHash::of("phrase " + std::to_string(k))) != nullptr;
    EXPECT_EQ(found, 0);   // the slots still answer exactly: the filter only saves their loads
}
