#include "core/util/hash.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

using namespace storyline;

// Content hashes are stored (sources.content_hash, article ids): their digits must not move.
TEST(test_hash, hex_digits_are_xxh64_with_seed_zero) {
    EXPECT_EQ(hash_hex(""), "ef46db3751d8e999");   // XXH64 of nothing, seed 0 (xxHash's reference value)
    EXPECT_EQ(hash_hex("a"), hash_hex(std::string("a")));
    const std::string h = hash_hex("Kazakhstan");
    EXPECT_EQ(h.size(), 16u);
    EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
    char expected[17];
    std::snprintf(expected, sizeof expected, "%016llx", static_cast<unsigned long long>(hash64("Kazakhstan")));
    EXPECT_EQ(h, expected);
}

// An article's content hash is that of its title, a unit separator and its text, joined: the
// parts hashed one after the other give the same digits (a database made before keeps its ids).
TEST(test_hash, parts_hash_as_their_concatenation) {
    const std::string title = "L'OTSC se retire du Kazakhstan";
    const std::string text(5000, 'x');   // past XXH64's 32-byte stripes, and not a multiple of them
    EXPECT_EQ(hash_hex({title, "\x1f", text}), hash_hex(title + '\x1f' + text));
    EXPECT_EQ(hash_hex({"", "\x1f", ""}), hash_hex("\x1f"));
    EXPECT_EQ(hash_hex({"ab", "c"}), hash_hex("abc"));
    EXPECT_NE(hash_hex({"ab", "c"}), hash_hex({"a", "bc", "d"}));
}
