// Titles ("président", "Secretary of State") and honorifics ("M.", "Mr") mark the name after
// them as a person's and may open its mention.
#include "annotators/entities/recognizer_class.hpp"

#include "annotators/entities/text_fold.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace storyline::entities {

// Titles ("président", "Secretary of State") and honorifics ("M.", "Mr") before a name mark
// the name's first token as a person's; a title may be followed by a nationality or "de
// l'OTSC" and a comma before the name.
void Recognizer::mark_titles_and_honorifics() {
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
        StringHash key;
        std::size_t title_end = 0;
        for (std::size_t n = 0; n < m_lex.title_max_tokens && i + n < m_toks.size(); ++n) {
            key.add_word(tok(i + n).hash);
            if (m_lex.title_phrases.find(key.value())) title_end = i + n + 1;
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

} // namespace storyline::entities
