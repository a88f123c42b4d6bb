#include "core/util/hash_set64.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>

using namespace storyline;

// Agrees with std::set through many doublings, for hashes close together (same low bits),
// spread out, and 0 (the free-slot mark).
TEST(test_hash_set64, agrees_with_std_set_through_growth) {
    HashSet64 set;
    std::set<std::uint64_t> want;
    EXPECT_FALSE(set.contains(0));
    EXPECT_FALSE(set.contains(42));
    std::uint64_t x = 88172645463325252ULL;
    for (int i = 0; i < 20000; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;   // xorshift: spread-out values
        const std::uint64_t v = (i % 3 == 0) ? static_cast<std::uint64_t>(i) << 32 : x;
        set.insert(v);
        set.insert(v);   // twice: kept once
        want.insert(v);
    }
    set.insert(0);
    want.insert(0);
    for (const auto v : want) EXPECT_TRUE(set.contains(v)) << v;
    for (std::uint64_t v = 1; v < 3000; ++v) EXPECT_EQ(set.contains(v), want.count(v) == 1) << v;
    set.clear();
    EXPECT_FALSE(set.contains(0));
    EXPECT_FALSE(set.contains(*want.rbegin()));
}
