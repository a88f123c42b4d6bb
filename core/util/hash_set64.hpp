#pragma once
// A set of 64-bit hashes: open addressing, linear probing, doubled at half full. One array and
// no node per element, where std::unordered_set<std::uint64_t> allocated a node per insert
// (the writer's bulk-load filter spent 2 % of its time there). 0 stands for a free slot, so the
// hash 0 is kept apart.
#include <cstdint>
#include <vector>

namespace storyline {

class HashSet64 {
public:
    void insert(std::uint64_t h) {
        if (h == 0) {
            m_has_zero = true;
            return;
        }
        if ((m_size + 1) * 2 > m_slots.size()) grow();
        if (place(m_slots, h)) ++m_size;
    }
    [[nodiscard]] bool contains(std::uint64_t h) const {
        if (h == 0) return m_has_zero;
        if (m_slots.empty()) return false;
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = slot(h, mask);; i = (i + 1) & mask) {
            if (m_slots[i] == h) return true;
            if (m_slots[i] == 0) return false;
        }
    }
    void clear() {
        m_slots = {};
        m_size = 0;
        m_has_zero = false;
    }

private:
    // Hashes may come from anywhere: mixed before their low bits pick the slot.
    static std::size_t slot(std::uint64_t h, std::size_t mask) {
        return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
    }
    static bool place(std::vector<std::uint64_t>& slots, std::uint64_t h) {
        const std::size_t mask = slots.size() - 1;
        std::size_t i = slot(h, mask);
        while (slots[i] != 0) {
            if (slots[i] == h) return false;
            i = (i + 1) & mask;
        }
        slots[i] = h;
        return true;
    }
    void grow() {
        std::vector<std::uint64_t> bigger(m_slots.empty() ? 1024 : m_slots.size() * 2, 0);
        for (const std::uint64_t h : m_slots)
            if (h != 0) place(bigger, h);
        m_slots.swap(bigger);
    }

    std::vector<std::uint64_t> m_slots;
    std::size_t m_size = 0;
    bool m_has_zero = false;
}; // class HashSet64

} // namespace storyline
