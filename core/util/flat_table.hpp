#pragma once
// An open-addressing table from a 64-bit hash (never 0) to a value, mostly built once and then
// read: one cache line per look-up where std::unordered_map chases three pointers, and no node
// per insert. The entity stage keys it by words' StringHash (two different words sharing all 64
// bits of hash is left to chance: about 1 in 10^10 for 10^5 words); the SQLite writer by the
// XXH64 of the keys a bulk load wrote.
#include "core/util/binary_image.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace storyline {

// Hashes of folded words and of phrases (words joined by single spaces). A word is hashed once,
// eight bytes at a time (the tokenizer does it as it folds the word); a phrase's hash is made
// from its words' hashes, so matching a phrase over tokens never reads their bytes again, and a
// one-word phrase hashes as its word. FNV-1a, byte by byte, was a chain of dependent multiplies
// in the tokenizer's hottest loop, and every phrase look-up hashed its words' bytes again.
class StringHash {
public:
    // Adds the next word of a phrase, by its hash (StringHash::word).
    void add_word(std::uint64_t word_hash) {
        if (m_words++ == 0) m_first = word_hash;
        m_state = (std::rotl(m_state, 31) ^ word_hash) * k_mul;
    }
    [[nodiscard]] std::uint64_t value() const {
        if (m_words == 1) return m_first;
        return nonzero(mix(m_state ^ m_words));
    }
    // The hash of a word or of a phrase: its parts between spaces, as add_word() takes them.
    static std::uint64_t of(std::string_view s) {
        const std::size_t space = s.find(' ');
        if (space == std::string_view::npos) return word(s);
        StringHash h;
        for (std::size_t from = 0;;) {
            const std::size_t to = s.find(' ', from);
            h.add_word(word(s.substr(from, to == std::string_view::npos ? std::string_view::npos : to - from)));
            if (to == std::string_view::npos) break;
            from = to + 1;
        }
        return h.value();
    }
    // The hash of a word's bytes (a space among them is a byte like any other).
    static std::uint64_t word(std::string_view w) {
        std::uint64_t h = k_seed ^ w.size();
        std::size_t k = 0;
        for (; k + 8 <= w.size(); k += 8) h = step(h, load8(w.data() + k));
        if (k < w.size()) h = step(h, load_tail(w.data() + k, w.size() - k));
        return finish(h);
    }
    // word() of the n bytes at p when the 8 bytes past them may be read too (a buffer with room
    // after the word): the last bytes are loaded whole and the bytes past the word masked off.
    static std::uint64_t word_padded(const char* p, std::size_t n) {
        if constexpr (std::endian::native != std::endian::little) return word(std::string_view(p, n));
        std::uint64_t h = k_seed ^ n;
        std::size_t k = 0;
        for (; k + 8 <= n; k += 8) h = step(h, load8(p + k));
        if (k < n) h = step(h, load8(p + k) & ((std::uint64_t{1} << (8 * (n - k))) - 1));
        return finish(h);
    }

private:
    static constexpr std::uint64_t k_seed = 0x243f6a8885a308d3ULL;
    static constexpr std::uint64_t k_mul = 0x9e3779b97f4a7c15ULL;
    // Eight bytes, the first lowest (as the tail of word() assembles them).
    static std::uint64_t load8(const char* p) {
        std::uint64_t x = 0;
        std::memcpy(&x, p, 8);
        if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
        return x;
    }
    // The r bytes at p (1 to 7), the first lowest, zero above: what load8() of them and the bytes
    // after would give, masked, reading none of those. Overlapping loads, no loop and no call.
    static std::uint64_t load_tail(const char* p, std::size_t r) {
        if (r >= 4) {
            std::uint32_t lo = 0, hi = 0;
            std::memcpy(&lo, p, 4);
            std::memcpy(&hi, p + r - 4, 4);
            if constexpr (std::endian::native == std::endian::big) {
                lo = __builtin_bswap32(lo);
                hi = __builtin_bswap32(hi);
            }
            return std::uint64_t{lo} | (std::uint64_t{hi} << (8 * (r - 4)));
        }
        const auto byte = [p](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i); };
        return byte(0) | byte(r / 2) | byte(r - 1);
    }
    static std::uint64_t step(std::uint64_t h, std::uint64_t chunk) { return (h ^ chunk) * k_mul; }
    // MurmurHash3's finaliser: every output bit depends on every input bit (the slot index takes
    // the low bits, FlatTable's filter the high ones).
    static std::uint64_t mix(std::uint64_t h) {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ULL;
        return h ^ (h >> 33);
    }
    static std::uint64_t nonzero(std::uint64_t h) { return h == 0 ? 1 : h; }  // 0 marks an empty slot
    static std::uint64_t finish(std::uint64_t h) { return nonzero(mix(h)); }

    std::uint64_t m_state = k_seed;
    std::uint64_t m_first = 0;
    std::uint64_t m_words = 0;
};

