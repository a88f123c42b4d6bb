#pragma once
// The place, organisation and demonym gazetteer (data/gazetteer/) and the per-language word
// lists (lang/<code>/entities/), loaded once and shared read-only by every thread.
#include "annotators/entities/tokenizer.hpp"
#include "core/model/annotation.hpp"
#include "core/util/flat_table.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace storyline::entities {

enum class EntryKind : std::uint8_t { country, city, region, organisation, agency, demonym };

struct GazEntry {
    std::string id;         // "country:KZ", "city:1526384", "org:csto"
    EntryKind kind = EntryKind::city;
    std::string canonical;  // English display name
    std::string country;    // ISO2 where known
    long population = 0;
    double latitude = 0, longitude = 0;
    std::string region_kind;  // "continent", "region", "state" for regions
};

// Everything the recognizer asks about one folded word, gathered so that each token costs one
// hash look-up on the hot path. Eight bytes, the flags a bit each: with its hash a slot of the
// word table is 16 bytes, where a byte per flag made it 24 (every word of every article is looked
// up in that table, and those look-ups wait on memory more than any other part of the stage).
struct WordInfo {
    std::uint16_t cues = 0;          // CueRole bits
    // Where a cue word and another fold alike ("a" a verb, "à" a preposition), `cues` are the
    // unaccented spelling's roles and these the accented one's.
    std::uint16_t accented_cues = 0;
    std::uint8_t gaz_max = 0;        // longest gazetteer phrase starting with this word (tokens)
    bool accent_sensitive : 1 = false;
    bool stop : 1 = false;
    bool given : 1 = false;
    bool misc : 1 = false;
    bool title_first : 1 = false;        // some title phrase starts with it
    bool honorific : 1 = false;
    bool honorific_in_span : 1 = false;
    bool demonym : 1 = false;            // a one-word demonym ("russes", "American")
    bool determiner : 1 = false;
};
static_assert(sizeof(WordInfo) <= 8);

// One of a language's short word lists (name particles, joiners...) with a 64-bit summary of
// its words' hashes, made when the list is loaded (made per article, it was 1 % of an import's
// instructions): most tokens are answered by one bit test instead of a string comparison per
// listed word.
class ShortList {
public:
    friend struct GazetteerImage;
    void add(std::string word) {
        m_bits |= bit(StringHash::of(word));
        m_words.push_back(std::move(word));
    }
    // A listed word equals the fold, so has the token's hash: no listed word is missed.
    [[nodiscard]] bool has(const Token& t) const {
        return (m_bits & bit(t.hash)) != 0 && std::find(m_words.begin(), m_words.end(), t.fold) != m_words.end();
    }

private:
    static std::uint64_t bit(std::uint64_t hash) { return std::uint64_t{1} << (hash >> 58); }
    std::vector<std::string> m_words;
    std::uint64_t m_bits = 0;
}; // class ShortList

// One language's word lists.
struct Lexicon {
    FlatTable<WordInfo> words;  // by StringHash of the folded word
    // Lower-case words never listed as names (common_words.txt). Apart from `words`, and asked
    // only about capitalised words, so the table every token looks into stays small enough for
    // the cache.
    FlatTable<bool> common;
    std::unordered_set<std::string> stop_words;
    std::unordered_set<std::string> titles;        // folded phrases
    // The same phrases by StringHash: the recognizer matches a title over its tokens' hashes,
    // without joining their folds into a string for each length tried.
    FlatTable<bool> title_phrases;
    std::size_t title_max_tokens = 0;
    std::unordered_map<std::string, bool> honorifics;  // folded, no final dot -> part of the name
    std::unordered_map<std::string, std::uint16_t> cues; // folded word -> CueRole bits
    std::unordered_map<std::string, std::uint16_t> accented_cues; // the same, of an accented spelling folding alike
    std::unordered_set<std::string> misc_words;    // religions, peoples, languages: MISC names
    std::unordered_set<std::string> determiners;
    // Small word lists the rules scan (a handful of words each): name particles ("de", "van"),
    // particles opening a listed surname, joiners inside organisation and place names, articles
    // before what a title is of, adjective endings that extend an institution's name.
    ShortList name_particles, list_particles, name_joiners, title_articles;
    std::vector<std::string> adjective_endings;
    bool elision = false;                           // French: l', d' before names
    bool title_in_span = false;                     // "général de Gaulle" is one mention
    bool bare_cue_is_name = true;                   // "Parliament" alone is an organisation
    bool unknown_single_is_person = true;           // a lone unexplained capital: surname or nothing
    bool apposition_in_span = false;                // "M. Ador, conseiller fédéral" is one mention
    bool split_dashed_words = false;                // "Chirac-qui": a name and a dash (tokenize())
};

