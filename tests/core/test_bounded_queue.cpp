#include "core/util/bounded_queue.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <thread>
#include <vector>

using namespace storyline;

// Fewer items than the wake-up mark are still delivered: close() wakes the consumers.
TEST(test_bounded_queue, items_below_the_wake_mark_arrive_at_close) {
    BoundedQueue<int> q(64);
    std::vector<int> got;
    std::thread consumer([&] {
        while (auto v = q.pop()) got.push_back(*v);
    });
    EXPECT_TRUE(q.push(1));
    EXPECT_TRUE(q.push(2));
    q.close();
    consumer.join();
    EXPECT_EQ(got, (std::vector<int>{1, 2}));
    EXPECT_FALSE(q.push(3));   // closed: dropped
}

// Many producers and consumers through a small queue: every item once, none lost, no hang
// (producers block while full and are woken as room frees up).
TEST(test_bounded_queue, every_item_passes_once_through_a_small_queue) {
    BoundedQueue<int> q(8);
    constexpr int per_producer = 5000;
    std::vector<long long> sums(3, 0);
    std::vector<int> counts(3, 0);
    std::vector<std::thread> consumers;
    for (int c = 0; c < 3; ++c) {
        consumers.emplace_back([&, c] {
            while (auto v = q.pop()) {
                sums[static_cast<std::size_t>(c)] += *v;
                ++counts[static_cast<std::size_t>(c)];
            }
        });
    }
    std::vector<std::thread> producers;
    for (int p = 0; p < 2; ++p) {
        producers.emplace_back([&] {
            for (int i = 1; i <= per_producer; ++i) q.push(i);
        });
    }
    for (auto& t : producers) t.join();
    q.close();
    for (auto& t : consumers) t.join();
    EXPECT_EQ(std::accumulate(counts.begin(), counts.end(), 0), 2 * per_producer);
    EXPECT_EQ(std::accumulate(sums.begin(), sums.end(), 0LL), 2LL * per_producer * (per_producer + 1) / 2);
}

// A capacity of one still works (the wake mark is at least one item).
TEST(test_bounded_queue, capacity_one_alternates) {
    BoundedQueue<int> q(1);
    std::thread producer([&] {
        for (int i = 0; i < 100; ++i) q.push(i);
        q.close();
    });
    int expected = 0;
    while (auto v = q.pop()) EXPECT_EQ(*v, expected++);
    producer.join();
    EXPECT_EQ(expected, 100);
}
