#include "annotators/events/trigger_lexicon.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace storyline {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> parts;
    std::size_t b = 0;
    while (true) {
        const auto t = line.find('\t', b);
        parts.push_back(line.substr(b, t == std::string_view::npos ? std::string_view::npos : t - b));
        if (t == std::string_view::npos) break;
        b = t + 1;
    }
    return parts;
}

std::optional<CueRole> role_from(std::string_view s) {
    if (s == "passive") return CueRole::passive;
    if (s == "by") return CueRole::by;
    if (s == "clause") return CueRole::clause;
    if (s == "speech") return CueRole::speech;
    return std::nullopt;
}

constexpr std::size_t stem_head_bits = 1 << 12;

// ASCII upper case to lower case, every other byte as it is.
constexpr auto ascii_lower = [] {
    std::array<char, 256> t{};
    for (std::size_t c = 0; c < 256; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return t;
}();

// The bit of m_stem_heads for stems of `length` bytes.
constexpr std::uint32_t stem_length_bit(std::size_t length) {
    return std::uint32_t{1} << (length < 31 ? length : 31);
}

std::size_t stem_head(std::string_view s) {
    const auto b = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(s[i])); };
    return ((b(0) * 31 + b(1)) * 31 + b(2)) % stem_head_bits;
}

} // namespace

std::string fold_word(std::string_view word) {
    std::string out(word);
    for (char& c : out) {
        if (static_cast<unsigned char>(c) >= 0x80) return fold(word);
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

TriggerLexicon::TriggerLexicon(std::string_view lang) {
    for (const auto& line : read_optional_data_lines(language_file(lang, "events/triggers.tsv"))) {
        const auto f = split_tabs(line);
        if (f.size() < 3) continue;
        Trigger t{std::string(f[1]), std::string(f[2]), f.size() > 3 && f[3] == "noun"};
        t.statement = t.type == "statement";
        t.aspect = t.type == "begin" || t.type == "end";
        std::string form = fold(f[0]);
        if (!form.empty() && form.back() == '*') {
            form.pop_back();
            if (form.empty()) continue;
            if (std::find(m_stem_lengths.begin(), m_stem_lengths.end(), form.size()) == m_stem_lengths.end()) {
                m_stem_lengths.push_back(form.size());
            }
            m_stems.emplace(std::move(form), std::move(t));
        } else {
            m_forms.emplace(std::move(form), std::move(t));
        }
    }
    std::sort(m_stem_lengths.rbegin(), m_stem_lengths.rend());
    m_stem_heads.assign(stem_head_bits, 0);
    for (const auto& [stem, trigger] : m_stems) {
        m_stem_index[stem] = &trigger;
        if (stem.size() < 3) m_short_stems = true;
        else m_stem_heads[stem_head(stem)] |= stem_length_bit(stem.size());
    }
    for (const auto& line : read_optional_data_lines(language_file(lang, "events/modality.tsv"))) {
        const auto f = split_tabs(line);
        if (f.size() >= 2) m_modality.emplace(fold(f[0]), std::string(f[1]));
    }
    for (const auto& line : read_optional_data_lines(language_file(lang, "events/syntax.tsv"))) {
        const auto f = split_tabs(line);
        if (f.size() < 2) continue;
        if (auto r = role_from(f[1])) m_roles.emplace(fold(f[0]), *r);
    }
    // The maps do not change after this point, so pointers into them stay valid.
    for (const auto& [form, t] : m_forms) {
        WordCues& c = m_words[form];
        if (t.type == "-") c.blocks_stems = true;
        else c.form = &t;
    }
    for (const auto& [word, role] : m_roles) m_words[word].role = role;
    for (const auto& [word, cue] : m_modality) m_words[word].modality = &cue;
    m_heads.assign(head_bits / 64, 0);
    const auto add_head = [&](std::string_view key) {
        if (key.size() < 3) return;
        const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(key[i])); };
        const std::uint32_t h = head_bit((b(0) | b(1) << 8 | b(2) << 16) | 0x202020);
        m_heads[h / 64] |= std::uint64_t{1} << (h % 64);
    };
    for (const auto& [stem, trigger] : m_stems) add_head(stem);
    for (const auto& [form, t] : m_forms) add_head(form);
    for (const auto& [word, role] : m_roles) add_head(word);
    for (const auto& [word, cue] : m_modality) add_head(word);
}

const Trigger* TriggerLexicon::find(std::string_view word) const { return look_up(word, true).trigger; }

// Inlined into its callers: called for every word, its call costs a tenth of it.
[[gnu::always_inline]] inline TriggerLexicon::Found TriggerLexicon::look_up_hashed(
    std::string_view word, std::uint64_t state, const PrefixStates& prefix, bool want_trigger) const {
    Found found;
    found.cues = m_words.find(word, word_hash_final(state));
    if (!want_trigger) return found;
    if (found.cues && (found.cues->form || found.cues->blocks_stems)) {
        found.trigger = found.cues->form;
        return found;
    }
    std::uint32_t lengths = ~std::uint32_t{0};   // stem lengths worth a probe
    if (!m_short_stems) {
        if (word.size() < 3) return found;
        lengths = m_stem_heads[stem_head(word)];
        if (lengths == 0) return found;
    }
    for (std::size_t len : m_stem_lengths) {
        if (len > word.size() || (lengths & stem_length_bit(len)) == 0) continue;
        const std::string_view stem = word.substr(0, len);
        const std::uint64_t hash = len <= kept_prefix ? word_hash_final(prefix[len]) : word_hash(stem);
        if (const auto* t = m_stem_index.find(stem, hash)) {
            found.trigger = *t;
            return found;
        }
    }
    return found;
}

TriggerLexicon::Found TriggerLexicon::look_up(std::string_view word, bool want_trigger) const {
    PrefixStates prefix;
    std::uint64_t state = word_hash_basis;
    for (std::size_t i = 0; i < word.size(); ++i) {
        state = word_hash_step(state, word[i]);
        if (i < kept_prefix) prefix[i + 1] = state;
    }
    return look_up_hashed(word, state, prefix, want_trigger);
}

TriggerLexicon::Found TriggerLexicon::look_up_unfolded(std::string_view word, bool want_trigger) const {
    if (word.size() <= kept_prefix) {
        char folded[kept_prefix];
        PrefixStates prefix;
        std::uint64_t state = word_hash_basis;
        unsigned char high = 0;   // a non-ASCII byte, seen after the pass: they are rare
        for (std::size_t i = 0; i < word.size(); ++i) {
            const auto b = static_cast<unsigned char>(word[i]);
            high |= b;
            const char c = ascii_lower[b];
            folded[i] = c;
            state = word_hash_step(state, c);
            prefix[i + 1] = state;
        }
        if ((high & 0x80) == 0) return look_up_hashed(std::string_view(folded, word.size()), state, prefix, want_trigger);
    }
    return look_up(fold_word(word), want_trigger);
}

} // namespace storyline
