#include "annotators/entities/gazetteer.hpp"
#include "annotators/entities/gazetteer_image.hpp"

#include "annotators/entities/data_lines.hpp"
#include "annotators/entities/text_fold.hpp"
#include "core/lang/resources.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <mutex>

namespace storyline::entities {
namespace {

// Longer names are not worth a look-up at every word.
constexpr std::size_t k_max_phrase_tokens = 16;

// Plain decimals ("-33.3042", the gazetteer's coordinates) without std::from_chars: with at
// most 15 digits the digits make an exact double, and so does a power of ten up to 10^22, so one
// IEEE division gives the correctly rounded value, the same as from_chars. Anything else goes to
// from_chars.
double to_double(std::string_view s) {
    static constexpr double k_pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    std::size_t i = 0;
    const bool negative = !s.empty() && s[0] == '-';
    if (negative) ++i;
    std::uint64_t mantissa = 0;
    std::size_t digits = 0, fraction = 0;
    bool dot = false, plain = true;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
            ++digits;
            if (dot) ++fraction;
        } else if (c == '.' && !dot) {
            dot = true;
        } else {
            plain = false;
            break;
        }
    }
    if (plain && digits > 0 && digits <= 15 && (!dot || fraction > 0)) {
        const double v = static_cast<double>(mantissa) / k_pow10[fraction];
        return negative ? -v : v;
    }
    double v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

long to_long(std::string_view s) {
    long v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// A letter the tokenizer keeps inside a word and fold() lowers without a table look-up past
// Latin Extended-A: ASCII letters and digits, and U+00C0..U+017F but × and ÷.
bool plain_letter(char32_t cp) {
    if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9');
    return cp >= 0xC0 && cp < 0x180 && cp != 0xD7 && cp != 0xF7;
}

// Names of plain letters joined by single spaces and inner hyphens ("New York", "Saint-Étienne"):
// their tokens are the space-separated words, each folded whole, so the key is fold(surface)
// and the tokenizer is not needed (start-up time). Anything else (dots, apostrophes, other
// scripts, doubled spaces) goes through tokenize().
bool plain_phrase(std::string_view surface, std::size_t& count) {
    if (surface.empty() || surface.front() == ' ' || surface.back() == ' ') return false;
    count = 1;
    bool prev_letter = false;
    for (std::size_t i = 0; i < surface.size();) {
        const auto b = static_cast<unsigned char>(surface[i]);
        if (b == ' ') {
            if (!prev_letter) return false;
            ++count;
            prev_letter = false;
            ++i;
            continue;
        }
        if (b == '-') {
            // Inside a word only: a letter before and after.
            if (!prev_letter || i + 1 >= surface.size()) return false;
            std::size_t next = i + 1;
            if (!plain_letter(decode_utf8(surface, next))) return false;
            prev_letter = false;
            ++i;
            continue;
        }
        const char32_t cp = b < 0x80 ? (++i, b) : decode_utf8(surface, i);
        if (!plain_letter(cp)) return false;
        prev_letter = true;
    }
    return prev_letter;
}

// The key a phrase is stored under, written to `key`: its tokens' folded forms joined by spaces.
// Returns the token count.
std::size_t phrase_key_into(std::string& key, std::string_view surface) {
    // ASCII letters and digits with single inner spaces, lowered as they are checked.
    key.resize(surface.size());
    std::size_t n = 1;
    bool ascii = !surface.empty() && surface.front() != ' ' && surface.back() != ' ';
    for (std::size_t i = 0; ascii && i < surface.size(); ++i) {
        const auto u = static_cast<unsigned char>(surface[i]);
        if (u >= 'A' && u <= 'Z') {
            key[i] = static_cast<char>(u | 0x20);
        } else if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
            key[i] = static_cast<char>(u);
        } else if (u == ' ' && surface[i - 1] != ' ') {
            key[i] = ' ';
            ++n;
        } else {
            ascii = false;
        }
    }
    if (ascii) return n;
    key.clear();
    n = 0;
    if (plain_phrase(surface, n)) {
        fold_append(key, surface);
        return n;
    }
    n = 0;
    for (const auto& t : tokenize(surface)) {
        if (!key.empty()) key.push_back(' ');
        key += t.fold;
        ++n;
    }
    return n;
}

std::string phrase_key(std::string_view surface, std::size_t* count = nullptr) {
    std::string key;
    const std::size_t n = phrase_key_into(key, surface);
    if (count) *count = n;
    return key;
}

std::vector<std::string> french_forms(const std::string& w) {
    if (w.ends_with("s") || w.ends_with("x") || w.ends_with("z")) return {w};
    if (w.ends_with("al")) return {w, w.substr(0, w.size() - 2) + "aux"};
    return {w, w + "s"};
}

std::vector<std::string> english_forms(const std::string& w) {
    if (w.ends_with("s") || w.ends_with("sh") || w.ends_with("ch") || w.ends_with("ese")) return {w};
    return {w, w + "s"};
}

} // namespace

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    for_each_part(line, '\t', [&](std::string_view part) { out.push_back(part); });
    return out;
}

