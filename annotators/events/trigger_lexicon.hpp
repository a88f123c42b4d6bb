#pragma once
// Event trigger words of one language and the cue words the event annotator reads around
// them, all from lang/<code>/events/:
//   triggers.tsv  form → lemma, taxonomy type, verb or noun ("retir*" is a stem)
//   modality.tsv  cue word → planned | negated | reported | hypothetical
//   syntax.tsv    cue word → passive | by | clause | speech (see that file)
// Look-ups are hash probes only: exact forms first, then one probe per distinct stem length,
// longest first, so the cost per word does not grow with the lexicon.
#include "core/util/word_table.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace storyline {

struct Trigger {
    std::string lemma;
    std::string type;      // taxonomy code, see docs/events.md
    bool noun = false;     // a nominalisation ("retrait"), weaker than a verb
    // Set from `type` when loaded, so the annotator tests a flag per word, not a string.
    bool statement = false;   // type "statement"
    bool aspect = false;      // type "begin" or "end": marks the start or end of the next event
};

enum class CueRole { none, passive, by, clause, speech };

// Hash that accepts std::string_view probes without building a std::string.
struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <class V>
using WordMap = std::unordered_map<std::string, V, TransparentHash, std::equal_to<>>;

// Everything the lexicon says of one exact folded word, found with a single probe.
struct WordCues {
    const Trigger* form = nullptr;   // exact trigger form
    bool blocks_stems = false;       // an exact form of type "-": "reporter" is not "report*"
    CueRole role = CueRole::none;
    const std::string* modality = nullptr;
};

class TriggerLexicon {
public:
    // Loads the files of `lang`; a language without files gives an empty lexicon.
    explicit TriggerLexicon(std::string_view lang);
    // `word` is folded (lower case, no accents). Exact forms first (an exact form of type "-"
    // blocks the stems: "reporter" is not "report*"), then the longest matching stem.
    [[nodiscard]] const Trigger* find(std::string_view word) const;
    // What the lexicon says of one folded word, from one pass over it: its exact-form cues
    // (null: none; its trigger form, cue role and modality cue class "planned", "negated",
    // "reported" or "hypothetical") and, when `want_trigger`, its trigger as `find` gives it.
    struct Found {
        const WordCues* cues = nullptr;
        const Trigger* trigger = nullptr;
    };
    [[nodiscard]] Found look_up(std::string_view word, bool want_trigger) const;
    // The same for a word as written: look_up(fold_word(word), want_trigger), folding ASCII words
    // on the stack in the pass that hashes them.
    [[nodiscard]] Found look_up_unfolded(std::string_view word, bool want_trigger) const;
    // False when the lexicon holds nothing for `word` (as written): no exact word or stem starts
    // with its first three bytes, case aside. One bit test, inline: half the words of a text are
    // settled by it, without the call, the folding and the hashing of look_up_unfolded.
    [[nodiscard]] bool may_know(std::string_view word) const {
        if (word.size() < 3 || m_short_stems) return true;   // a stem under three bytes may match anything
        const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(word[i])); };
        const std::uint32_t head = (b(0) | b(1) << 8 | b(2) << 16) | 0x202020;   // ASCII letters: case aside
        if (head & 0x808080) return true;   // folding may change a non-ASCII head
        const std::uint32_t h = head_bit(head);
        return (m_heads[h / 64] >> (h % 64)) & 1;
    }
    [[nodiscard]] bool empty() const { return m_forms.empty() && m_stems.empty(); }

private:
    // Hash states of a word's first bytes: prefix[n] is that of its first n bytes, what a stem of
    // length n is probed with. Longer stems hash their prefix again.
    static constexpr std::size_t kept_prefix = 32;
    using PrefixStates = std::uint64_t[kept_prefix + 1];
    Found look_up_hashed(std::string_view word, std::uint64_t state, const PrefixStates& prefix, bool want_trigger) const;

    WordMap<Trigger> m_forms;
    WordMap<Trigger> m_stems;
    std::vector<std::size_t> m_stem_lengths;   // distinct, longest first
    // Per hash of a stem's first three bytes, a bit per length of the stems that start so (bit
    // 31: 31 bytes or more): most words start like no stem, and the others probe only the
    // lengths of stems sharing their head instead of every stem length.
    std::vector<std::uint32_t> m_stem_heads;
    bool m_short_stems = false;                // a stem under three bytes: no filtering
    // Bit per first three bytes (each | 0x20, which folds ASCII case) of every exact word, form
    // or cue, and stem: see may_know.
    static constexpr std::uint32_t head_bits = 1 << 16;
    static std::uint32_t head_bit(std::uint32_t head) { return (head * 0x9E3779B1u) >> 16; }
    std::vector<std::uint64_t> m_heads;
    WordMap<std::string> m_modality;
    WordMap<CueRole> m_roles;
    // The look-up tables, pointing into the maps above.
    WordTable<WordCues> m_words;   // forms, roles and modality cues merged
    WordTable<const Trigger*> m_stem_index;
}; // class TriggerLexicon

// Lower case without accents; ASCII words skip the Unicode folding (most words of most texts).
std::string fold_word(std::string_view word);

} // namespace storyline