template <typename Value>
class FlatTable {
public:
    FlatTable() = default;
    // Room for `expected` entries without growing.
    explicit FlatTable(std::size_t expected) {
        std::size_t n = 1024;
        while (n < expected * 2 + 2) n *= 2;
        m_own.assign(n, Slot{});
        m_slots = m_own.data();
        m_capacity = n;
        m_mask = n - 1;
    }
    // A table read from an image may be a view of it (read_image): a copy of a view is a view
    // of the same image, and an insert first copies the slots into memory of the table's own.
    FlatTable(const FlatTable& other)
        : m_own(other.m_own), m_filter_own(other.m_filter_own), m_capacity(other.m_capacity), m_mask(other.m_mask),
          m_size(other.m_size), m_filter_words(other.m_filter_words), m_filter_mask(other.m_filter_mask) {
        if (other.m_slots) m_slots = other.owns_slots() ? m_own.data() : other.m_slots;
        if (other.m_filter) m_filter = other.owns_filter() ? m_filter_own.data() : other.m_filter;
    }
    FlatTable(FlatTable&& other) noexcept { swap(other); }
    FlatTable& operator=(FlatTable other) noexcept {
        swap(other);
        return *this;
    }
    ~FlatTable() = default;

    // Inserts or returns the existing value for a hash.
    Value& operator[](std::uint64_t hash) {
        if ((m_size + 1) * 2 > m_capacity) grow();
        else if (!owns_slots() || !owns_filter()) own();
        std::size_t i = hash & m_mask;
        while (m_slots[i].hash != 0 && m_slots[i].hash != hash) i = (i + 1) & m_mask;
        if (m_slots[i].hash == 0) {
            m_slots[i].hash = hash;
            ++m_size;
            if (m_filter) set_filter_bit(hash);
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
        m_filter_own.assign(bits / 64, 0);
        m_filter = m_filter_own.data();
        m_filter_words = m_filter_own.size();
        m_filter_mask = bits - 1;
        for (std::size_t i = 0; i < m_capacity; ++i)
            if (m_slots[i].hash != 0) set_filter_bit(m_slots[i].hash);
    }
    [[nodiscard]] const Value* find(std::uint64_t hash) const {
        if (!m_slots) return nullptr;
        if (m_filter) {
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
        for (std::size_t i = 0; i < m_capacity; ++i) {
            if (m_slots[i].hash != 0) f(m_slots[i].hash, m_slots[i].value);
        }
    }
    // The table as bytes (binary_image.hpp) and back, slots and filter as they are: the gazetteer's
    // tables are read from an image at each start instead of being built.
    void write_image(ImageWriter& out) const {
        out.pod_array(m_slots, m_capacity);
        out.size(m_size);
        out.pod_array(m_filter, m_filter_words);
        out.pod(m_filter_mask);
    }
    // False (the table left empty) when the image is short or does not hold a table. With
    // `view`, the slots and filter stay in the image, which must then outlive the table (and
    // any copy of it): nothing is copied, and the pages of a mapped image never asked about
    // are never read (each language's word table is in every process's image).
    bool read_image(ImageReader& in, bool view = false) {
        FlatTable t;
        std::size_t slots = 0, words = 0;
        const Slot* s = in.pod_array<Slot>(slots);
        t.m_size = in.size(0);
        const std::uint64_t* f = in.pod_array<std::uint64_t>(words);
        t.m_filter_mask = in.pod<std::uint64_t>();
        const bool sound = in.ok() && (slots == 0 || std::has_single_bit(slots)) && t.m_size * 2 <= slots &&
                           (words == 0 || words * 64 == t.m_filter_mask + 1);
        if (!sound) {
            *this = FlatTable();
            return false;
        }
        t.m_capacity = slots;
        t.m_mask = slots == 0 ? 0 : slots - 1;
        t.m_filter_words = words;
        if (view) {
            t.m_slots = slots ? const_cast<Slot*>(s) : nullptr;   // never written: see own()
            t.m_filter = words ? const_cast<std::uint64_t*>(f) : nullptr;
        } else {
            t.m_own.assign(s, s + slots);
            t.m_filter_own.assign(f, f + words);
            t.m_slots = slots ? t.m_own.data() : nullptr;
            t.m_filter = words ? t.m_filter_own.data() : nullptr;
        }
        *this = std::move(t);
        return true;
    }
    // Asks the CPU to load a hash's slot now, so that a later find() does not wait for memory.
    void prefetch(std::uint64_t hash) const {
        if (m_slots) __builtin_prefetch(&m_slots[hash & m_mask]);
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        Value value{};
    };
    [[nodiscard]] bool owns_slots() const { return m_slots == nullptr || m_slots == m_own.data(); }
    [[nodiscard]] bool owns_filter() const { return m_filter == nullptr || m_filter == m_filter_own.data(); }
    void swap(FlatTable& o) noexcept {
        std::swap(m_own, o.m_own);
        std::swap(m_filter_own, o.m_filter_own);
        std::swap(m_slots, o.m_slots);
        std::swap(m_filter, o.m_filter);
        std::swap(m_capacity, o.m_capacity);
        std::swap(m_mask, o.m_mask);
        std::swap(m_size, o.m_size);
        std::swap(m_filter_words, o.m_filter_words);
        std::swap(m_filter_mask, o.m_filter_mask);
    }
    // A view's slots and filter copied into the table's own memory before a write.
    void own() {
        if (!owns_slots()) {
            m_own.assign(m_slots, m_slots + m_capacity);
            m_slots = m_own.data();
        }
        if (!owns_filter()) {
            m_filter_own.assign(m_filter, m_filter + m_filter_words);
            m_filter = m_filter_own.data();
        }
    }
    void grow() {
        own();
        std::vector<Slot> old = std::move(m_own);
        m_own.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        m_slots = m_own.data();
        m_capacity = m_own.size();
        m_mask = m_capacity - 1;
        m_size = 0;
        for (auto& s : old) {
            if (s.hash != 0) (*this)[s.hash] = std::move(s.value);
        }
    }
    void set_filter_bit(std::uint64_t hash) {
        const std::uint64_t b = (hash >> 32) & m_filter_mask;
        m_filter[b >> 6] |= std::uint64_t{1} << (b & 63);
    }
    std::vector<Slot> m_own;                // the slots, when the table is not a view
    std::vector<std::uint64_t> m_filter_own;
    Slot* m_slots = nullptr;                // m_own's, or an image's
    std::uint64_t* m_filter = nullptr;      // nullptr: no filter
    std::size_t m_capacity = 0;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
    std::size_t m_filter_words = 0;
    std::uint64_t m_filter_mask = 0;
}; // class FlatTable

} // namespace storyline
