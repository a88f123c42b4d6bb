// The first pass's rules: gazetteer phrases, lower-case heads ("ministère russe de la Défense"),
// place prefixes ("outre-Rhin") and capitalised sequences typed by their cue words.
#include "annotators/entities/recognizer_class.hpp"

#include "annotators/entities/text_fold.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace storyline::entities {

// Gazetteer phrase at i, if one is acceptable there.
std::size_t Recognizer::try_gazetteer(std::size_t i) {
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
bool Recognizer::hyphen_demonym(std::size_t i) {
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
std::size_t Recognizer::try_lower_head(std::size_t i) {
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
std::size_t Recognizer::try_place_prefix(std::size_t i) {
    const std::string_view surface = m_text.substr(tok(i).begin, tok(i).end - tok(i).begin);
    std::size_t dash = surface.find('-');
    if (dash == std::string_view::npos || ++dash >= surface.size() || !is_upper(decode_utf8(surface, dash))) return 0;
    const std::string_view folded = tok(i).fold;
    const WordInfo* prefix = Gazetteer::word(m_lex, folded.substr(0, folded.find('-')));
    if (!prefix || !(prefix->cues & loc_prefix)) return 0;
    emit(i, i + 1, EntityType::location, Form::name, -1, 0.6);
    return 1;
}

// Capitalised sequence starting at i; returns the tokens used.
std::size_t Recognizer::try_sequence(std::size_t i) {
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

std::size_t Recognizer::extend_french(std::size_t head, std::size_t end) {
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
void Recognizer::type_sequence(std::size_t s, std::size_t e, bool allow_split) {
    if (s >= e) return;
    // A title written with a capital at the start ("President Bill Clinton").
    if (e - s >= 2 && m_info[s] && m_info[s]->title_first) {
        StringHash key;
        std::size_t title_end = 0;
        for (std::size_t n = 0; n < m_lex.title_max_tokens && s + n < e - 1; ++n) {
            key.add_word(tok(s + n).hash);
            if (m_lex.title_phrases.find(key.value())) title_end = s + n + 1;
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

bool Recognizer::split_on_gazetteer(std::size_t s, std::size_t e) {
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
        const GazEntry& g = m_gaz.entry(static_cast<std::uint32_t>(best_entry(*m_gaz.find_phrase(phrase_hash(at, at + n)))));
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
        const int entry = best_entry(*m_gaz.find_phrase(phrase_hash(at, at + n)));
        emit(at, at + n, type_of(m_gaz.entry(static_cast<std::uint32_t>(entry))), Form::name, entry, 0.8);
        k = at + n;
    }
    if (k < e) type_sequence(k, e, false);
    return true;
}

// « Bund », « Le Travail », "Daily Mail": a name alone between quotation marks is the title of
// a paper, a book or a show. OCR reads guillemets as "<" and ">".
// Returns the title's first token (its article), or 0.
std::size_t Recognizer::quoted_title(std::size_t s, std::size_t e) const {
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
bool Recognizer::dateline_after(std::size_t s, std::size_t e) const {
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

} // namespace storyline::entities
