#pragma once
// The Recognizer behind recognize() (recognizer.hpp): one article's tokens, what each pass marks
// on them and the candidates found. Its passes are defined by concern: recognizer.cpp (the order
// of the passes and the look-ups they share), recognizer_titles.cpp (titles and honorifics),
// recognizer_sequences.cpp (gazetteer phrases and capitalised sequences) and
// recognizer_document.cpp (the document pass: other mentions, lists, brackets, appositions).
#include "annotators/entities/recognizer.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storyline::entities {

// Whether text[begin, end) holds byte c. Most words are shorter than eight bytes: one load of
// eight bytes (the text goes on after the word) and a zero-byte test, where memchr's call and
// set-up cost more than the search.
inline bool has_byte(std::string_view text, std::size_t begin, std::size_t end, char c) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    if constexpr (std::endian::native == std::endian::little) {
        if (end - begin < 8 && begin + 8 <= text.size()) {
            std::uint64_t x;
            std::memcpy(&x, text.data() + begin, 8);
            x ^= ones * static_cast<unsigned char>(c);
            x |= ~std::uint64_t{0} << (8 * (end - begin));  // bytes after the word: never zero
            return ((x - ones) & ~x & highs) != 0;           // a zero byte: c was there
        }
    }
    return text.substr(begin, end - begin).find(c) != std::string_view::npos;
}

// Word or phrase hashes of one article, with a value each: open addressing sized once for the
// article, where std::unordered_map allocates a node per insert.
template <typename Value>
class ArticleHashMap {
public:
    explicit ArticleHashMap(std::size_t max_entries) {
        std::size_t slots = 16;
        while (slots < 2 * max_entries) slots *= 2;
        m_slots.resize(slots);
        m_mask = slots - 1;
    }
    // Inserts `value` unless the hash is there; returns the stored value.
    Value& emplace(std::uint64_t hash, Value value) {
        std::size_t i = hash & m_mask;
        while (m_slots[i].hash != 0 && m_slots[i].hash != hash) i = (i + 1) & m_mask;
        if (m_slots[i].hash == 0) {
            m_slots[i].hash = hash;
            m_slots[i].value = value;
        }
        return m_slots[i].value;
    }
    [[nodiscard]] const Value* find(std::uint64_t hash) const {
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            if (m_slots[i].hash == hash) return &m_slots[i].value;
            if (m_slots[i].hash == 0) return nullptr;
        }
    }
    [[nodiscard]] bool contains(std::uint64_t hash) const { return find(hash) != nullptr; }

private:
    struct Slot {
        std::uint64_t hash = 0;  // StringHash values are never 0
        Value value{};
    };
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
}; // class ArticleHashMap

// One article's recognition: built, run once, discarded.
class Recognizer {
public:
    Recognizer(std::string_view text, const std::vector<Token>& tokens, std::string_view lang,
               const Gazetteer& gaz)
        : m_text(text), m_toks(tokens), m_lang(lang), m_gaz(gaz), m_lex(gaz.lexicon(lang)),
          m_person_hint(tokens.size(), false), m_span_start(tokens.size(), -1),
          m_caps_line(tokens.size(), false), m_in_title(tokens.size(), false),
          m_covered(tokens.size(), false), m_title_lead(tokens.size(), -1), m_particles(m_lex.name_particles),
          m_joiners(m_lex.name_joiners), m_list_particles(m_lex.list_particles), m_title_articles(m_lex.title_articles) {
        m_out.reserve(tokens.size() / 8 + 8);  // about one candidate per 15 tokens in news text
    }

