// The document pass: names carried to their other mentions, lists and brackets that type lone
// capitals, initials, and appositions kept in a person's mention.
#include "annotators/entities/recognizer_class.hpp"

#include "annotators/entities/text_fold.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace storyline::entities {

// "le jeune T.", "G. P.": a person's name that ends in an initial keeps the initial's dot; a
// lone initial or honorific ("M.") is no name. A particle before a listed name is the name's.
void Recognizer::initial_dots() {
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
void Recognizer::extend_appositions() {
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
std::size_t Recognizer::apposition_end(std::size_t s, std::size_t max_len) const {
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

// A weak lone capital in a list with a person's name is a surname too: "MM. Bertoni, Micheli
// et Tissières", "Rochaix, Fazy, Horace Micheli"; so is a name ranked in a results list
// ("3. Tchmil (Be)").
void Recognizer::rescue_listed_names() {
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
void Recognizer::bracketed_persons() {
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
void Recognizer::bracketed_places() {
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
void Recognizer::document_pass() {
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
    kept.reserve(m_out.size());
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
                        (tok(c.name_first).sentence_start && m_lex.common.size() == 0))) {
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
            h.add_word(tok(i + n - 1).hash);
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

} // namespace storyline::entities
