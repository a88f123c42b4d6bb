#pragma once
// Work that a busy thread offers to threads with nothing left of their own: an import's worker
// that reads a file of many records (a JSON Lines dump) offers batches of them, so that the
// other cores annotate them instead of idling while one core works through the whole file.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace storyline {

template <typename T>
class WorkShare {
public:
    // `givers`: the threads that may still offer work; each says giving_done() once, then may
    // take. At most `capacity` items wait: past that a giver does the work itself, so memory
    // stays bounded by what it already holds.
    WorkShare(std::size_t givers, std::size_t capacity)
        : m_givers(givers), m_capacity(std::max<std::size_t>(capacity, 1)) {}

    // Offers `item`; false (the item left with the caller) when enough work is waiting already.
    bool offer(T& item) {
        {
            std::lock_guard lock(m_mutex);
            if (m_items.size() >= m_capacity) return false;
            m_items.push_back(std::move(item));
        }
        m_ready.notify_one();
        return true;
    }

    // This thread will offer nothing more.
    void giving_done() {
        std::lock_guard lock(m_mutex);
        if (m_givers > 0 && --m_givers == 0) m_ready.notify_all();
    }

    // The next item offered; waits while some giver may still offer one. nullopt once no item
    // is left and every giver is done.
    std::optional<T> take() {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_items.empty() || m_givers == 0; });
        if (m_items.empty()) return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        return item;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<T> m_items;
    std::size_t m_givers;
    const std::size_t m_capacity;
}; // class WorkShare

} // namespace storyline
