#pragma once
// A language's temporal knowledge, loaded from lang/<code>/timex/ (lexicon.txt, rules.txt,
// tense.txt): word lists with values and token-sequence rules, HeidelTime-style. The C++ here
// knows no word of any language; a new language is a new folder of data files.
#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace storyline::timex {

// One lexicon form: a token sequence (keys as the tokenizer normalizes them) with its class
// and value, e.g. class "month", value "1", keys {"jan", "."}.
struct LexEntry {
    int cls = -1;
    std::string value;
    std::vector<std::string> keys;
    std::string exact_first;  // non-empty: the first token must appear exactly so (case-sensitive)
};

enum class ElemKind : std::uint8_t { words, number };
// Number element kinds: any integer, a 4-digit year, a day of month, an hour, a minute
// (2 digits), a 2-digit year, a decade ("1960s", "60s"), an amount (digits or a numeral word).
enum class NumKind : std::uint8_t { integer, year, day, hour, minute, year2, decade, amount };
constexpr unsigned num_kind_bit(NumKind k) { return 1u << static_cast<unsigned>(k); }
static_assert(num_kind_bit(NumKind::amount) < 256, "number kinds index 256 candidate lists");

struct Elem {
    ElemKind kind = ElemKind::words;
    bool optional = false;
    std::vector<std::string> literals;  // alternatives: literal tokens ...
    std::vector<int> classes;           // ... and lexicon classes ("@unit1|@units|days")
    std::vector<int> literal_ids;       // KeyInfo::id of each literal (integer compare)
    std::uint64_t class_mask = 0;       // classes with id < 64, for a quick reject
    bool mask_exact = true;             // every class has id < 64
    std::uint64_t literal_bits = 0;     // bit (id % 64) of each literal: a cheap presence filter
    NumKind num = NumKind::integer;     // ElemKind::number
};

// A context test on the token just before/after the match: lexicon class, literal, or
// "PUNCT" (punctuation or text edge).
struct ContextTest {
    std::vector<int> classes;
    std::vector<std::string> literals;
    std::vector<int> literal_ids;
    bool punct = false;
    [[nodiscard]] bool empty() const { return classes.empty() && literals.empty() && !punct; }
};

// Slot keys the engine knows (rules.txt "key=template"), in Rule::slot_ids order.
inline constexpr std::string_view slot_names[] = {
    "y",   "yy",  "m",   "d",    "wd",     "q",   "half", "season", "pod",  "h",   "min", "ampm", "dec", "cent",
    "rel", "off", "anchor", "keep", "dir", "ref", "dur", "unit", "value", "mod", "week", "hol", "yoff", "decx",
    "quoted"};

struct Rule {
    std::string name;
    std::string type;  // DATE, TIME, DURATION, SET, or NONE: a match that blocks the others
    std::vector<Elem> elems;
    std::vector<std::pair<std::string, std::string>> slots;  // key, template with $n
    std::vector<int> slot_ids;  // per slot: index in slot_names, -1 for a key the engine ignores
    ContextTest prev;                                        // must hold when not empty
    ContextTest next;
    ContextTest not_prev;                                    // must not hold
    ContextTest not_next;
    int order = 0;
    std::vector<int> required;  // indices of required word elements (quick window reject)
};

// What a rule needs within a window of tokens, packed apart from the rules for the quick
// reject that runs for every candidate rule at every number and lexicon word.
struct RuleFilter {
    std::uint64_t all_classes = 0;  // required elements of a single class: all these bits present
    std::uint32_t any_begin = 0;    // other required elements: Grammar::filter_any[any_begin, any_end),
    std::uint32_t any_end = 0;      // each (class_mask, literal_bits) needs one bit present
};

// What the token after a one-token start may be for any of a list of candidate rules to go
// on: a token that offers none of these (most words after "the", "a", a number) lets the
// tagger skip the start without trying each rule. `any`: some rule needs nothing more.
struct NextFilter {
    std::uint64_t classes = 0;  // lexicon classes (id < 64) starting at the next token
    std::uint64_t literals = 0;  // bit (id % 64) of the next token's key
    unsigned nums = 0;           // NumKind bits of a next number token
    bool any = false;
    void add(const NextFilter& o) {
        classes |= o.classes;
        literals |= o.literals;
        nums |= o.nums;
        any = any || o.any;
    }
};

// What the token after a key must look like for a lexicon entry starting with the key: its
// length and first byte (an entry of one token takes any). Read for every occurrence of a key
// such as "the", which starts many entries; the entry itself only when these agree.
struct EntryHead {
    int entry = -1;
    int ntok = 1;                // tokens in the entry
    std::uint32_t next_len = 0;  // length of its second key
    char next_first = 0;         // first byte of its second key
};

// Per-key index: lexicon entries starting with this key and rules whose first element may be
// this literal.
struct KeyInfo {
    int id = -1;
    std::vector<int> entries;
    std::vector<EntryHead> heads;  // of `entries`, in the same order (finish_index)
    std::vector<int> rules;
    std::vector<int> candidates;  // sorted: rules + rules starting with a class of `entries`
    std::vector<NextFilter> candidate_next;  // each candidate's own filter, in the same order
    NextFilter next;              // of `candidates`
};