Gazetteer::Gazetteer() {
    // Sized for the bundled data, no rehashing while loading: 23,906 entries; 26,696 distinct
    // phrase keys (of 75,000 names added: a city's names mostly fold alike) with 22,981 first
    // words; 8,422 given names. The tables are 26-41 % full (3.5 MB); sized for 75,000 keys they
    // were 11 MB at 9-18 %, every page faulted in at each start (a quarter of its page faults).
    // Larger data only makes a table grow once or twice.
    m_entries.reserve(32768);
    m_phrases.reserve(32768);
    m_by_id = FlatTable<std::uint32_t>(24576);
    m_phrase_index = FlatTable<std::uint32_t>(28672);
    m_first_index = FlatTable<std::uint8_t>(24576);
    m_given = FlatTable<bool>(12288);
    load_countries();
    load_regions();
    load_cities();
    load_organisations();
    load_place_aliases();
    const std::string given = read_data_file(data_file("gazetteer/given_names.tsv")).value_or(std::string());
    std::string folded;
    for_each_data_line(given, [&](std::string_view line) {
        folded.clear();
        fold_append(folded, line);
        m_given[StringHash::of(folded)] = true;
    });
    // A country's population is not in its file: the sum of its cities' stands in, enough to
    // rank "American" (United States before the Northern Mariana Islands).
    std::unordered_map<std::string, long> city_people;
    for (const auto& e : m_entries) {
        if (e.kind == EntryKind::city) city_people[e.country] += e.population;
    }
    for (auto& e : m_entries) {
        if (e.kind == EntryKind::country || (e.kind == EntryKind::demonym && e.id.starts_with("country:"))) {
            e.population = city_people[e.country];
        }
    }
    for (const auto& lang : available_languages()) load_language(lang);
    // longest_match() asks these for every prefix of every candidate name, mostly in vain.
    m_phrase_index.add_filter();
    m_first_index.add_filter();
    FlatTable<WordInfo> gazetteer_words = index_gazetteer_words();
    for (auto& [lang, lex] : m_lexicons) index_words(lex, gazetteer_words);
    index_words(m_empty, std::move(gazetteer_words));   // the last one takes the table itself
}

// What the gazetteer says of a word, the same in every language: built once, then copied into
// each lexicon's table before its own lists are added.
FlatTable<WordInfo> Gazetteer::index_gazetteer_words() const {
    // Sized once for these words and a lexicon's own (a few hundred): grown from empty, it was
    // built six times over, each size's memory faulted in anew.
    FlatTable<WordInfo> table(m_first_index.size() + m_given.size() + 1024);
    m_first_index.for_each([&](std::uint64_t hash, std::uint8_t n) { table[hash].gaz_max = n; });
    m_given.for_each([&](std::uint64_t hash, bool) { table[hash].given = true; });
    for (const auto& phrase : m_phrases) {
        if (!phrase.one_word) continue;
        bool only = true;
        for (auto e : phrase.entries) only = only && m_entries[e].kind == EntryKind::demonym;
        if (only) table[phrase.hash].demonym = true;
    }
    return table;
}

void Gazetteer::index_words(Lexicon& lex, FlatTable<WordInfo> gazetteer_words) const {
    lex.words = std::move(gazetteer_words);   // the fields below are the lexicon's own
    struct Words {
        FlatTable<WordInfo>& table;
        WordInfo& operator[](std::string_view s) { return table[StringHash::of(s)]; }
    } w{lex.words};
    for (const auto& s : lex.stop_words) w[s].stop = true;
    for (const auto& s : lex.misc_words) w[s].misc = true;
    for (const auto& s : lex.determiners) w[s].determiner = true;
    for (const auto& [s, bits] : lex.cues) w[s].cues = bits;
    for (const auto& [s, bits] : lex.accented_cues) {
        w[s].accented_cues = bits;
        w[s].accent_sensitive = true;
    }
    for (const auto& [s, in_span] : lex.honorifics) {
        w[s].honorific = true;
        w[s].honorific_in_span = in_span;
    }
    for (const auto& t : lex.titles) w[t.substr(0, t.find(' '))].title_first = true;
}

