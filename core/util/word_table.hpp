#pragma once
// A read-only open-addressing table from a folded word to a small value, probed with a hash the
// caller computed. The hash is FNV-1a, whose state after a word's first n bytes is the state of
// that n-byte prefix: one pass over a word gives the hashes of the word and of all its stems,
// where std::unordered_map hashed each again (a fifth of the event stage).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

constexpr std::uint64_t word_hash_basis = 0xcbf29ce484222325ULL;

[[nodiscard]] inline std::uint64_t word_hash_step(std::uint64_t state, char c) {
    return (state ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
}

// The hash of the bytes a state has seen, mixed so that its low bits (the slot) spread well.
[[nodiscard]] inline std::uint64_t word_hash_final(std::uint64_t state) {
    state ^= state >> 33;
    state *= 0xff51afd7ed558ccdULL;
    return state ^ (state >> 33);
}

[[nodiscard]] inline std::uint64_t word_hash(std::string_view s) {
    std::uint64_t state = word_hash_basis;
    for (const char c : s) state = word_hash_step(state, c);
    return word_hash_final(state);
}

template <class Value>
class WordTable {
public:
    // The value of `key`, inserted default-constructed when new. Pointers into the table stay
    // valid once it is built: insert everything first, then look up.
    Value& operator[](std::string_view key) {
        if ((m_size + 1) * 2 > m_slots.size()) grow();
        const std::uint64_t hash = word_hash(key);
        const std::size_t i = probe(key, hash);
        if (m_tags[i] == 0) {
            m_tags[i] = tag_of(hash);
            m_slots[i] = Slot{hash, std::string(key), Value{}};
            ++m_size;
        }
        return m_slots[i].value;
    }
    // `hash` is word_hash(key).
    [[nodiscard]] const Value* find(std::string_view key, std::uint64_t hash) const {
        if (m_slots.empty()) return nullptr;
        const std::size_t i = probe(key, hash);
        return m_tags[i] != 0 ? &m_slots[i].value : nullptr;
    }
    [[nodiscard]] const Value* find(std::string_view key) const { return find(key, word_hash(key)); }
    [[nodiscard]] std::size_t size() const { return m_size; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::string key;
        Value value{};
    };
    // A byte per slot: 0 for a free slot, else the hash's top 7 bits (the slot index takes its
    // low bits) with the high bit set. Most words looked up are in no table, and their probe
    // ends in this array, a fiftieth of the slots' size or less, without loading a slot (a cache
    // miss on nearly every word of the event stage's trigger look-up).
    static std::uint8_t tag_of(std::uint64_t hash) { return static_cast<std::uint8_t>(0x80 | (hash >> 57)); }
    // The slot holding `key`, else the free slot where it would go.
    std::size_t probe(std::string_view key, std::uint64_t hash) const {
        const std::uint8_t tag = tag_of(hash);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const std::uint8_t t = m_tags[i];
            if (t == 0 || (t == tag && m_slots[i].hash == hash && m_slots[i].key == key)) return i;
        }
    }
    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        std::vector<std::uint8_t> old_tags = std::move(m_tags);
        const std::size_t n = old.empty() ? 64 : old.size() * 2;
        m_slots.clear();
        m_slots.resize(n);
        m_tags.assign(n, 0);
        m_mask = n - 1;
        for (std::size_t k = 0; k < old.size(); ++k) {
            if (old_tags[k] == 0) continue;
            const std::size_t i = probe(old[k].key, old[k].hash);
            m_tags[i] = old_tags[k];
            m_slots[i] = std::move(old[k]);
        }
    }

    std::vector<Slot> m_slots;
    std::vector<std::uint8_t> m_tags;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
}; // class WordTable

} // namespace storyline
