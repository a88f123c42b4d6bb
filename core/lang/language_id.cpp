#include "core/lang/language_id.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "core/text/words.hpp"

#include <mutex>
#include <unordered_map>
#include <cstdint>
#include <cstring>
#include <vector>

namespace storyline {
namespace {

// A word of at most eight bytes packed into an integer, its first byte lowest: exact (words
// hold no NUL byte), so a look-up is one multiply and one compare, without a string.
std::uint64_t pack(std::string_view w) {
    std::uint64_t v = 0;
    std::memcpy(&v, w.data(), w.size());
    return v;
}

// Open addressing over packed words (0 marks an empty slot), built once.
class PackedWords {
public:
    void add(std::uint64_t key, std::uint64_t bits) {
        if ((m_size + 1) * 2 > m_slots.size()) grow();
        Slot& s = slot(key);
        if (s.key == 0) ++m_size;
        s.key = key;
        s.bits |= bits;
    }
    [[nodiscard]] std::uint64_t find(std::uint64_t key) const {
        if (m_slots.empty()) return 0;
        for (std::size_t i = index(key);; i = (i + 1) & (m_slots.size() - 1)) {
            if (m_slots[i].key == key) return m_slots[i].bits;
            if (m_slots[i].key == 0) return 0;
        }
    }

private:
    struct Slot {
        std::uint64_t key = 0, bits = 0;
    };
    [[nodiscard]] std::size_t index(std::uint64_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & (m_slots.size() - 1);
    }
    Slot& slot(std::uint64_t key) {
        std::size_t i = index(key);
        while (m_slots[i].key != 0 && m_slots[i].key != key) i = (i + 1) & (m_slots.size() - 1);
        return m_slots[i];
    }
    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
        m_size = 0;
        for (const Slot& s : old) {
            if (s.key != 0) add(s.key, s.bits);
        }
    }
    std::vector<Slot> m_slots;
    std::size_t m_size = 0;
};

// Every language's function words in one table: a word is looked up once, whatever the
// number of languages, and its bits say which languages list it. Words of more than eight
// bytes once folded (rare) are kept by their text.
struct Profiles {
    std::vector<std::string> langs;
    PackedWords short_words;
    std::unordered_map<std::string, std::uint64_t> long_words;

    void add(const std::string& folded_word, std::uint64_t bit) {
        if (folded_word.empty()) return;
        if (folded_word.size() <= 8) short_words.add(pack(folded_word), bit);
        else long_words[folded_word] |= bit;
    }
    [[nodiscard]] std::uint64_t find(std::string_view folded_word) const {
        if (folded_word.size() <= 8) return short_words.find(pack(folded_word));
        const auto it = long_words.find(std::string(folded_word));
        return it == long_words.end() ? 0 : it->second;
    }
};

// Folded form of a short word; ASCII words are lower-cased into `buf` without allocating.
std::string_view folded(std::string_view word, std::string& buf) {
    buf.assign(word);
    for (char& c : buf) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            buf = fold(word);
            break;
        }
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return buf;
}

const Profiles& profiles() {
    static Profiles all;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const auto& lang : available_languages()) {
            const auto lines = read_optional_data_lines(language_file(lang, "function_words.txt"));
            if (lines.empty() || all.langs.size() == 64) continue;
            const std::uint64_t bit = std::uint64_t{1} << all.langs.size();
            all.langs.push_back(lang);
            for (const auto& w : lines) all.add(fold(w), bit);
        }
    });
    return all;
}

constexpr int min_hits = 3;

} // namespace

std::string identify_language(std::string_view text) {
    // The first few KB decide; cut on a character boundary.
    std::size_t end = std::min(text.size(), language_sample_bytes);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    const std::string_view sample = text.substr(0, end);
    const Profiles& p = profiles();
    std::vector<int> hits(p.langs.size(), 0);
    std::string buf;
    for (const auto& w : words_in(sample, Span{0, static_cast<std::uint32_t>(sample.size())})) {
        if (w.span.size() > 8) continue;
        const std::uint64_t bits = p.find(folded(w.span.in(sample), buf));
        if (bits == 0) continue;
        for (std::size_t l = 0; l < p.langs.size(); ++l) hits[l] += static_cast<int>((bits >> l) & 1);
    }
    // The first language with the most hits wins (languages in their listed order), as before.
    std::size_t best = 0;
    for (std::size_t l = 1; l < hits.size(); ++l) {
        if (hits[l] > hits[best]) best = l;
    }
    return !hits.empty() && hits[best] >= min_hits ? p.langs[best] : std::string();
}

} // namespace storyline