std::uint32_t Gazetteer::add_entry(GazEntry e) {
    const auto index = static_cast<std::uint32_t>(m_entries.size());
    auto& slot = m_by_id[StringHash::of(e.id)];
    if (slot == 0) slot = index + 1;   // the first entry of an id keeps it
    m_entries.push_back(std::move(e));
    return index;
}

void Gazetteer::add_phrase(std::string_view surface, std::uint32_t entry) {
    if (surface.empty()) return;
    const std::size_t n = phrase_key_into(m_key, surface);
    if (m_key.empty() || n > k_max_phrase_tokens) return;
    // The key's hash, and its first word's: what longest_match() asks first.
    const std::uint64_t hash = StringHash::of(m_key);
    const std::uint64_t first = StringHash::word(std::string_view(m_key).substr(0, m_key.find(' ')));
    auto& slot = m_phrase_index[hash];
    if (slot == 0) {
        m_phrases.push_back({hash, first == hash, {}});
        slot = static_cast<std::uint32_t>(m_phrases.size());
    }
    auto& list = m_phrases[slot - 1].entries;
    if (std::find(list.begin(), list.end(), entry) != list.end()) return;
    list.push_back(entry);
    auto& max = m_first_index[first];
    max = std::max<std::uint8_t>(max, static_cast<std::uint8_t>(n));
}

void Gazetteer::add_phrases(std::string_view surfaces, char sep, std::uint32_t entry) {
    for_each_part(surfaces, sep, [&](std::string_view s) { add_phrase(s, entry); });
}

void Gazetteer::load_countries() {
    const std::string content = read_data_file(data_file("gazetteer/countries.tsv")).value_or(std::string());
    for_each_data_line(content, [&](std::string_view line) {
        const Fields f(line, '\t');
        if (f.size() < 8) return;
        GazEntry e;
        e.id.assign(f[0]);
        e.kind = EntryKind::country;
        e.canonical.assign(f[2]);
        e.country = e.id.substr(e.id.find(':') + 1);
        e.latitude = to_double(f[6]);
        e.longitude = to_double(f[7]);
        const auto idx = add_entry(e);
        for (std::size_t k : {2u, 3u, 4u, 5u}) add_phrase(f[k], idx);
        add_phrases(f[10], '|', idx);
        // Demonyms share the country's id but are entries of their own kind.
        GazEntry d = e;
        d.kind = EntryKind::demonym;
        d.id = e.id;
        const auto didx = static_cast<std::uint32_t>(m_entries.size());
        m_entries.push_back(d);
        for (std::size_t k : {11u, 12u}) add_phrases(f[k], '|', didx);
    });
}

void Gazetteer::load_regions() {
    const std::string content = read_data_file(data_file("gazetteer/regions.tsv")).value_or(std::string());
    for_each_data_line(content, [&](std::string_view line) {
        const Fields f(line, '\t');
        if (f.size() < 7) return;
        GazEntry e;
        e.id.assign(f[0]);
        e.kind = EntryKind::region;
        e.region_kind.assign(f[1]);
        e.canonical.assign(f[2]);
        e.country.assign(f[4]);
        e.latitude = to_double(f[5]);
        e.longitude = to_double(f[6]);
        const auto idx = add_entry(e);
        add_phrase(f[2], idx);
        add_phrase(f[3], idx);
        add_phrases(f[7], '|', idx);
    });
}

void Gazetteer::load_cities() {
    const std::string content = read_data_file(data_file("gazetteer/cities.tsv")).value_or(std::string());
    for_each_data_line(content, [&](std::string_view line) {
        const Fields f(line, '\t');
        if (f.size() < 8) return;
        GazEntry e;
        e.id.assign(f[0]);
        e.kind = EntryKind::city;
        e.canonical.assign(f[2].empty() ? f[1] : f[2]);
        e.country.assign(f[4]);
        e.latitude = to_double(f[5]);
        e.longitude = to_double(f[6]);
        e.population = to_long(f[7]);
        const auto idx = add_entry(std::move(e));
        add_phrase(f[1], idx);
        add_phrase(f[2], idx);
        add_phrase(f[3], idx);
    });
}

