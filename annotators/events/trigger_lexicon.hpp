#pragma once
// Event trigger words of one language, read from lang/<code>/events/triggers.tsv, and the
// modality cue words from lang/<code>/events/modality.tsv.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace storyline {

struct Trigger {
    std::string lemma;
    std::string type;      // taxonomy code, see docs/events.md
    bool noun = false;     // a nominalisation ("retrait"), weaker than a verb
};

class TriggerLexicon {
public:
    // Loads the files of `lang`; a language without files gives an empty lexicon.
    explicit TriggerLexicon(std::string_view lang);
    // `word` is folded (lower case, no accents). Exact forms first, then the longest stem.
    [[nodiscard]] const Trigger* find(std::string_view word) const;
    // Modality cue class of a folded word: "planned", "negated", "reported", "hypothetical".
    [[nodiscard]] std::optional<std::string_view> modality(std::string_view word) const;

private:
    std::unordered_map<std::string, Trigger> m_forms;
    std::vector<std::pair<std::string, Trigger>> m_stems;   // longest first
    std::unordered_map<std::string, std::string> m_modality;
}; // class TriggerLexicon

} // namespace storyline