enum CueRole : std::uint16_t {
    org_head = 1, org_tail = 2, loc_head = 4, loc_tail = 8, misc_head = 16, misc_tail = 32,
    per_after = 64, loc_before = 128,
    clause = 256,      // a finite verb, subject pronoun or negation: "M. X, | la situation est grave" is no apposition
    appos_end = 512,    // a relative pronoun: an apposition ends before it ("Worth, un couturier | qui")
    month = 1024,       // a month name: "Salonique, 7 novembre." opens a dispatch with its place
    loc_prefix = 2048,  // hyphenated to a place, makes a place: "outre-Rhin"
};

struct TranslitRule {
    std::string from, to;
    bool at_end = false;
};

class Gazetteer {
public:
    // Loads data/gazetteer/*.tsv and every lang/*/entities/ folder.
    Gazetteer();
    // Empty, to be filled from an image (gazetteer_image.hpp).
    struct Empty {};
    explicit Gazetteer(Empty) {}

    // Longest phrase starting at tokens[i]: (token count, entry indices), count 0 when none.
    [[nodiscard]] std::pair<std::size_t, const std::vector<std::uint32_t>*>
    longest_match(const std::vector<Token>& tokens, std::size_t i, std::size_t limit) const;
    // The same when the caller knows the longest phrase tokens[i] starts (WordInfo::gaz_max,
    // which the recognizer has read for every word): one look-up, and its cache miss, fewer.
    [[nodiscard]] std::pair<std::size_t, const std::vector<std::uint32_t>*>
    longest_match(const std::vector<Token>& tokens, std::size_t i, std::size_t limit, std::size_t first_max) const;
    [[nodiscard]] const std::vector<std::uint32_t>* find(std::string_view folded_phrase) const;
    // The same by the phrase's StringHash (a run of tokens' hashes, no string joined).
    [[nodiscard]] const std::vector<std::uint32_t>* find_phrase(std::uint64_t phrase_hash) const;
    [[nodiscard]] const GazEntry& entry(std::uint32_t index) const { return m_entries[index]; }
    [[nodiscard]] const GazEntry* by_id(std::string_view id) const;

    [[nodiscard]] bool is_given_name(std::string_view folded) const { return m_given.find(StringHash::of(folded)) != nullptr; }
    // Words the cross-article keys look through, the union of every language's key_words.tsv:
    // a key must not depend on the article's language ("Poutine" and "Putin" meet).
    enum class KeyWord { surname_particle, name_suffix, leading_article, acronym_skip };
    [[nodiscard]] bool is_key_word(KeyWord role, std::string_view folded) const {
        const auto& list = m_key_words[static_cast<std::size_t>(role)];
        return std::find(list.begin(), list.end(), folded) != list.end();
    }
    // nullptr for a word no list knows.
    [[nodiscard]] static const WordInfo* word(const Lexicon& lex, std::string_view folded) {
        return lex.words.find(StringHash::of(folded));
    }
    [[nodiscard]] const Lexicon& lexicon(std::string_view lang) const;
    [[nodiscard]] const std::vector<TranslitRule>& transliteration() const { return m_translit; }

private:
    friend struct GazetteerImage;
    void add_phrase(std::string_view surface, std::uint32_t entry);
    void add_phrases(std::string_view surfaces, char sep, std::uint32_t entry);
    std::uint32_t add_entry(GazEntry e);
    void load_countries();
    void load_cities();
    void load_regions();
    void load_organisations();
    void load_place_aliases();
    void load_language(const std::string& lang);
    [[nodiscard]] FlatTable<WordInfo> index_gazetteer_words() const;
    void index_words(Lexicon& lex, FlatTable<WordInfo> gazetteer_words) const;

    // The entries a phrase names, with what index_gazetteer_words() needs of the phrase.
    struct Phrase {
        std::uint64_t hash = 0;   // StringHash of the phrase key
        bool one_word = false;
        std::vector<std::uint32_t> entries;
    };

    std::vector<GazEntry> m_entries;
    FlatTable<std::uint32_t> m_by_id;            // StringHash of the id -> entry index + 1
    std::vector<Phrase> m_phrases;
    FlatTable<std::uint32_t> m_phrase_index;     // StringHash of the phrase key -> m_phrases index + 1
    FlatTable<std::uint8_t> m_first_index;       // StringHash of a first token -> longest phrase (tokens)
    FlatTable<bool> m_given;                     // StringHash of folded given names
    std::string m_key;                           // add_phrase's buffer
    std::array<std::vector<std::string>, 4> m_key_words;   // by KeyWord
    std::unordered_map<std::string, Lexicon> m_lexicons;
    Lexicon m_empty;
    std::vector<TranslitRule> m_translit;
    std::shared_ptr<const void> m_backing;   // the mapped image its tables are views of, if any
}; // class Gazetteer

// The process-wide instance, made on first use: read from its cached image when there is one
// for this build and these data files (gazetteer_image.hpp), else built from the files.
const Gazetteer& gazetteer();

// Splits a line on tabs, keeping empty fields.
std::vector<std::string_view> split_tabs(std::string_view line);

} // namespace storyline::entities