struct Grammar {
    std::string lang;
    std::deque<std::string> key_store;  // owns the string_view keys of `keys`
    std::unordered_map<std::string_view, KeyInfo> keys;
    std::vector<std::string> class_names;
    std::vector<LexEntry> entries;
    std::vector<Rule> rules;
    std::vector<RuleFilter> filters;                              // by rule index
    std::vector<std::pair<std::uint64_t, std::uint64_t>> filter_any;
    std::vector<std::vector<int>> class_rules;  // class id -> rules that may start with it
    // Rules that may start with a number token, by the set of NumKind bits the token satisfies.
    std::array<std::vector<int>, 256> number_rules;
    std::array<NextFilter, 256> number_next;  // of each number_rules list
    std::array<std::vector<NextFilter>, 256> number_candidate_next;  // per rule of each list
    std::vector<std::string> past_suffixes, future_suffixes;
    int cls_past = -1, cls_future = -1, cls_range_from = -1, cls_range_to = -1, cls_premod = -1;
    int cls_num = -1;
    int cls_aux = -1;
    int cls_report = -1;  // tense.txt "report": attribution verbs, weak cues beyond a comma
    int cls_perfect = -1;  // tense.txt "perfect": a future cue after it is a past plan ("had been due")
    int cls_nocue = -1;  // tense.txt "nocue": phrases that look like a cue but are none ("next to")  // tense.txt "aux": a past-ending word right after one is a participle

    [[nodiscard]] int class_id(std::string_view name) const;
    int intern_class(std::string_view name);
    KeyInfo& key_info(std::string_view key);
    // Lookup on the hot path: one-byte keys (punctuation) through a direct table, others
    // through an open-addressing table with FNV-1a hashes (built by finish_index()).
    [[nodiscard]] const KeyInfo* find_key(std::string_view key) const {
        if (key.size() == 1) return byte_keys[static_cast<unsigned char>(key[0])];
        if (key.size() - 1 >= max_key_len) return nullptr;  // also the empty key and table
        const KeyWords w = key_words(key);
        const std::uint64_t h = key_hash(w, key.size());
        const std::uint8_t tag = tag_of(h);
        for (std::size_t i = h >> table_shift;; i = (i + 1) & table_mask) {
            const std::uint8_t t = tags[i];
            if (t == 0) return nullptr;
            if (t != tag) continue;
            const Slot& s = table[i];
            // Up to 16 bytes the two words and the length are the whole key.
            if (s.words.a == w.a && s.words.b == w.b && s.key.size() == key.size() &&
                (key.size() <= 16 || s.key == key))
                return s.info;
        }
    }
    // The first and last 8 (or 4) bytes of a key, or its 2-3 bytes: a fixed cost whatever the
    // key's length (every word of a text is looked up), and all of a key up to 16 bytes.
    struct KeyWords {
        std::uint64_t a = 0, b = 0;
    };
    static KeyWords key_words(std::string_view key) {
        const char* p = key.data();
        const std::size_t n = key.size();
        KeyWords w;
        if (n >= 8) {
            std::memcpy(&w.a, p, 8);
            std::memcpy(&w.b, p + n - 8, 8);
        } else if (n >= 4) {
            std::uint32_t x = 0, y = 0;
            std::memcpy(&x, p, 4);
            std::memcpy(&y, p + n - 4, 4);
            w.a = x;
            w.b = y;
        } else if (n > 0) {
            w.a = static_cast<unsigned char>(p[0]) | (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
                  (std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16);
        }
        return w;
    }
    // Multiplicative: the table index is the product's top bits (table_shift), which depend
    // on every bit of the key words.
    static std::uint64_t key_hash(KeyWords w, std::size_t n) {
        return (w.a ^ ((w.b << 29) | (w.b >> 35)) ^ n) * 0x9E3779B97F4A7C15ULL;
    }
    void finish_index();

    struct Slot {
        KeyWords words;
        std::string_view key;
        const KeyInfo* info = nullptr;
    };
    // A byte per slot: 0 for empty, else the hash's low 7 bits (the index takes its top bits)
    // with the high bit set. Most words of a text are no key, and the probe ends in this array
    // (2 KB for English, within the first-level cache) without loading a slot: the slots (40
    // bytes each, 80 KB) missed that cache on nearly every word.
    static std::uint8_t tag_of(std::uint64_t hash) { return static_cast<std::uint8_t>(0x80 | (hash & 0x7F)); }
    std::vector<std::uint8_t> tags;
    std::vector<Slot> table;
    std::size_t table_mask = 0;
    int table_shift = 63;  // 64 - log2(table size)
    std::size_t max_key_len = 0;
    std::array<const KeyInfo*, 256> byte_keys{};
};

// Loads lang/<lang>/timex/*.txt; throws std::runtime_error naming the file and line on a
// malformed entry, returns nullptr when the language has no timex folder.
std::shared_ptr<const Grammar> load_grammar(std::string_view lang);
std::shared_ptr<const Grammar> load_grammar_from(const std::filesystem::path& dir, std::string lang);

} // namespace storyline::timex