    std::vector<Candidate> run();

private:
    [[nodiscard]] const Token& tok(std::size_t i) const { return m_toks[i]; }
    [[nodiscard]] bool stop(std::size_t i) const { return m_info[i] && m_info[i]->stop; }
    [[nodiscard]] bool given(std::size_t i) const { return m_info[i] && m_info[i]->given; }
    // Gazetteer phrase at i, without a look-up for words that start none.
    [[nodiscard]] std::pair<std::size_t, const std::vector<std::uint32_t>*> match(std::size_t i, std::size_t limit) const {
        if (!m_info[i] || m_info[i]->gaz_max == 0) return {0, nullptr};
        return m_gaz.longest_match(m_toks, i, limit, m_info[i]->gaz_max);
    }
    // A word the language (or this article) writes in lower case: its capital may only mark a
    // sentence start or a head-line.
    [[nodiscard]] bool common(std::size_t i) const {
        return m_lex.common.find(tok(i).hash) != nullptr || m_lower_seen.contains(tok(i).hash);
    }
    [[nodiscard]] std::uint16_t cue(std::size_t i) const {
        if (!m_info[i]) return 0;
        if (m_info[i]->accent_sensitive) {
            // a capital often drops its accent ("A Genève"): either spelling
            if (tok(i).upper_initial()) return m_info[i]->cues | m_info[i]->accented_cues;
            const std::string_view surface = m_text.substr(tok(i).begin, tok(i).end - tok(i).begin);
            const bool accented = std::any_of(surface.begin(), surface.end(),
                                              [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
            if (accented) return m_info[i]->accented_cues;
        }
        return m_info[i]->cues;
    }
    // "à Almaty", "près de Finges": a preposition that points to a place; "de" after a capital
    // is a name's particle ("Couve de Murville").
    // A particle cue also needs a lower-case word before it and a name of three letters or more
    // that is no given name ("la mort de Jérôme", ", de Dardel (Neuchâtel)", "de M.").
    [[nodiscard]] bool place_cue_before(std::size_t i) const {
        if (i == 0 || !(cue(i - 1) & loc_before) || tok(i).fold.size() < 2) return false;  // "sur M 6"
        if (!m_particles.has(tok(i - 1))) return true;
        return i >= 2 && tok(i - 2).shape == Shape::lower && !tok(i - 1).sentence_start && tok(i).fold.size() >= 3 &&
               !given(i);
    }
    // What may follow an initial's dot: a capital, or a particle and a capital ("F. de Rabours").
    [[nodiscard]] bool name_after_initial(std::size_t i) const {
        if (name_capital(i)) return true;
        return tok(i).shape == Shape::lower && m_particles.has(tok(i)) && i + 1 < m_toks.size() &&
               name_capital(i + 1);
    }
    [[nodiscard]] bool article_before(std::size_t i) const {
        return i > 0 && m_info[i - 1] && m_info[i - 1]->determiner;
    }
    // A capital that says "name": not an all-capitals line, not a sentence-initial stop word.
    [[nodiscard]] bool name_capital(std::size_t i) const {
        const Token& t = tok(i);
        if (!t.upper_initial() || m_caps_line[i] || m_in_title[i]) return false;
        return !stop(i);
    }

    [[nodiscard]] bool is_demonym_only(const std::vector<std::uint32_t>& list) const {
        for (auto e : list) if (m_gaz.entry(e).kind != EntryKind::demonym) return false;
        return true;
    }

    static EntityType type_of(const GazEntry& g) {
        switch (g.kind) {
        case EntryKind::organisation: case EntryKind::agency: return EntityType::organization;
        default: return EntityType::location;
        }
    }

    [[nodiscard]] bool roman(std::size_t i) const {
        const Token& t = tok(i);
        if (t.shape != Shape::all_caps || t.fold.size() > 5) return false;
        return t.fold.find_first_not_of("ivx") == std::string::npos;
    }

    // StringHash of the tokens' folds joined by spaces, as the gazetteer keys phrases.
    [[nodiscard]] std::uint64_t phrase_hash(std::size_t s, std::size_t e) const {
        if (e == s + 1) return tok(s).hash;
        StringHash h;
        for (std::size_t k = s; k < e; ++k) h.add_word(tok(k).hash);
        return h.value();
    }

    [[nodiscard]] bool lone_weak_person(const Candidate& c) const {
        return c.weak && c.type == EntityType::person && c.form == Form::name && c.last - c.name_first == 1 &&
               !tok(c.name_first).sentence_start && !common(c.name_first);
    }
    // A weak lone capital, typed by default or by a preposition only: a list may type it.
    [[nodiscard]] bool lone_weak_name(const Candidate& c) const {
        return c.weak && (c.type == EntityType::person || c.type == EntityType::location) && c.form == Form::name &&
               c.last - c.name_first == 1 && !tok(c.name_first).sentence_start && !common(c.name_first) &&
               !stop(c.name_first);
    }

    // Passes over the article and shared look-ups (recognizer.cpp).
    void mark_lines();
    [[nodiscard]] int best_entry(const std::vector<std::uint32_t>& list) const;
    void emit(std::size_t first, std::size_t last, EntityType type, Form form, int entry,
              double confidence, bool weak = false);
    [[nodiscard]] bool is_adjective(std::size_t j) const;
    [[nodiscard]] bool country_inside(std::size_t s, std::size_t e) const;
    [[nodiscard]] int numbers_in_line(std::size_t i) const;
    void first_pass();

    // Titles and honorifics before names (recognizer_titles.cpp).
    void mark_titles_and_honorifics();

    // Gazetteer phrases and capitalised sequences (recognizer_sequences.cpp).
    std::size_t try_gazetteer(std::size_t i);
    bool hyphen_demonym(std::size_t i);
    std::size_t try_lower_head(std::size_t i);
    std::size_t try_place_prefix(std::size_t i);
    std::size_t try_sequence(std::size_t i);
    std::size_t extend_french(std::size_t head, std::size_t end);
    void type_sequence(std::size_t s, std::size_t e, bool allow_split);
    bool split_on_gazetteer(std::size_t s, std::size_t e);
    [[nodiscard]] std::size_t quoted_title(std::size_t s, std::size_t e) const;
    [[nodiscard]] bool dateline_after(std::size_t s, std::size_t e) const;

    // The document pass: other mentions, lists, brackets, initials (recognizer_document.cpp).
    void initial_dots();
    void extend_appositions();
    [[nodiscard]] std::size_t apposition_end(std::size_t s, std::size_t max_len) const;
    void rescue_listed_names();
    void bracketed_persons();
    void bracketed_places();
    void document_pass();

    std::string_view m_text;
    const std::vector<Token>& m_toks;
    std::string_view m_lang;
    const Gazetteer& m_gaz;
    const Lexicon& m_lex;
    // Byte vectors, not std::vector<bool>: read for nearly every token, where bit access costs.
    std::vector<std::uint8_t> m_person_hint;
    std::vector<int> m_span_start;  // honorific token to include in a person's span
    std::vector<std::uint8_t> m_caps_line;
    std::vector<std::uint8_t> m_in_title;   // words of a title phrase ("Secretary of State") are no name
    std::vector<std::uint8_t> m_covered;
    std::vector<Candidate> m_out;
    ArticleHashMap<bool> m_lower_seen{0};
    std::vector<const WordInfo*> m_info;
    std::vector<int> m_title_lead;  // title or honorific token -> earlier token opening its span ("M. le ministre")
    const ShortList &m_particles, &m_joiners, &m_list_particles, &m_title_articles;
}; // class Recognizer

} // namespace storyline::entities
