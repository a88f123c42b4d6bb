#include "cli/shard.hpp"

#include <gtest/gtest.h>

using namespace storyline::cli;

TEST(test_shard, parse_accepts_k_of_n_only) {
    ASSERT_TRUE(parse_shard("2/4"));
    EXPECT_EQ(parse_shard("2/4")->index, 2);
    EXPECT_EQ(parse_shard("2/4")->count, 4);
    EXPECT_TRUE(parse_shard("1/1"));
    for (const char* bad : {"", "4", "0/4", "5/4", "-1/4", "1/0", "a/b", "1/4x", "1//4", " 1/4"})
        EXPECT_FALSE(parse_shard(bad)) << bad;
}

TEST(test_shard, every_file_lands_in_exactly_one_shard_and_always_the_same) {
    std::vector<std::string> files;
    for (int i = 0; i < 400; ++i) files.emplace_back("corpus/day" + std::to_string(i % 7) + "/article-" + std::to_string(i) + ".txt");
    std::vector<int> owners(files.size(), 0);
    for (int k = 1; k <= 4; ++k) {
        const auto part = select_shard(files, Shard{k, 4});
        EXPECT_GT(part.size(), 60u);   // roughly even: 100 expected
        EXPECT_EQ(part, select_shard(files, Shard{k, 4}));
        for (std::size_t i = 0; i < files.size(); ++i)
            if (in_shard(files[i], Shard{k, 4})) ++owners[i];
    }
    for (int n : owners) EXPECT_EQ(n, 1);
    EXPECT_EQ(select_shard(files, Shard{1, 1}).size(), files.size());
}

TEST(test_shard, split_is_pinned_across_builds) {
    // Workers on different machines and builds must agree: XXH64 (seed 0) of the path, mod N.
    EXPECT_TRUE(in_shard("articles/a.txt", Shard{2, 4}));
    EXPECT_TRUE(in_shard("articles/a.txt", Shard{4, 7}));
    EXPECT_TRUE(in_shard("fixtures/articles/en/csto-withdrawal-begins.md", Shard{4, 4}));
    EXPECT_TRUE(in_shard("x", Shard{1, 7}));
}
