#pragma once
// Per-language data (a grammar, a trigger lexicon) is loaded on first use into a map that a
// mutex guards, and asked for once per article by every worker. Taking the mutex writes its
// cache line, so with two workers the line moved between the cores on nearly every article
// (several times over, one map per stage). LastLookup remembers, per thread, the last key asked
// and the answer: the map is read under its lock only when the language changes.
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace storyline {

// One per owner (an annotator): get(key, load) returns load(key) the first time a thread asks
// for that key, then the remembered pointer while the thread keeps asking for it. What load()
// returns must live as long as the owner (entries of a map never erased). Owners are told
// apart by an id never reused, not by address: a new owner may take a destroyed one's place.
template <class T>
class LastLookup {
public:
    LastLookup() : m_id(next_id()) {}
    // A copy would share the id while its owner's map is another.
    LastLookup(const LastLookup&) = delete;
    LastLookup& operator=(const LastLookup&) = delete;
    ~LastLookup() = default;

    template <class Load>
    const T* get(std::string_view key, Load&& load) const {
        thread_local Entry last;
        if (last.owner == m_id && last.key == key) return last.value;
        const T* value = load(key);
        last.owner = m_id;
        last.key.assign(key);
        last.value = value;
        return value;
    }

private:
    struct Entry {
        std::uint64_t owner = 0;   // ids start at 1: an empty entry matches no owner
        std::string key;
        const T* value = nullptr;
    };
    static std::uint64_t next_id() {
        static std::atomic<std::uint64_t> last{0};
        return last.fetch_add(1, std::memory_order_relaxed) + 1;
    }
    std::uint64_t m_id;
}; // class LastLookup

} // namespace storyline
