#include "core/util/work_share.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace storyline;

// An offer past the capacity is refused and stays with the giver; taking makes room again.
TEST(test_work_share, offers_past_the_capacity_stay_with_the_giver) {
    WorkShare<std::vector<int>> share(1, 2);
    std::vector<int> a{1}, b{2}, c{3};
    EXPECT_TRUE(share.offer(a));
    EXPECT_TRUE(share.offer(b));
    EXPECT_FALSE(share.offer(c));
    EXPECT_EQ(c, std::vector<int>{3});   // not moved out
    EXPECT_EQ(share.take(), std::vector<int>{1});
    EXPECT_TRUE(share.offer(c));
    share.giving_done();
    EXPECT_EQ(share.take(), std::vector<int>{2});
    EXPECT_EQ(share.take(), std::vector<int>{3});
    EXPECT_EQ(share.take(), std::nullopt);   // empty and no giver left: no wait
}

// A taker waits while a giver may still offer, and ends once every giver is done: every item
// is taken exactly once, whichever thread takes it.
TEST(test_work_share, takers_get_every_offer_once_and_end_with_the_givers) {
    constexpr int givers = 3, per_giver = 2000;
    WorkShare<int> share(givers, 4);
    std::atomic<long long> sum{0};
    std::atomic<int> taken{0};
    auto take_all = [&] {
        while (auto v = share.take()) {
            sum += *v;
            ++taken;
        }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t) threads.emplace_back(take_all);
    for (int g = 0; g < givers; ++g) {
        threads.emplace_back([&, g] {
            for (int i = 1; i <= per_giver; ++i) {
                int v = g * per_giver + i;
                while (!share.offer(v)) std::this_thread::yield();   // full: a real giver works itself
            }
            share.giving_done();
            take_all();   // a giver with nothing left takes, as an import's worker does
        });
    }
    for (auto& t : threads) t.join();
    constexpr long long n = static_cast<long long>(givers) * per_giver;
    EXPECT_EQ(taken.load(), n);
    EXPECT_EQ(sum.load(), n * (n + 1) / 2);
}