void Gazetteer::load_organisations() {
    const std::string content = read_data_file(data_file("gazetteer/organisations.tsv")).value_or(std::string());
    for_each_data_line(content, [&](std::string_view line) {
        const Fields f(line, '\t');
        if (f.size() < 3) return;
        GazEntry e;
        e.id.assign(f[0]);
        e.kind = f[1] == "agency" ? EntryKind::agency : EntryKind::organisation;
        e.canonical.assign(f[2]);
        const auto idx = add_entry(e);
        add_phrase(f[2], idx);
        add_phrase(f[3], idx);
        add_phrases(f[4], '|', idx);
    });
}

void Gazetteer::load_place_aliases() {
    const std::string content = read_data_file(data_file("gazetteer/place_aliases.tsv")).value_or(std::string());
    for_each_data_line(content, [&](std::string_view line) {
        const Fields f(line, '\t');
        if (f.size() < 2) return;
        if (const auto* e = by_id(f[0])) add_phrase(f[1], static_cast<std::uint32_t>(e - m_entries.data()));
    });
}

void Gazetteer::load_language(const std::string& lang) {
    Lexicon lex;
    lex.elision = lang == "fr";
    for (const auto& w : read_optional_data_lines(language_file(lang, "entities/stop_words.txt"))) {
        lex.stop_words.insert(fold(w));
    }
    for (const auto& line : read_optional_data_lines(language_file(lang, "entities/conventions.tsv"))) {
        const Fields f(line, '\t');
        if (f[0] == "title_in_span") lex.title_in_span = f[1] == "yes";
        if (f[0] == "bare_cue_is_name") lex.bare_cue_is_name = f[1] == "yes";
        if (f[0] == "unknown_single_capital") lex.unknown_single_is_person = f[1] == "person";
        if (f[0] == "apposition_in_span") lex.apposition_in_span = f[1] == "yes";
        if (f[0] == "dashed_words") lex.split_dashed_words = f[1] == "split";
    }
    const std::string common = read_data_file(language_file(lang, "entities/common_words.txt")).value_or(std::string());
    lex.common = FlatTable<bool>(common.size() / 10);   // about 9 bytes a line
    for_each_data_line(common, [&](std::string_view w) { lex.common[StringHash::of(w)] = true; });
    for (const auto& w : read_optional_data_lines(language_file(lang, "entities/determiners.txt"))) {
        lex.determiners.insert(fold(w));
    }
    for (const auto& w : read_optional_data_lines(language_file(lang, "entities/misc_words.txt"))) {
        lex.misc_words.insert(fold(w));
    }
    static const std::pair<std::string_view, KeyWord> key_roles[] = {
        {"surname_particle", KeyWord::surname_particle}, {"name_suffix", KeyWord::name_suffix},
        {"leading_article", KeyWord::leading_article}, {"acronym_skip", KeyWord::acronym_skip}};
    for (const auto& line : read_optional_data_lines(language_file(lang, "entities/key_words.tsv"))) {
        const Fields f(line, '\t');
        for (const auto& [name, role] : key_roles) {
            if (f[0] != name) continue;
            auto& list = m_key_words[static_cast<std::size_t>(role)];
            std::string w = fold(f[1]);
            if (!w.empty() && std::find(list.begin(), list.end(), w) == list.end()) list.push_back(std::move(w));
        }
    }
    for (const auto& [file, list] : {std::pair{"entities/name_particles.txt", &lex.name_particles},
                                     std::pair{"entities/list_particles.txt", &lex.list_particles},
                                     std::pair{"entities/name_joiners.txt", &lex.name_joiners},
                                     std::pair{"entities/title_articles.txt", &lex.title_articles}}) {
        for (const auto& w : read_optional_data_lines(language_file(lang, file))) list->add(fold(w));
    }
    for (const auto& w : read_optional_data_lines(language_file(lang, "entities/adjective_endings.txt"))) {
        lex.adjective_endings.push_back(fold(w));
    }
    for (const auto& w : read_optional_data_lines(language_file(lang, "entities/titles.txt"))) {
        std::size_t n = 0;
        const auto [it, added] = lex.titles.insert(phrase_key(w, &n));
        lex.title_phrases[StringHash::of(*it)] = true;
        lex.title_max_tokens = std::max(lex.title_max_tokens, n);
    }
    for (const auto& line : read_optional_data_lines(language_file(lang, "entities/honorifics.txt"))) {
        const Fields f(line, '\t');
        std::string h = fold(f[0]);
        if (h.ends_with('.')) h.pop_back();
        lex.honorifics[h] = f[1] == "yes";
    }
    static const std::pair<std::string_view, CueRole> roles[] = {
        {"org_head", org_head}, {"org_tail", org_tail}, {"loc_head", loc_head}, {"loc_tail", loc_tail},
        {"misc_head", misc_head}, {"misc_tail", misc_tail}, {"per_after", per_after},
        {"loc_before", loc_before}, {"clause", clause}, {"appos_end", appos_end},
        {"month", month}, {"loc_prefix", loc_prefix}};
    // "a" (has) and "à" (at) fold alike: when an accented and a plain spelling have different
    // roles, the recognizer tells them apart by the token's own spelling.
    std::unordered_map<std::string, std::uint16_t> accented;
    for (const auto& line : read_optional_data_lines(language_file(lang, "entities/cues.tsv"))) {
        const Fields f(line, '\t');
        const bool has_accent = std::any_of(f[0].begin(), f[0].end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
        for (const auto& [name, role] : roles) {
            if (f[1] != name) continue;
            (has_accent ? accented : lex.cues)[fold(f[0])] |= role;
        }
    }
    for (const auto& [word, bits] : accented) {
        auto plain = lex.cues.find(word);
        if (plain == lex.cues.end()) lex.cues[word] = bits;
        else if (plain->second != bits) lex.accented_cues[word] = bits;
    }
    for (const auto& line : read_optional_data_lines(language_file(lang, "entities/demonyms.tsv"))) {
        const Fields f(line, '\t');
        if (f.size() < 2) continue;
        const auto* place = by_id(f[1]);
        if (!place) continue;
        GazEntry d = *place;
        d.kind = EntryKind::demonym;
        const auto idx = static_cast<std::uint32_t>(m_entries.size());
        m_entries.push_back(d);
        const std::string w(f[0]);
        for (const auto& form : lang == "fr" ? french_forms(w) : english_forms(w)) add_phrase(form, idx);
    }
    for (const auto& line : read_optional_data_lines(language_file(lang, "entities/transliteration.tsv"))) {
        const Fields f(line, '\t');
        if (f.size() < 2) continue;
        m_translit.push_back({std::string(f[0]), std::string(f[1]), f[2] == "end"});
    }
    m_lexicons.emplace(lang, std::move(lex));
}

std::pair<std::size_t, const std::vector<std::uint32_t>*>
Gazetteer::longest_match(const std::vector<Token>& tokens, std::size_t i, std::size_t limit) const {
    const auto* first = m_first_index.find(tokens[i].hash);
    if (!first) return {0, nullptr};
    return longest_match(tokens, i, limit, *first);
}

std::pair<std::size_t, const std::vector<std::uint32_t>*>
Gazetteer::longest_match(const std::vector<Token>& tokens, std::size_t i, std::size_t limit, std::size_t first_max) const {
    const std::size_t max = std::min<std::size_t>({first_max, limit, tokens.size() - i, k_max_phrase_tokens});
    // Hash the phrase key token by token; remember each prefix's hash, then try longest first.
    std::array<std::uint64_t, k_max_phrase_tokens> prefix;
    StringHash h;
    std::size_t count = 0;
    for (std::size_t n = 0; n < max; ++n) {
        const Token& t = tokens[i + n];
        // A name does not run across a paragraph break.
        if (n > 0 && t.blank_line_before) break;
        h.add_word(t.hash);
        prefix[count++] = h.value();
    }
    for (std::size_t n = count; n > 0; --n) {
        if (const auto* index = m_phrase_index.find(prefix[n - 1])) return {n, &m_phrases[*index - 1].entries};
    }
    return {0, nullptr};
}

const std::vector<std::uint32_t>* Gazetteer::find(std::string_view folded_phrase) const {
    return find_phrase(StringHash::of(folded_phrase));
}

const std::vector<std::uint32_t>* Gazetteer::find_phrase(std::uint64_t phrase_hash) const {
    const auto* index = m_phrase_index.find(phrase_hash);
    return index ? &m_phrases[*index - 1].entries : nullptr;
}

const GazEntry* Gazetteer::by_id(std::string_view id) const {
    const auto* index = m_by_id.find(StringHash::of(id));
    if (!index) return nullptr;
    const GazEntry& e = m_entries[*index - 1];
    return e.id == id ? &e : nullptr;   // two ids of one hash: exact answers all the same
}

const Lexicon& Gazetteer::lexicon(std::string_view lang) const {
    const auto it = m_lexicons.find(std::string(lang));
    return it == m_lexicons.end() ? m_empty : it->second;
}

const Gazetteer& gazetteer() {
    // Never destroyed: freeing its hundred thousand strings and tables one by one at exit took
    // as long as a tenth of the loading, for memory the process returns anyway.
    static const Gazetteer* const instance = load_gazetteer().release();
    return *instance;
}

} // namespace storyline::entities
