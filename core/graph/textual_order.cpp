#include "core/graph/textual_order.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "core/text/words.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace storyline {
namespace {

enum class Cue { none, after, before, then };

class Connectives {
public:
    explicit Connectives(const std::string& lang) {
        for (const auto& line : read_optional_data_lines(language_file(lang, "events/connectives.tsv"))) {
            const auto tab = line.find('\t');
            if (tab == std::string::npos) continue;
            const std::string rel = line.substr(tab + 1);
            const Cue cue = rel == "after" ? Cue::after : rel == "before" ? Cue::before : rel == "then" ? Cue::then : Cue::none;
            if (cue == Cue::none) continue;
            std::string phrase = fold(line.substr(0, tab));
            if (phrase.empty()) continue;
            const auto first = static_cast<unsigned char>(phrase[0]);
            if (first < 0x80) m_ascii_first[first] = true;
            if (const auto space = phrase.find(' '); space != std::string::npos) m_pair_heads.insert(phrase.substr(0, space));
            m_cues.emplace(std::move(phrase), cue);
        }
    }
    // The cue starting at word w (two-word phrases first); `length` gets its word count.
    Cue at(const std::vector<std::string>& words, std::size_t w, std::size_t& length) const {
        length = 1;
        if (words[w].empty()) return Cue::none;   // a word no cue starts with (textual_order)
        if (w + 1 < words.size() && m_pair_heads.count(words[w])) {   // a pair is built only after its head
            if (auto it = m_cues.find(words[w] + " " + words[w + 1]); it != m_cues.end()) {
                length = 2;
                return it->second;
            }
        }
        if (auto it = m_cues.find(words[w]); it != m_cues.end()) return it->second;
        return Cue::none;
    }
    [[nodiscard]] bool empty() const { return m_cues.empty(); }
    // Whether a word written `raw` may start a cue: fold() keeps an ASCII first letter, lower-cased,
    // so a word whose first byte is one no cue starts with needs no folding (most words).
    [[nodiscard]] bool may_start(std::string_view raw) const {
        if (raw.empty()) return false;
        const auto b = static_cast<unsigned char>(raw[0]);
        if (b >= 0x80) return true;   // "Après", "É…": folded first
        return m_ascii_first[b >= 'A' && b <= 'Z' ? b | 0x20 : b];
    }

private:
    std::array<bool, 128> m_ascii_first{};   // ASCII first bytes of the folded cues
    std::unordered_map<std::string, Cue> m_cues;
    std::unordered_set<std::string> m_pair_heads;   // first words of two-word cues
};

const Connectives& connectives(const std::string& lang) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Connectives>> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(lang);
    if (it == cache.end()) it = cache.emplace(lang, std::make_unique<Connectives>(lang)).first;
    return *it->second;
}

} // namespace

std::vector<std::pair<int, int>> textual_order(const Document& doc) {
    std::vector<std::pair<int, int>> out;
    const Connectives& cues = connectives(doc.article.lang.empty() ? "en" : doc.article.lang);
    if (cues.empty() || doc.events.empty()) return out;
    const std::string_view text = doc.article.text;
    std::vector<int> evs(doc.events.size());
    std::iota(evs.begin(), evs.end(), 0);
    std::sort(evs.begin(), evs.end(), [&](int a, int b) {
        return doc.events[static_cast<std::size_t>(a)].trigger < doc.events[static_cast<std::size_t>(b)].trigger;
    });
    int previous_last = -1;   // last event of the previous sentence, for sentence-initial "then"
    std::size_t e = 0;
    std::vector<Word> words;            // reused from sentence to sentence
    std::vector<std::string> folded;
    std::vector<int> here;              // events of this sentence, in text order
    for (const auto& sentence : doc.sentences) {
        here.clear();
        while (e < evs.size() && doc.events[static_cast<std::size_t>(evs[e])].trigger.begin < sentence.span.begin) ++e;
        while (e < evs.size() && doc.events[static_cast<std::size_t>(evs[e])].trigger.begin < sentence.span.end) {
            here.push_back(evs[e]);
            ++e;
        }
        if (here.empty()) continue;
        words_in(text, sentence.span, words);
        // Only words that may start a cue, and the word after each (a pair's second), are folded:
        // the others cannot match and stay empty.
        folded.resize(words.size());
        bool after_candidate = false;
        for (std::size_t w = 0; w < words.size(); ++w) {
            const std::string_view raw = words[w].span.in(text);
            const bool candidate = cues.may_start(raw);
            if (candidate || after_candidate) folded[w] = fold(raw);
            else folded[w].clear();
            after_candidate = candidate;
        }
        auto event_after = [&](std::uint32_t at) {
            for (int x : here) {
                if (doc.events[static_cast<std::size_t>(x)].trigger.begin >= at) return x;
            }
            return -1;
        };
        auto event_before = [&](std::uint32_t at) {
            int found = -1;
            for (int x : here) {
                if (doc.events[static_cast<std::size_t>(x)].trigger.end <= at) found = x;
            }
            return found;
        };
        // The first event after the comma that closes a sentence-initial "After Y, X" clause.
        auto main_clause_event = [&](std::uint32_t from) {
            const auto comma = text.substr(from, sentence.span.end - from).find(',');
            return comma == std::string_view::npos ? -1 : event_after(static_cast<std::uint32_t>(from + comma));
        };
        for (std::size_t w = 0; w < words.size(); ++w) {
            std::size_t length = 1;
            const Cue cue = cues.at(folded, w, length);
            if (cue == Cue::none) continue;
            const std::uint32_t at = words[w].span.begin;
            const std::uint32_t end = words[w + length - 1].span.end;
            const int next = event_after(end);
            int prev = event_before(at);
            if (next < 0) continue;
            const bool initial = prev < 0;
            if (initial && cue == Cue::then) prev = previous_last;
            if (initial && cue != Cue::then) prev = main_clause_event(doc.events[static_cast<std::size_t>(next)].trigger.end);
            if (prev < 0 || prev == next) continue;
            // "X after Y": Y before X; "After Y, X": Y before X; "X before Y" / "Before Y, X": X before Y.
            switch (cue) {
            case Cue::after: out.emplace_back(next, prev); break;
            case Cue::before: out.emplace_back(prev, next); break;
            case Cue::then: out.emplace_back(prev, next); break;
            case Cue::none: break;
            }
            w += length - 1;
        }
        previous_last = here.back();
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace storyline
