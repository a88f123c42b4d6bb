#include "annotators/entities/recognizer.hpp"

#include "annotators/entities/text_fold.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace storyline::entities {
namespace {

// A word of one of the lexicon's short lists (lang/<code>/entities/*.txt).
bool in(const std::vector<std::string>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// One of the lexicon's short word lists with a 64-bit summary of its words' hashes: most
// tokens are answered by one bit test instead of a string comparison per listed word.
class ShortList {
public:
    explicit ShortList(const std::vector<std::string>& words) : m_words(&words) {
        for (const auto& w : words) m_bits |= bit(StringHash::of(w));
    }
    // A listed word equals the fold, so has the token's hash: no listed word is missed.
    [[nodiscard]] bool has(const Token& t) const { return (m_bits & bit(t.hash)) != 0 && in(*m_words, t.fold); }

private:
    static std::uint64_t bit(std::uint64_t hash) { return std::uint64_t{1} << (hash >> 58); }
    const std::vector<std::string>* m_words;
    std::uint64_t m_bits = 0;
}; // class ShortList

// Whether text[begin, end) holds byte c. Most words are shorter than eight bytes: one load of
// eight bytes (the text goes on after the word) and a zero-byte test, where memchr's call and
// set-up cost more than the search.
bool has_byte(std::string_view text, std::size_t begin, std::size_t end, char c) {
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

    std::vector<Candidate> run() {
        // Prefetch each word's slot a few words ahead of the look-up (the tokenizer hashed every
        // word): the word table does not fit in the cache, and waiting for memory is most of this
        // stage's time.
        constexpr std::size_t ahead = 8;
        for (std::size_t i = 0; i < std::min(ahead, m_toks.size()); ++i) m_lex.words.prefetch(m_toks[i].hash);
        m_info.resize(m_toks.size());
        std::size_t capitals = 0;
        for (std::size_t i = 0; i < m_toks.size(); ++i) {
            if (i + ahead < m_toks.size()) m_lex.words.prefetch(m_toks[i + ahead].hash);
            const Token& t = m_toks[i];
            m_info[i] = t.is_word() ? m_lex.words.find(t.hash) : nullptr;
            capitals += t.upper_initial() ? 1 : 0;
        }
        // Capitalised words this article also writes in lower case (only those are looked up).
        ArticleHashMap<bool> capitalised(capitals);
        for (const Token& t : m_toks) {
            if (t.upper_initial()) capitalised.emplace(t.hash, true);
        }
        m_lower_seen = ArticleHashMap<bool>(capitals);
        for (const Token& t : m_toks) {
            if (t.shape == Shape::lower && capitalised.contains(t.hash)) m_lower_seen.emplace(t.hash, true);
        }
        mark_lines();
        mark_titles_and_honorifics();
        first_pass();
        document_pass();
        initial_dots();
        if (m_lex.apposition_in_span) extend_appositions();
        std::sort(m_out.begin(), m_out.end(),
                  [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
        return std::move(m_out);
    }

private:
    [[nodiscard]] const Token& tok(std::size_t i) const { return m_toks[i]; }
    [[nodiscard]] bool stop(std::size_t i) const { return m_info[i] && m_info[i]->stop; }
    [[nodiscard]] bool given(std::size_t i) const { return m_info[i] && m_info[i]->given; }
    // Gazetteer phrase at i, without a look-up for words that start none.
    [[nodiscard]] std::pair<std::size_t, const std::vector<std::uint32_t>*> match(std::size_t i, std::size_t limit) const {
        if (!m_info[i] || m_info[i]->gaz_max == 0) return {0, nullptr};
        return m_gaz.longest_match(m_toks, i, limit);
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

    void mark_lines() {
        std::size_t line_begin = 0;
        bool has_lower = false;
        auto close = [&](std::size_t end) {
            for (std::size_t k = line_begin; k < end; ++k) {
                m_caps_line[k] = !has_lower && tok(k).shape == Shape::all_caps;
            }
        };
        for (std::size_t i = 0; i < m_toks.size(); ++i) {
            if (tok(i).line_start && i > 0) {
                close(i);
                line_begin = i;
                has_lower = false;
            }
            if (tok(i).shape == Shape::lower) has_lower = true;
        }
        close(m_toks.size());
    }

    // Titles ("président", "Secretary of State") and honorifics ("M.", "Mr") before a name mark
    // the name's first token as a person's; a title may be followed by a nationality or "de
    // l'OTSC" and a comma before the name.
    void mark_titles_and_honorifics() {
        for (std::size_t i = 0; i < m_toks.size(); ++i) {
            if (!tok(i).is_word()) continue;
            // honorific
            if (m_info[i] && m_info[i]->honorific) {
                std::size_t j = i + 1;
                if (j < m_toks.size() && tok(j).fold == "." && tok(j).begin == tok(i).end) ++j;
                else if (tok(i).fold.size() == 1) continue;  // "M" alone is not "M."
                const int start = m_title_lead[i] >= 0 ? m_title_lead[i] : static_cast<int>(i);
                // "M. le ministre Bally", "M. le Dr Baillard": the honorific opens the title's span
                if (m_lex.title_in_span && m_info[i]->honorific_in_span && j + 1 < m_toks.size() &&
                    m_info[j] && m_info[j]->determiner && m_info[j + 1] &&
                    (m_info[j + 1]->title_first || m_info[j + 1]->honorific)) {
                    m_title_lead[j + 1] = start;
                    for (std::size_t k = i; k <= j; ++k) m_in_title[k] = true;
                    continue;
                }
                if (j < m_toks.size() && tok(j).upper_initial() && !m_caps_line[j]) {
                    for (std::size_t k = i; k < j; ++k) m_in_title[k] = true;  // "MM." is no acronym
                    m_person_hint[j] = true;
                    if (m_info[i]->honorific_in_span && m_span_start[j] < 0) m_span_start[j] = start;
                }
                continue;
            }
            // title: longest phrase
            if (!m_info[i] || !m_info[i]->title_first) continue;
            std::string key;
            std::size_t title_end = 0;
            for (std::size_t n = 0; n < m_lex.title_max_tokens && i + n < m_toks.size(); ++n) {
                if (n) key.push_back(' ');
                key += tok(i + n).fold;
                if (m_lex.titles.count(key)) title_end = i + n + 1;
            }
            if (title_end == 0) continue;
            for (std::size_t k = i; k < title_end; ++k) m_in_title[k] = true;
            const int start = m_title_lead[i] >= 0 ? m_title_lead[i] : static_cast<int>(i);
            // "ancien conseiller fédéral", "fameux comte": a title word before another title opens
            // its span
            if (m_lex.title_in_span && title_end < m_toks.size() && m_info[title_end] &&
                m_info[title_end]->title_first && !m_caps_line[title_end]) {
                m_title_lead[title_end] = start;
                i = title_end - 1;
                continue;
            }
            if (m_lex.title_in_span) {
                // "général de Gaulle": the title and the name's particles stay in the mention
                std::size_t k = title_end;
                while (k < m_toks.size() && k - title_end < 2 && m_particles.has(tok(k))) ++k;
                if (k < m_toks.size() && tok(k).upper_initial() && m_span_start[k] < 0) {
                    m_span_start[k] = start;
                }
            }
            // skip a nationality, "de l'OTSC", "of the", a comma
            std::size_t j = title_end;
            bool after_article = false;  // "président de la Confédération", "ministre des Finances"
            for (int steps = 0; j < m_toks.size() && steps < 5; ++steps) {
                const Token& t = tok(j);
                if (t.fold == "," || m_joiners.has(t) || t.fold == "the") {
                    after_article = m_title_articles.has(t);
                    ++j;
                    continue;
                }
                if (t.shape == Shape::lower) {
                    if (m_info[j] && m_info[j]->demonym) { ++j; continue; }
                    // "conseillers fédéraux Adolf Ogi": an adjective of the title
                    if (m_lex.title_in_span && is_adjective(j)) { ++j; continue; }
                    break;
                }
                if (t.upper_initial() && !m_caps_line[j]) {
                    // an organisation or country between title and name ("de l'OTSC,")
                    auto [n, list] = match(j, 8);
                    if (n > 0 && j + n < m_toks.size() && tok(j + n).fold == ",") {
                        j += n;
                        continue;
                    }
                    // "président de la Confédération": the capital names what the title is of, not
                    // its holder; the holder may follow a comma ("..., M. Motta")
                    if (after_article) {
                        std::size_t k = j;
                        while (k < m_toks.size() && k - j < 4 && tok(k).upper_initial()) ++k;
                        if (k < m_toks.size() && tok(k).fold == ",") {
                            j = k;
                            continue;
                        }
                        break;
                    }
                    // "le président français Jacques Chirac", "le chef de l'information, M. Ernst
                    // Mörgeli": the title and what qualifies it stay in the mention
                    // Across a comma only after a determiner ("son président, Rudolf Keller"): in a
                    // list "Louis Thorens, vice-président, Numa Matthey" the title is the name's before.
                    bool comma = false;
                    for (std::size_t k = title_end; k < j; ++k) comma = comma || tok(k).fold == ",";
                    const bool det_before = start > 0 && m_info[start - 1] && m_info[start - 1]->determiner;
                    if (m_lex.title_in_span && j > title_end && (!comma || det_before)) {
                        if (m_info[j] && m_info[j]->honorific) {
                            if (m_title_lead[j] < 0) m_title_lead[j] = start;
                        } else if (!stop(j) && m_span_start[j] < 0) {
                            m_span_start[j] = start;
                        }
                    }
                    if (!stop(j)) m_person_hint[j] = true;
                }
                break;
            }
            i = title_end - 1;
        }
    }

    [[nodiscard]] bool is_demonym_only(const std::vector<std::uint32_t>& list) const {
        for (auto e : list) if (m_gaz.entry(e).kind != EntryKind::demonym) return false;
        return true;
    }

    // The entry a phrase stands for: places and organisations before demonyms, countries before
    // regions before cities, bigger cities first.
    [[nodiscard]] int best_entry(const std::vector<std::uint32_t>& list) const {
        int best = -1;
        long best_score = -1;
        for (auto e : list) {
            const GazEntry& g = m_gaz.entry(e);
            long score = 0;
            switch (g.kind) {
            case EntryKind::country: score = 4'000'000'000L; break;
            case EntryKind::organisation: case EntryKind::agency: score = 3'900'000'000L; break;
            case EntryKind::region: score = 3'800'000'000L; break;
            case EntryKind::city: score = g.population; break;
            case EntryKind::demonym: score = g.population / 1000; break;  // below every place
            }
            if (score > best_score) {
                best_score = score;
                best = static_cast<int>(e);
            }
        }
        return best;
    }

    static EntityType type_of(const GazEntry& g) {
        switch (g.kind) {
        case EntryKind::organisation: case EntryKind::agency: return EntityType::organization;
        default: return EntityType::location;
        }
    }

    void emit(std::size_t first, std::size_t last, EntityType type, Form form, int entry,
              double confidence, bool weak = false) {
        if (first >= last) return;
        Candidate c;
        c.first = first;
        c.last = last;
        c.name_first = first;
        if (type == EntityType::person && m_span_start[first] >= 0) {
            c.first = static_cast<std::size_t>(m_span_start[first]);
            // "général de Gaulle": the particle belongs to the name, the title does not
            while (c.name_first > c.first && m_particles.has(tok(c.name_first - 1))) --c.name_first;
        }
        // "Frédéric III", "Jean-Paul II"
        if (type == EntityType::person && last < m_toks.size() && roman(last) && !tok(last).sentence_start) ++last;

        c.last = last;
        c.name_last = last;
        c.begin = tok(c.first).begin;
        c.end = tok(last - 1).end;
        c.type = type;
        c.form = form;
        c.entry = entry;
        c.confidence = confidence;
        c.weak = weak;
        for (std::size_t k = c.first; k < last; ++k) m_covered[k] = true;
        m_out.push_back(c);
    }

    // Gazetteer phrase at i, if one is acceptable there.
    std::size_t try_gazetteer(std::size_t i) {
        const Token& t = tok(i);
        if (!m_info[i] && t.upper_initial() && hyphen_demonym(i)) return 1;
        // Lower-case words start no gazetteer name but a demonym ("russes").
        if (!t.upper_initial() && !(m_info[i] && m_info[i]->demonym)) return 0;
        auto [n, list] = match(i, 12);
        if (n == 0) return 0;
        const bool demonym = is_demonym_only(*list);
        if (!t.upper_initial() && !demonym) return 0;
        if (t.upper_initial() && stop(i) && n == 1) return 0;
        const int e = best_entry(*list);
        const GazEntry& g = m_gaz.entry(static_cast<std::uint32_t>(e));
        const bool small_place = g.kind == EntryKind::city || g.kind == EntryKind::region;
        // "Police said", "SALE": a town named like a common word, with no "in" before it.
        const bool uninformative_capital = t.sentence_start || m_caps_line[i] || t.line_start;
        if (n == 1 && small_place && ((common(i) && uninformative_capital) || (cue(i) & ~(per_after | loc_before))) &&
            !place_cue_before(i)) {
            return 0;
        }
        // "President Clinton", "M. Dind": a title or honorific says person.
        if (small_place && m_person_hint[i]) return 0;
        // "l'Union", "la Croix", "the Mall": a town takes no article unless its name has one
        // ("Le Locle", "The Hague" are gazetteer phrases of their own).
        if (n == 1 && g.kind == EntryKind::city && article_before(i)) return 0;
        // A small town named like a given name, before a capital: a person ("Florence Arthaud").
        if (n == 1 && g.kind == EntryKind::city && given(i) && i + 1 < m_toks.size() &&
            name_capital(i + 1)) {
            return 0;
        }
        // A place followed by more capitals may be part of a longer name ("Newcastle United"):
        // leave it to the capitalised sequence, which splits it again when no cue joins them.
        if (!demonym && i + n < m_toks.size() && name_capital(i + n) && !tok(i + n).sentence_start &&
            g.kind != EntryKind::organisation && g.kind != EntryKind::agency) {
            return 0;
        }
        if (demonym) {
            if (t.upper_initial() && i + n < m_toks.size() && name_capital(i + n) &&
                !tok(i + n).sentence_start) {
                return 0;  // "Russian Foreign Ministry": one organisation name
            }
            emit(i, i + n, EntityType::location, Form::demonym, e, 0.6);
        } else {
            emit(i, i + n, type_of(g), Form::name, e, 0.9);
        }
        return n;
    }

    // "Russian-led", "U.S.-based": a nationality joined to a lower-case word.
    bool hyphen_demonym(std::size_t i) {
        const Token& t = tok(i);
        const std::string_view surface = m_text.substr(t.begin, t.end - t.begin);
        const auto dash = surface.rfind('-');
        if (dash == std::string_view::npos || dash == 0 || dash + 1 >= surface.size()) return false;
        if (!(surface[dash + 1] >= 'a' && surface[dash + 1] <= 'z')) return false;
        const auto* head = m_gaz.find(fold(surface.substr(0, dash)));
        if (!head) return false;
        const int e = best_entry(*head);
        emit(i, i + 1, EntityType::location, Form::demonym, e, 0.5);
        return true;
    }

    // Lower-case French organisation or place heads: "ministère russe de la Défense",
    // "agence Reuter", "lac Léman".
    std::size_t try_lower_head(std::size_t i) {
        const std::uint16_t c = cue(i);
        if (!(c & (org_head | loc_head))) return 0;
        std::size_t j = i + 1, last_upper = 0;
        for (int steps = 0; j < m_toks.size() && steps < 6; ++steps) {
            const Token& t = tok(j);
            if (t.upper_initial() && !stop(j)) {
                last_upper = j + 1;
                ++j;
                continue;
            }
            if (last_upper) break;
            // "ministère russe de la Défense"; a place noun takes no adjective ("quartier général")
            if (m_joiners.has(t) || ((c & org_head) && is_adjective(j))) { ++j; continue; }
            break;
        }
        if (!last_upper) return 0;
        const EntityType type = (c & org_head) ? EntityType::organization : EntityType::location;
        // "gouvernement de Paris", "parti d'Alexandrie": a lower-case word before a known place
        // names no organisation; the place is the name ("tribunal cantonal de Schaffhouse", with
        // an adjective, is one)
        if (type == EntityType::organization) {
            std::size_t name = i + 1;
            while (name < last_upper && m_joiners.has(tok(name))) ++name;
            if (auto [n, list] = match(name, last_upper - name); n > 0 && n == last_upper - name) {
                const EntryKind kind = m_gaz.entry(static_cast<std::uint32_t>(best_entry(*list))).kind;
                if (kind == EntryKind::country || kind == EntryKind::city || kind == EntryKind::region) return 0;
            }
        }
        emit(i, last_upper, type, Form::name, -1, 0.7);
        // "ville de Berne", "canal du Rhône": a known place after a place noun is the one meant
        if (type == EntityType::location) {
            std::size_t name = i + 1;
            while (name < last_upper && !tok(name).upper_initial()) ++name;
            if (auto [n, list] = match(name, last_upper - name); n == last_upper - name && !is_demonym_only(*list)) {
                m_out.back().entry = best_entry(*list);
                m_out.back().name_first = name;
            }
        }
        return last_upper - i;
    }

    // "outre-Rhin", "outre-Atlantique": a place prefix hyphenated to a capital names a place.
    std::size_t try_place_prefix(std::size_t i) {
        const std::string_view surface = m_text.substr(tok(i).begin, tok(i).end - tok(i).begin);
        std::size_t dash = surface.find('-');
        if (dash == std::string_view::npos || ++dash >= surface.size() || !is_upper(decode_utf8(surface, dash))) return 0;
        const std::string_view folded = tok(i).fold;
        const WordInfo* prefix = Gazetteer::word(m_lex, folded.substr(0, folded.find('-')));
        if (!prefix || !(prefix->cues & loc_prefix)) return 0;
        emit(i, i + 1, EntityType::location, Form::name, -1, 0.6);
        return 1;
    }

    [[nodiscard]] bool is_adjective(std::size_t j) const {
        const Token& t = tok(j);
        if (t.shape != Shape::lower || stop(j)) return false;
        if (m_info[j] && m_info[j]->demonym) return true;
        for (const auto& end : m_lex.adjective_endings) {   // French lists them, English none
            if (t.fold.size() > end.size() + 2 && t.fold.ends_with(end)) return true;
        }
        return false;
    }

    // Capitalised sequence starting at i; returns the tokens used.
    std::size_t try_sequence(std::size_t i) {
        // An initial ("A. Hollioake", "I. Austin") or a place name that starts with a stop word
        // ("New York Stock Exchange") may start a name although the word alone would not.
        const bool initial = tok(i).shape == Shape::all_caps && tok(i).fold.size() == 1 && !m_caps_line[i] &&
                             i + 2 < m_toks.size() && tok(i + 1).fold == "." && tok(i + 1).begin == tok(i).end &&
                             name_after_initial(i + 2);
        const bool place_start = tok(i).upper_initial() && !m_caps_line[i] && !m_in_title[i] &&
                                 match(i, 8).first >= 2;
        if (!name_capital(i) && !initial && !place_start) return 0;
        // "Three Russian", "Seven Iraqis": a sentence-initial common word is not part of the name.
        if (tok(i).sentence_start && common(i) && !place_start && !initial) return 0;
        std::size_t j = i + 1;
        std::uint16_t roles = cue(i) & (org_head | loc_head | misc_head | org_tail | loc_tail | misc_tail);
        while (j < m_toks.size()) {
            const Token& t = tok(j);
            if (t.sentence_start || t.blank_line_before) break;
            // "Le procès de Berne | Berne, 15 septembre": a dateline opens its own line
            if (t.line_start && dateline_after(j, j + 1)) break;
            if (name_capital(j)) {
                roles |= cue(j);
                ++j;
                continue;
            }
            // "C. Lewis", "J.R. Ewing": an initial's dot
            if (t.fold == "." && t.begin == tok(j - 1).end && tok(j - 1).fold.size() == 1 &&
                j + 1 < m_toks.size() && name_after_initial(j + 1)) {
                ++j;
                continue;
            }
            if (t.fold == "&" && j + 1 < m_toks.size() && name_capital(j + 1)) {
                roles |= org_tail;
                j += 1;
                continue;
            }
            // joiners: "Bank of England", "Charles de Gaulle", "Conseil des Etats"
            std::size_t k = j;
            while (k < m_toks.size() && k - j < 2 && (m_joiners.has(tok(k)) || m_particles.has(tok(k)))) ++k;
            const bool org_like = (roles & (org_head | loc_head | misc_head | org_tail | loc_tail)) != 0;
            // "Conseil des Etats": a capital common noun joins a name its cue word opens
            const bool joinable = k < m_toks.size() &&
                                  (name_capital(k) || (org_like && tok(k).upper_initial() && !m_caps_line[k] && !m_in_title[k]));
            if (k > j && joinable && !tok(k).sentence_start) {
                const bool particle = m_particles.has(tok(j));
                if (org_like || (particle && !match(k, 4).first)) {
                    j = k + 1;
                    continue;
                }
            }
            break;
        }
        std::size_t end = j;
        // French: "Conseil fédéral", "Société des nations", "Conseil de sécurité collective".
        if (m_lex.elision && (cue(i) & (org_head | loc_head | misc_head))) end = extend_french(i, end);
        type_sequence(i, end, true);
        return end - i;
    }

    std::size_t extend_french(std::size_t head, std::size_t end) {
        std::size_t j = end;
        for (int steps = 0; j < m_toks.size() && steps < 4; ++steps) {
            const Token& t = tok(j);
            if (t.blank_line_before) break;
            if (is_adjective(j)) {
                end = ++j;
                continue;
            }
            if (m_joiners.has(t) && t.fold != "and" && t.fold != "&" && t.fold != "for") {
                std::size_t k = j + 1;
                if (k < m_toks.size() && (tok(k).fold == "la" || tok(k).fold == "l'")) ++k;
                if (k >= m_toks.size()) break;
                const Token& w = tok(k);
                if (w.shape == Shape::number || w.shape == Shape::punct || stop(k)) break;
                // stop before a known name: "Conseil de sécurité collective | de l'OTSC"
                if (w.upper_initial() && match(k, 8).first) break;
                j = k + 1;
                end = j;
                continue;
            }
            break;
        }
        (void)head;
        return end;
    }

    // Types tokens [s, e) of one capitalised sequence; may split it around gazetteer names.
    void type_sequence(std::size_t s, std::size_t e, bool allow_split) {
        if (s >= e) return;
        // A title written with a capital at the start ("President Bill Clinton").
        if (e - s >= 2 && m_info[s] && m_info[s]->title_first) {
            std::string key;
            std::size_t title_end = 0;
            for (std::size_t n = 0; n < m_lex.title_max_tokens && s + n < e - 1; ++n) {
                if (n) key.push_back(' ');
                key += tok(s + n).fold;
                if (m_lex.titles.count(key)) title_end = s + n + 1;
            }
            if (title_end && name_capital(title_end)) {
                m_person_hint[title_end] = true;
                s = title_end;
            }
        }
        const std::uint16_t head = cue(s), tail = cue(e - 1);
        const std::size_t len = e - s;
        if (auto [n, list] = match(s, e - s); n == len) {
            const int entry = best_entry(*list);
            const GazEntry& g = m_gaz.entry(static_cast<std::uint32_t>(entry));
            const bool small_place = g.kind == EntryKind::city || g.kind == EntryKind::region;
            if (small_place && m_person_hint[s]) return emit(s, e, EntityType::person, Form::name, -1, 0.8);
            const bool town_after_article = len == 1 && g.kind == EntryKind::city && article_before(s);
            if (g.kind != EntryKind::demonym && !town_after_article) {
                emit(s, e, type_of(g), Form::name, entry, 0.9);
                return;
            }
        }
        // French "le Conseil", "le Parlement": a bare cue word is a common noun there.
        if (len == 1 && (head & (org_head | loc_head | misc_head)) && !m_lex.bare_cue_is_name) return;
        if ((tail & org_tail) || (head & org_head)) return emit(s, e, EntityType::organization, Form::name, -1, 0.7);
        if ((tail & loc_tail) || (head & loc_head)) return emit(s, e, EntityType::location, Form::name, -1, 0.7);
        if ((tail & misc_tail) || (head & misc_head)) return emit(s, e, EntityType::misc, Form::name, -1, 0.7);
        if (len == 1 && m_info[s] && m_info[s]->misc) return emit(s, e, EntityType::misc, Form::name, -1, 0.7);
        if (m_person_hint[s]) return emit(s, e, EntityType::person, Form::name, -1, 0.8);
        // "M. Favre" read as an initial and a name: the honorific says person
        // (the name proper starts after it; the span takes the honorific back where it counts)
        if (len >= 2 && m_info[s] && m_info[s]->honorific) {
            const std::size_t name = tok(s + 1).fold == "." ? s + 2 : s + 1;
            if (name < e && m_person_hint[name]) return emit(name, e, EntityType::person, Form::name, -1, 0.8);
        }
        if (const std::size_t q = quoted_title(s, e)) return emit(q, e, EntityType::misc, Form::name, -1, 0.6);
        if (dateline_after(s, e)) return emit(s, e, EntityType::location, Form::name, -1, 0.6);
        // "Iraqi Kurds", "West Indian": a nationality with more capitals is a MISC name, unless a
        // person's name follows it ("Australian Tom Moody").
        if (len >= 2) {
            if (const auto* list = m_gaz.find(tok(s).fold); list && is_demonym_only(*list)) {
                if (given(s + 1) && allow_split) {
                    emit(s, s + 1, EntityType::location, Form::demonym, best_entry(*list), 0.6);
                    type_sequence(s + 1, e, false);
                    return;
                }
                return emit(s, e, EntityType::misc, Form::name, -1, 0.6);
            }
        }
        // "RJR Nabisco", "ABB Asea": an acronym before a capitalised word names a company
        if (len >= 2 && tok(s).shape == Shape::all_caps && tok(s).fold.size() >= 2 && tok(s).fold.size() <= 5 &&
            tok(s).fold.find('.') == std::string::npos && tok(s + 1).shape == Shape::capitalised && !roman(s) &&
            !(m_info[s] && (m_info[s]->honorific || m_info[s]->title_first))) {
            return emit(s, e, EntityType::organization, Form::name, -1, 0.6);
        }
        // "Justin Marshall", "Cindy Santos": a given name first, then a town-like surname.
        if (len >= 2 && given(s) && !country_inside(s, e)) {
            return emit(s, e, EntityType::person, Form::name, -1, 0.7);
        }
        if (allow_split && split_on_gazetteer(s, e)) return;
        const Token& t = tok(s);
        if (len == 1 && t.shape == Shape::all_caps && t.fold.size() <= 6 && t.fold.size() >= 2 && !roman(s) &&
            !(m_info[s] && m_info[s]->honorific)) {  // "MM," is no acronym
            return emit(s, e, EntityType::organization, Form::name, -1, 0.5, true);
        }
        if (e < m_toks.size() && (cue(e) & per_after)) return emit(s, e, EntityType::person, Form::name, -1, 0.6, len == 1);
        // "the Treasury", "la Confédération": after a determiner, not a person.
        if (len == 1 && s > 0 && m_info[s - 1] && m_info[s - 1]->determiner) {
            if (!m_lex.unknown_single_is_person) return;
            return emit(s, e, EntityType::organization, Form::name, -1, 0.3, true);
        }
        if (len == 1 && place_cue_before(s)) {
            return emit(s, e, EntityType::location, Form::name, -1, 0.4, true);
        }
        // A lone unexplained capital: a surname where the language says so, else dropped by the
        // document pass unless another mention explains it.
        emit(s, e, EntityType::person, Form::name, -1, len >= 2 ? 0.5 : 0.3, true);
    }

    bool split_on_gazetteer(std::size_t s, std::size_t e) {
        std::vector<std::pair<std::size_t, std::size_t>> hits;
        std::size_t covered = 0;
        for (std::size_t k = s; k < e;) {
            auto [n, list] = match(k, e - k);
            if (n > 0 && !is_demonym_only(*list)) {
                hits.emplace_back(k, n);
                covered += n;
                k += n;
            } else {
                ++k;
            }
        }
        if (hits.empty()) return false;
        // A place with other capitalised words and no list of places: a team, company or
        // paper named after it ("Real Madrid", "Greenock Morton", "China Daily"), unless the rest
        // is a person's name ("Ariel Cruz": a small town last).
        if (covered < e - s && hits.size() == 1) {
            const auto [at, n] = hits.front();
            const GazEntry& g = m_gaz.entry(static_cast<std::uint32_t>(best_entry(*m_gaz.find(join_folds(at, at + n)))));
            const bool big = g.kind != EntryKind::city || g.population >= 1'000'000;
            const bool rest_is_person = at > s && given(s);
            if (!rest_is_person && (at == s || (at + n == e && big))) {
                if (g.kind == EntryKind::organisation || g.kind == EntryKind::agency) return false;
                emit(s, e, EntityType::organization, Form::name, -1, 0.5);
                return true;
            }
            if (at + n == e && !big) {
                emit(s, e, EntityType::person, Form::name, -1, 0.45);
                return true;
            }
        }
        std::size_t k = s;
        for (auto [at, n] : hits) {
            if (at > k) type_sequence(k, at, false);
            const int entry = best_entry(*m_gaz.find(join_folds(at, at + n)));
            emit(at, at + n, type_of(m_gaz.entry(static_cast<std::uint32_t>(entry))), Form::name, entry, 0.8);
            k = at + n;
        }
        if (k < e) type_sequence(k, e, false);
        return true;
    }

    // « Bund », « Le Travail », "Daily Mail": a name alone between quotation marks is the title of
    // a paper, a book or a show. OCR reads guillemets as "<" and ">".
    // Returns the title's first token (its article), or 0.
    [[nodiscard]] std::size_t quoted_title(std::size_t s, std::size_t e) const {
        if (s == 0 || e >= m_toks.size()) return 0;
        auto opening = [](std::string_view f) { return f == "\xc2\xab" || f == "\xe2\x80\x9c" || f == "\"" || f == "<"; };
        auto closing = [](std::string_view f) { return f == "\xc2\xbb" || f == "\xe2\x80\x9d" || f == "\"" || f == ">"; };
        std::size_t first = s;
        // « Le Travail »: an article opens the title
        if (m_info[s - 1] && m_info[s - 1]->determiner && tok(s - 1).upper_initial() && s > 1) --first;
        return opening(tok(first - 1).fold) && closing(tok(e).fold) ? first : 0;
    }

    // A dispatch opens with the place it was sent from, then its date or agency: "Salonique, 7
    // novembre.", "PARIS, 15 (Havas).", "WALL STREET (AFP).", "SARAJEVO, Aug 22".
    [[nodiscard]] bool dateline_after(std::size_t s, std::size_t e) const {
        if (!(tok(s).line_start || tok(s).sentence_start) || e - s > 3) return false;
        std::size_t k = e;
        if (k < m_toks.size() && tok(k).fold == ",") ++k;
        if (k + 1 >= m_toks.size()) return false;
        if (tok(k).shape == Shape::number && tok(k).fold.size() <= 2) {
            return (cue(k + 1) & month) != 0 || tok(k + 1).fold == "(";
        }
        if ((cue(k) & month) && tok(k + 1).shape == Shape::number && tok(k + 1).fold.size() <= 2) return true;
        if (tok(k).fold != "(" || !tok(k + 1).upper_initial()) return false;
        const auto [n, list] = match(k + 1, 3);
        if (n == 0) return false;
        for (auto entry : *list) if (m_gaz.entry(entry).kind == EntryKind::agency) return true;
        return false;
    }

    [[nodiscard]] bool roman(std::size_t i) const {
        const Token& t = tok(i);
        if (t.shape != Shape::all_caps || t.fold.size() > 5) return false;
        return t.fold.find_first_not_of("ivx") == std::string::npos;
    }

    [[nodiscard]] bool country_inside(std::size_t s, std::size_t e) const {
        for (std::size_t k = s; k < e; ++k) {
            auto [n, list] = match(k, e - k);
            if (n == 0) continue;
            for (auto x : *list) if (m_gaz.entry(x).kind == EntryKind::country) return true;
        }
        return false;
    }

    [[nodiscard]] int numbers_in_line(std::size_t i) const {
        std::size_t b = i, e = i;
        while (b > 0 && !tok(b).line_start) --b;
        while (e + 1 < m_toks.size() && !tok(e + 1).line_start) ++e;
        int n = 0;
        for (std::size_t k = b; k <= e; ++k) n += tok(k).shape == Shape::number ? 1 : 0;
        return n;
    }

    // StringHash of the tokens' folds joined by spaces, as the gazetteer keys phrases.
    [[nodiscard]] std::uint64_t phrase_hash(std::size_t s, std::size_t e) const {
        if (e == s + 1) return tok(s).hash;
        StringHash h;
        for (std::size_t k = s; k < e; ++k) {
            if (k > s) h.add(' ');
            h.add(tok(k).fold);
        }
        return h.value();
    }

    [[nodiscard]] std::string join_folds(std::size_t s, std::size_t e) const {
        std::string key;
        for (std::size_t k = s; k < e; ++k) {
            if (k > s) key.push_back(' ');
            key += tok(k).fold;
        }
        return key;
    }

    void first_pass() {
        for (std::size_t i = 0; i < m_toks.size();) {
            const Token& t = tok(i);
            if (!t.is_word() || t.shape == Shape::elision) {
                ++i;
                continue;
            }
            // Each rule's first test, made here: most words pass none, and skip the calls.
            const WordInfo* w = m_info[i];
            std::size_t used = 0;
            if (t.upper_initial() || (w && w->demonym)) used = try_gazetteer(i);
            if (!used && t.shape == Shape::lower && w && ((w->cues | w->accented_cues) & (org_head | loc_head))) {
                used = try_lower_head(i);
            }
            if (!used && t.shape == Shape::lower && has_byte(m_text, t.begin, t.end, '-')) used = try_place_prefix(i);
            if (!used && t.upper_initial()) used = try_sequence(i);
            i += used ? used : 1;
        }
    }

    // "le jeune T.", "G. P.": a person's name that ends in an initial keeps the initial's dot; a
    // lone initial or honorific ("M.") is no name. A particle before a listed name is the name's.
    void initial_dots() {
        for (auto& c : m_out) {
            // ", de Dardel (Neuchâtel)", "et von Schulthess": a name's particle opens a list item
            if (c.type == EntityType::person && c.first == c.name_first && c.first >= 2 &&
                tok(c.first - 1).shape == Shape::lower && m_list_particles.has(tok(c.first - 1))) {
                const std::size_t p = c.first - 1;
                const auto& before = tok(p - 1).fold;
                const bool opens = !tok(p).line_start && (before == "," || before == "et" || before == "and");
                if (opens) {
                    c.first = c.name_first = p;
                    c.begin = tok(p).begin;
                }
            }
            const std::size_t k = c.last;
            if (c.type != EntityType::person || k >= m_toks.size() || c.last - c.first < 2) continue;
            if (tok(k).fold == "." && tok(k).begin == tok(k - 1).end && tok(k - 1).fold.size() == 1 &&
                tok(k - 1).shape == Shape::all_caps && !(roman(k - 1) && tok(k - 2).fold.size() > 1)) {
                c.last = c.name_last = k + 1;
                c.end = tok(k).end;
            }
        }
    }

    // French press annotation counts an apposition in the person's mention: "M. Ador, conseiller
    // fédéral", "Jules Capré, le fameux pronostiqueur du temps", "M. Vogelwald, 46 ans, médecin".
    // An apposition follows the name and a comma, starts with a lower-case word, runs to the next
    // comma or end mark (or a relative pronoun), and holds no finite verb ("Selon M. Dupont, la
    // situation est grave" is a clause).
    void extend_appositions() {
        constexpr std::size_t max_len = 14;
        std::vector<std::uint8_t> person_first(m_toks.size(), false);
        for (const auto& c : m_out) if (c.type == EntityType::person) person_first[c.first] = true;
        for (auto& c : m_out) {
            if (c.type != EntityType::person || c.form != Form::name) continue;
            std::size_t j = c.last;
            if (j + 1 >= m_toks.size() || tok(j).fold != ",") continue;
            std::size_t end = 0;
            for (;;) {
                const std::size_t seg = j + 1;
                std::size_t seg_end = apposition_end(seg, max_len);
                for (std::size_t k = seg; k < seg_end; ++k) {
                    if (person_first[k]) seg_end = 0;  // another person's name: no apposition
                }
                if (seg_end == 0) {
                    end = 0;  // "Maurice Ferte, 21 ans, était": an age alone stays out
                    break;
                }
                const bool age = seg_end - seg == 2 && tok(seg).shape == Shape::number;
                // "Georgel, 2 de livraison": a number opens an age only
                if (tok(seg).shape == Shape::number && !age) {
                    end = 0;
                    break;
                }
                end = seg_end;
                // "46 ans, médecin": an age is followed by the rest of the apposition
                if (age) {
                    if (seg_end < m_toks.size() && tok(seg_end).fold == ",") {
                        j = seg_end;
                        continue;
                    }
                    end = 0;
                }
                break;
            }
            if (end == 0) continue;
            c.last = end;
            c.end = tok(end - 1).end;
        }
    }

    // End of an apposition starting at s, or 0 when none starts there.
    [[nodiscard]] std::size_t apposition_end(std::size_t s, std::size_t max_len) const {
        if (s >= m_toks.size()) return 0;
        const Token& first = tok(s);
        const bool det = m_info[s] && m_info[s]->determiner;
        const bool opens = first.shape == Shape::number || first.shape == Shape::lower || first.shape == Shape::elision;
        if (!opens || first.sentence_start || (stop(s) && !det) || (cue(s) & (clause | appos_end))) return 0;
        // "du point de vue", "l'un des": a preposition or pronoun after the determiner
        if (det && (first.fold == "du" || first.fold == "des" || first.fold == "de" ||
                    s + 1 >= m_toks.size() || tok(s + 1).shape != Shape::lower || stop(s + 1))) {
            return 0;
        }
        // "concédant 2'24", "interprétées par": a participle opens a clause, not a role
        const bool role = m_info[s] && m_info[s]->title_first;
        // "M. et Mme Zirio, propriétaires de la villa": a plural noun describes more than the name
        if (first.shape == Shape::lower && !det && (first.fold.ends_with("es") || first.fold.ends_with("aux"))) return 0;
        if (!role && first.shape == Shape::lower && !det &&
            (first.fold.ends_with("ant") || first.fold.ends_with("e") || first.fold.ends_with("es") ||
             first.fold.ends_with("ee") || first.fold.ends_with("ees"))) {
            // folded "é" is "e": past participles end in e/ee/es/ees, like many nouns ("femme",
            // "membre"): only -ant and the accented participle endings of the surface are refused
            const std::string_view surface = m_text.substr(first.begin, first.end - first.begin);
            if (first.fold.ends_with("ant") || surface.ends_with("é") || surface.ends_with("ée") ||
                surface.ends_with("és") || surface.ends_with("ées")) {
                return 0;
            }
        }
        std::size_t k = s;
        for (; k < m_toks.size() && k - s < max_len; ++k) {
            const Token& t = tok(k);
            if (k > s && (t.sentence_start || t.blank_line_before)) break;
            if (t.shape == Shape::punct && t.fold != "'" && t.fold != "-") break;
            if (cue(k) & clause) return 0;
            if (cue(k) & appos_end) break;
            // "Charles Sandoz, radical | et Henri Montandon": the next name of a list
            if ((t.fold == "et" || t.fold == "ou" || t.fold == "and") && k + 1 < m_toks.size() &&
                (tok(k + 1).upper_initial() || (m_info[k + 1] && m_info[k + 1]->honorific))) {
                break;
            }
        }
        if (k - s >= max_len || k == s) return 0;
        return k;
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

    // A weak lone capital in a list with a person's name is a surname too: "MM. Bertoni, Micheli
    // et Tissières", "Rochaix, Fazy, Horace Micheli"; so is a name ranked in a results list
    // ("3. Tchmil (Be)").
    void rescue_listed_names() {
        std::sort(m_out.begin(), m_out.end(), [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
        auto confident_person = [&](const Candidate& c) {
            return c.type == EntityType::person && c.form == Form::name && !c.weak;
        };
        auto separator = [&](std::size_t k) {
            const auto& f = tok(k).fold;
            return f == "," || f == "et" || f == "and" || f == ";";
        };
        auto rescue = [&](Candidate& c) {
            c.weak = false;
            c.confidence = 0.4;
        };
        for (auto& c : m_out) {
            if (!c.weak || c.type != EntityType::person || c.form != Form::name || c.last - c.name_first != 1 ||
                common(c.name_first) || stop(c.name_first) || c.first < 2) {
                continue;
            }
            const Token& dot = tok(c.first - 1);
            if ((dot.fold == "." || dot.fold == ")") && tok(c.first - 2).shape == Shape::number &&
                dot.begin == tok(c.first - 2).end && tok(c.first - 2).fold.size() <= 3) {
                rescue(c);
            }
        }
        for (int sweep = 0; sweep < 2; ++sweep) {
            for (std::size_t n = 1; n < m_out.size(); ++n) {  // forwards: after a person
                Candidate& c = m_out[n];
                const Candidate& p = m_out[n - 1];
                if (lone_weak_person(c) && confident_person(p) && p.last + 1 == c.first && separator(p.last)) rescue(c);
            }
            for (std::size_t n = m_out.size(); n-- > 1;) {  // backwards: before a person
                Candidate& c = m_out[n - 1];
                const Candidate& p = m_out[n];
                if (lone_weak_person(c) && confident_person(p) && c.last + 1 == p.first && separator(c.last)) rescue(c);
            }
        }
        // "Lyon, Toulouse, Limoges et Bourses", "à Moldava, Bazias, Kovi, Pancevo": in a list with
        // two places or more (or a pair with one) and fewer persons, a weak lone capital is a place too.
        for (std::size_t n = 0; n < m_out.size();) {
            std::size_t end = n + 1;
            while (end < m_out.size() && m_out[end - 1].last + 1 == m_out[end].first && separator(m_out[end - 1].last)) ++end;
            int places = 0, persons = 0, unknown = 0;
            for (std::size_t k = n; k < end; ++k) {
                const Candidate& c = m_out[k];
                if (c.form != Form::name) continue;
                if (c.type == EntityType::location) ++places;  // weak: a preposition before it
                if (confident_person(c)) ++persons;
                if (lone_weak_person(c)) ++unknown;
            }
            // "tels que Zariategui, Eflio, Madrazo et Vargas": three unexplained capitals or more
            // listed together, and at most one place, are surnames (where a lone unexplained capital
            // is dropped; elsewhere it is a weak surname already, which later evidence may re-type)
            if (!m_lex.unknown_single_is_person && unknown >= 3 && places <= 1) {
                for (std::size_t k = n; k < end; ++k) {
                    if (lone_weak_person(m_out[k])) rescue(m_out[k]);
                }
                n = end;
                continue;
            }
            if ((places >= 2 || (places == 1 && end - n == 2)) && places > persons) {
                for (std::size_t k = n; k < end; ++k) {
                    Candidate& c = m_out[k];
                    if (!lone_weak_name(c)) continue;
                    rescue(c);
                    c.type = EntityType::location;
                }
            }
            n = end;
        }
    }

    // "Maillefer (Lausanne)", "M. SCHULTHESS (Argovie)": a weak lone capital before a known place
    // in brackets is a person, the place where the person comes from or sits for.
    void bracketed_persons() {
        for (std::size_t n = 0; n + 1 < m_out.size(); ++n) {
            Candidate& c = m_out[n];
            const Candidate& p = m_out[n + 1];
            const std::size_t k = c.last;
            if (!c.weak || c.type != EntityType::person || c.form != Form::name || c.last - c.name_first != 1 ||
                common(c.name_first) || stop(c.name_first) || k + 1 >= m_toks.size() ||
                tok(k).fold != "(" || p.first != k + 1 || p.type != EntityType::location || p.weak ||
                p.form != Form::name || p.last >= m_toks.size() || tok(p.last).fold != ")") {
                continue;
            }
            c.weak = false;
            c.confidence = 0.4;
        }
    }

    // "Chuard (Lausanne)", "3. Tchmil (Be, 4")": a lone capital in brackets right after a
    // person's name is where the person comes from.
    void bracketed_places() {
        std::vector<int> at(m_toks.size(), -1);
        for (std::size_t n = 0; n < m_out.size(); ++n) at[m_out[n].first] = static_cast<int>(n);
        std::vector<std::size_t> missed;
        for (const auto& p : m_out) {
            if (p.type != EntityType::person || p.form != Form::name || p.weak) continue;
            const std::size_t k = p.last + 1;
            if (k + 1 >= m_toks.size() || tok(p.last).fold != "(" || !tok(k).upper_initial() || stop(k)) continue;
            if (tok(k + 1).fold != ")" && tok(k + 1).fold != ",") continue;
            if (at[k] >= 0) {
                Candidate& c = m_out[static_cast<std::size_t>(at[k])];
                if (c.weak && c.last == k + 1) {
                    c.type = EntityType::location;
                    c.weak = false;
                }
            } else if (!m_covered[k]) {
                missed.push_back(k);
            }
        }
        for (auto k : missed) emit(k, k + 1, EntityType::location, Form::name, -1, 0.4);
    }

    // Carries confident names to weak and missed occurrences in the same article.
    void document_pass() {
        std::size_t parts = 0;
        for (const auto& c : m_out) parts += c.last - c.name_first;
        ArticleHashMap<EntityType> known(m_out.size());  // whole name (phrase hash) -> type
        ArticleHashMap<bool> person_parts(parts);         // given names and surnames
        for (const auto& c : m_out) {
            if (c.form != Form::name || c.weak) continue;
            known.emplace(phrase_hash(c.name_first, c.last), c.type);
            if (c.type == EntityType::person && c.confidence >= 0.5) {
                for (std::size_t k = c.name_first; k < c.last; ++k) {
                    if (tok(k).upper_initial() && !m_particles.has(tok(k))) person_parts.emplace(tok(k).hash, true);
                }
            }
        }
        // Sports results: a name followed by a score in a line of scores is a team
        // ("Surrey 429-7", "Derbyshire 471"); its other mentions are the team too.
        for (const auto& c : m_out) {
            if (c.form != Form::name || c.last >= m_toks.size()) continue;
            const bool score_after = tok(c.last).shape == Shape::number && !tok(c.last).line_start &&
                                     tok(c.last).fold.size() <= 7 && numbers_in_line(c.last) >= 2;
            const bool versus = c.first > 0 && (tok(c.first - 1).fold == "v" || tok(c.first - 1).fold == "vs");
            const bool place_like = c.entry < 0 || m_gaz.entry(static_cast<std::uint32_t>(c.entry)).kind == EntryKind::city ||
                                    m_gaz.entry(static_cast<std::uint32_t>(c.entry)).region_kind == "county";
            // National sides keep their country ("England 326"); head-line tables are left alone.
            if ((score_after || versus) && (c.type != EntityType::person || c.weak) && place_like &&
                !m_caps_line[c.name_first]) {
                known.emplace(phrase_hash(c.name_first, c.last), EntityType::organization) = EntityType::organization;
            }
        }
        bracketed_persons();
        rescue_listed_names();
        bracketed_places();
        std::vector<Candidate> kept;
        for (auto& c : m_out) {
            if (c.form == Form::name && (c.type == EntityType::location || c.weak)) {
                const std::uint64_t key = phrase_hash(c.name_first, c.last);
                if (const auto* type = known.find(key); type && *type == EntityType::organization) {
                    c.type = EntityType::organization;
                    c.weak = false;
                }
            }
            // "Clinton" after "Bill Clinton": the person, not the town.
            if (c.entry >= 0 && c.last - c.name_first == 1 && c.type == EntityType::location &&
                person_parts.contains(tok(c.name_first).hash) &&
                m_gaz.entry(static_cast<std::uint32_t>(c.entry)).kind != EntryKind::country) {
                c.type = EntityType::person;
                c.entry = -1;
            }
            if (c.weak) {
                const std::uint64_t key = phrase_hash(c.name_first, c.last);
                if (const auto* type = known.find(key)) {
                    c.type = *type;
                    c.weak = false;
                } else if (c.last - c.name_first == 1 && person_parts.contains(key)) {
                    c.type = EntityType::person;
                    c.weak = false;
                } else if (c.last - c.name_first == 1 && !given(c.name_first) && c.type == EntityType::person &&
                           (common(c.name_first) || !m_lex.unknown_single_is_person ||
                            (tok(c.name_first).sentence_start && m_lex.common_words.empty()))) {
                    for (std::size_t k = c.first; k < c.last; ++k) m_covered[k] = false;
                    continue;  // a sentence-initial capital with nothing else saying "name"
                }
            }
            kept.push_back(c);
        }
        m_out = std::move(kept);
        // Missed occurrences: head-line capitals, sentence-initial surnames.
        for (std::size_t i = 0; i < m_toks.size(); ++i) {
            if (m_covered[i] || !tok(i).upper_initial()) continue;
            std::size_t best = 0;
            EntityType type = EntityType::person;
            StringHash h;
            for (std::size_t n = 1; n <= 4 && i + n <= m_toks.size(); ++n) {
                if (m_covered[i + n - 1] || !tok(i + n - 1).upper_initial()) break;
                if (n > 1) h.add(' ');
                h.add(tok(i + n - 1).fold);
                const std::uint64_t key = h.value();
                if (const auto* found = known.find(key)) {
                    best = n;
                    type = *found;
                } else if (n == 1 && person_parts.contains(key)) {
                    best = 1;
                    type = EntityType::person;
                }
            }
            if (best && !(best == 1 && stop(i))) {
                emit(i, i + best, type, Form::name, -1, 0.6);
                i += best - 1;
            }
        }
    }

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
    ShortList m_particles, m_joiners, m_list_particles, m_title_articles;
}; // class Recognizer

} // namespace

std::vector<Candidate> recognize(std::string_view text, const std::vector<Token>& tokens,
                                 std::string_view lang, const Gazetteer& gaz) {
    return Recognizer(text, tokens, lang, gaz).run();
}

} // namespace storyline::entities
