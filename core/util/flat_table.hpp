#pragma once
// An open-addressing table from a 64-bit hash (never 0) to a value, mostly built once and then
// read: one cache line per look-up where std::unordered_map chases three pointers, and no node
// per insert. The entity stage keys it by words' StringHash (two different words sharing all 64
// bits of hash is left to chance: about 1 in 10^10 for 10^5 words); the SQLite writer by the
// XXH64 of the keys a bulk load wrote.
#include <cstdint>
#include <string_view>
#include <vector>

namespace storyline {

// FNV-1a, then a final mix so that the low bits used as the slot index are well spread.
class StringHash {
public:
    void add(std::string_view s) {
        for (const char c : s) {
            m_h ^= static_cast<unsigned char>(c);
            m_h *= 0x100000001b3ULL;
        }
    }
    void add(char c) {
        m_h ^= static_cast<unsigned char>(c);
        m_h *= 0x100000001b3ULL;
    }
    [[nodiscard]] std::uint64_t value() const {
        std::uint64_t h = m_h;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        return h == 0 ? 1 : h;  // 0 marks an empty slot
    }
    static std::uint64_t of(std::string_view s) {
        StringHash h;
        h.add(s);
        return h.value();
    }

private:
    std::uint64_t m_h = 0xcbf29ce484222325ULL;
};

template <typename Value>
class FlatTable {
public:
    FlatTable() = default;
    // Room for `expected` entries without growing.
    explicit FlatTable(std::size_t expected) {
        std::size_t n = 1024;
        while (n < expected * 2 + 2) n *= 2;
        m_slots.assign(n, Slot{});
        m_mask = n - 1;
    }
    // Inserts or returns the existing value for a hash.
    Value& operator[](std::uint64_t hash) {
        if ((m_size + 1) * 2 > m_slots.size()) grow();
        std::size_t i = hash & m_mask;
        while (m_slots[i].hash != 0 && m_slots[i].hash != hash) i = (i + 1) & m_mask;
        if (m_slots[i].hash == 0) {
            m_slots[i].hash = hash;
            ++m_size;
            if (!m_filter.empty()) set_filter_bit(hash);
        }
        return m_slots[i].value;
    }
    // Adds a filter of `bits_per_entry` bits per entry, one set per stored hash (by the hash's
    // top bits; the slot index takes its low bits). A look-up whose bit is clear ends there,
    // without loading a slot: for a table of several MB that is mostly asked for absent keys
    // (the gazetteer's phrase prefixes), the slot was a cache miss and the filter is not.
    void add_filter(std::size_t bits_per_entry = 8) {
        std::size_t bits = 4096;
        while (bits < m_size * bits_per_entry) bits *= 2;
        m_filter.assign(bits / 64, 0);
        m_filter_mask = bits - 1;
        for (const auto& s : m_slots)
            if (s.hash != 0) set_filter_bit(s.hash);
    }
    [[nodiscard]] const Value* find(std::uint64_t hash) const {
        if (m_slots.empty()) return nullptr;
        if (!m_filter.empty()) {
            const std::uint64_t b = (hash >> 32) & m_filter_mask;
            if (((m_filter[b >> 6] >> (b & 63)) & 1) == 0) return nullptr;
        }
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            if (m_slots[i].hash == hash) return &m_slots[i].value;
            if (m_slots[i].hash == 0) return nullptr;
        }
    }
    [[nodiscard]] std::size_t size() const { return m_size; }
    // Calls f(hash, value) for every entry, in slot order.
    template <typename F>
    void for_each(F&& f) const {
        for (const auto& s : m_slots) {
            if (s.hash != 0) f(s.hash, s.value);
        }
    }
    // Asks the CPU to load a hash's slot now, so that a later find() does not wait for memory.
    void prefetch(std::uint64_t hash) const {
        if (!m_slots.empty()) __builtin_prefetch(&m_slots[hash & m_mask]);
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        Value value{};
    };
    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        m_mask = m_slots.size() - 1;
        m_size = 0;
        for (auto& s : old) {
            if (s.hash != 0) (*this)[s.hash] = std::move(s.value);
        }
    }
    void set_filter_bit(std::uint64_t hash) {
        const std::uint64_t b = (hash >> 32) & m_filter_mask;
        m_filter[b >> 6] |= std::uint64_t{1} << (b & 63);
    }
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
    std::vector<std::uint64_t> m_filter;   // empty: no filter
    std::uint64_t m_filter_mask = 0;
}; // class FlatTable

} // namespace storyline
