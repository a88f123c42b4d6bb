#include "annotators/events/trigger_lexicon.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>

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

} // namespace

TriggerLexicon::TriggerLexicon(std::string_view lang) {
    for (const auto& line : read_optional_data_lines(language_file(lang, "events/triggers.tsv"))) {
        const auto f = split_tabs(line);
        if (f.size() < 3) continue;
        Trigger t{std::string(f[1]), std::string(f[2]), f.size() > 3 && f[3] == "noun"};
        std::string form = fold(f[0]);
        if (!form.empty() && form.back() == '*') {
            form.pop_back();
            m_stems.emplace_back(std::move(form), std::move(t));
        } else {
            m_forms.emplace(std::move(form), std::move(t));
        }
    }
    std::stable_sort(m_stems.begin(), m_stems.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& line : read_optional_data_lines(language_file(lang, "events/modality.tsv"))) {
        const auto f = split_tabs(line);
        if (f.size() >= 2) m_modality.emplace(fold(f[0]), std::string(f[1]));
    }
}

const Trigger* TriggerLexicon::find(std::string_view word) const {
    if (auto it = m_forms.find(std::string(word)); it != m_forms.end()) return &it->second;
    for (const auto& [stem, trigger] : m_stems) {
        if (word.size() >= stem.size() && word.substr(0, stem.size()) == stem) return &trigger;
    }
    return nullptr;
}

std::optional<std::string_view> TriggerLexicon::modality(std::string_view word) const {
    if (auto it = m_modality.find(std::string(word)); it != m_modality.end()) return it->second;
    return std::nullopt;
}

} // namespace storyline
