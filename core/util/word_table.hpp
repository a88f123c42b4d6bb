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
        Slot& s = m_slots[probe(key, hash)];
        if (!s.used) {
            s = Slot{hash, true, std::string(key), Value{}};
            ++m_size;
        }
        return s.value;
    }
    // `hash` is word_hash(key).
    [[nodiscard]] const Value* find(std::string_view key, std::uint64_t hash) const {
        if (m_slots.empty()) return nullptr;
        const Slot& s = m_slots[probe(key, hash)];
        return s.used ? &s.value : nullptr;
    }
    [[nodiscard]] const Value* find(std::string_view key) const { return find(key, word_hash(key)); }
    [[nodiscard]] std::size_t size() const { return m_size; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        bool used = false;
        std::string key;
        Value value{};
    };
    // The slot holding `key`, else the free slot where it would go.
    std::size_t probe(std::string_view key, std::uint64_t hash) const {
        std::size_t i = hash & m_mask;
        while (m_slots[i].used && (m_slots[i].hash != hash || m_slots[i].key != key)) i = (i + 1) & m_mask;
        return i;
    }
    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.clear();
        m_slots.resize(old.empty() ? 64 : old.size() * 2);
        m_mask = m_slots.size() - 1;
        for (auto& s : old) {
            if (s.used) m_slots[probe(s.key, s.hash)] = std::move(s);
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
}; // class WordTable

} // namespace storyline
