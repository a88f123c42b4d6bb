#include "annotators/entities/resolution.hpp"

#include "annotators/entities/text_fold.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

namespace storyline::entities {
namespace {

using KeyWord = Gazetteer::KeyWord;

std::string join(const std::vector<std::string>& parts, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) {
        if (k > from) out.push_back(' ');
        out += parts[k];
    }
    return out;
}

char initial(const std::string& folded) { return folded.empty() ? '\0' : folded[0]; }

struct Resolved {
    Candidate cand;
    std::string key, canonical, kb_id;
    std::vector<std::string> name_folds;  // folded tokens of the name proper
};

} // namespace

std::string transliterate(std::string s, const Gazetteer& gaz) {
    for (const auto& r : gaz.transliteration()) {
        if (r.from.empty()) continue;
        if (r.at_end) {
            if (s.size() > r.from.size() + 1 && s.ends_with(r.from)) {
                s.replace(s.size() - r.from.size(), r.from.size(), r.to);
            }
            continue;
        }
        for (std::size_t pos = s.find(r.from); pos != std::string::npos; pos = s.find(r.from, pos + r.to.size())) {
            s.replace(pos, r.from.size(), r.to);
        }
    }
    return s;
}

std::string person_key(const std::vector<std::string>& folds, const Gazetteer& gaz) {
    std::vector<std::string> words;
    for (const auto& f : folds) {
        if (f == "." || f == "," || gaz.is_key_word(KeyWord::name_suffix, f)) continue;
        words.push_back(f);
    }
    if (words.empty()) return "per:";
    std::size_t start = words.size() - 1;
    while (start > 0 && gaz.is_key_word(KeyWord::surname_particle, words[start - 1])) --start;
    std::string surname = join(words, start, words.size());
    // Hyphenated and spaced particles fold alike ("Le Pen", "Le-Pen").
    std::replace(surname.begin(), surname.end(), ' ', '-');
    return "per:" + transliterate(surname, gaz);
}

std::vector<EntityMention> resolve(std::string_view text, const std::vector<Token>& tokens,
                                   std::vector<Candidate> candidates, std::string_view lang,
                                   const Gazetteer& gaz) {
    const Lexicon& lex = gaz.lexicon(lang);
    std::vector<Resolved> items;
    items.reserve(candidates.size());
    for (auto& c : candidates) {
        Resolved r;
        r.cand = c;
        for (std::size_t k = c.name_first; k < c.name_last; ++k) {
            if (tokens[k].shape == Shape::punct && tokens[k].fold != "&") continue;
            r.name_folds.push_back(tokens[k].fold);
        }
        if (c.entry >= 0) {
            const GazEntry& g = gaz.entry(static_cast<std::uint32_t>(c.entry));
            r.key = g.id;
            r.kb_id = g.id;
            r.canonical = g.canonical;
        } else {
            switch (c.type) {
            case EntityType::person: r.key = person_key(r.name_folds, gaz); break;
            case EntityType::organization: {
                std::size_t from = 0;
                while (from + 1 < r.name_folds.size() && gaz.is_key_word(KeyWord::leading_article, r.name_folds[from])) ++from;
                r.key = "org:" + transliterate(join(r.name_folds, from, r.name_folds.size()), gaz);
                break;
            }
            case EntityType::location: r.key = "loc:" + join(r.name_folds, 0, r.name_folds.size()); break;
            case EntityType::misc: r.key = "misc:" + join(r.name_folds, 0, r.name_folds.size()); break;
            }
            const std::uint32_t name_end = tokens[c.name_last - 1].end;
            r.canonical = std::string(text.substr(tokens[c.name_first].begin, name_end - tokens[c.name_first].begin));
        }
        items.push_back(std::move(r));
    }

    // Persons: a given name alone ("Alan") or a full name's variants take the key of the fullest
    // name in the article that contains it.
    std::vector<const Resolved*> full_names;
    for (const auto& r : items) {
        if (r.cand.type == EntityType::person && r.name_folds.size() >= 2) full_names.push_back(&r);
    }
    for (auto& r : items) {
        if (r.cand.type != EntityType::person || r.name_folds.size() != 1) continue;
        for (const auto* f : full_names) {
            if (f->name_folds.front() == r.name_folds.front()) {
                r.key = f->key;
                break;
            }
        }
    }
    // Organisations: acronym <-> expansion, by a following "(ACR)" or by initials.
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto& r = items[i];
        if (r.cand.type != EntityType::organization || r.name_folds.size() != 1) continue;
        const Token& t = tokens[r.cand.name_first];
        if (t.shape != Shape::all_caps) continue;
        const std::string& acr = r.name_folds.front();
        for (auto& o : items) {
            if (&o == &r || o.cand.type != EntityType::organization || o.name_folds.size() < 2) continue;
            std::string initials;
            for (const auto& w : o.name_folds) {
                if (!gaz.is_key_word(KeyWord::acronym_skip, w)) initials.push_back(initial(w));
            }
            const bool adjacent = o.cand.end <= r.cand.begin && r.cand.begin - o.cand.end <= 3;
            if (initials == acr || (adjacent && initials.size() >= 2 && acr.starts_with(initials))) {
                // the gazetteer id wins over a folded expansion
                if (!r.kb_id.empty()) o.key = r.key;
                else {
                    r.key = o.key;
                    r.canonical = o.canonical;
                }
                break;
            }
        }
    }

    // Title + nationality/organisation bound to a named person: "le président kazakh Kassym-
    // Jomart Tokayev", "Le secrétaire général de l'OTSC, Stanislav Zas".
    std::map<std::pair<std::string, std::string>, std::size_t> bindings;  // (title, attribute) -> item
    auto title_ending_at = [&](std::size_t end) -> std::pair<std::size_t, std::string> {
        std::string best;
        std::size_t best_start = end;
        for (std::size_t n = 1; n <= lex.title_max_tokens && n <= end; ++n) {
            std::string key;
            for (std::size_t k = end - n; k < end; ++k) {
                if (k > end - n) key.push_back(' ');
                key += tokens[k].fold;
            }
            if (lex.titles.count(key)) {
                best = key;
                best_start = end - n;
            }
        }
        return {best_start, best};
    };
    std::unordered_map<std::size_t, std::size_t> item_at_token;  // first token -> item index
    for (std::size_t i = 0; i < items.size(); ++i) {
        item_at_token[items[i].cand.first] = i;
        item_at_token.emplace(items[i].cand.name_first, i);  // a name after a title kept in its span
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& r = items[i];
        if (r.cand.type != EntityType::person || r.cand.form != Form::name) continue;
        std::size_t k = r.cand.name_first;
        // a title kept in the span: look before the particles and the honorific
        while (k > r.cand.first && (gaz.is_key_word(KeyWord::surname_particle, tokens[k - 1].fold) || tokens[k - 1].fold == "." ||
                                    lex.honorifics.count(tokens[k - 1].fold))) --k;
        if (k > 0 && tokens[k - 1].fold == ",") --k;
        std::string attribute;
        // the attribute item just before (a demonym or an organisation), possibly after "de l'"
        // (inside the person's span when the title is kept in it, so any item may be the one)
        for (std::size_t j = items.size(); j > 0; --j) {
            const auto& a = items[j - 1];
            if (j - 1 == i || a.cand.last != k) continue;
            if (a.cand.form == Form::demonym || a.cand.type == EntityType::organization ||
                a.cand.type == EntityType::location) {
                attribute = a.key;
                k = a.cand.first;
                while (k > 0 && (tokens[k - 1].fold == "de" || tokens[k - 1].fold == "d'" ||
                                 tokens[k - 1].fold == "l'" || tokens[k - 1].fold == "of" ||
                                 tokens[k - 1].fold == "the" || tokens[k - 1].fold == "du")) --k;
            }
            break;
        }
        const auto [title_start, title] = title_ending_at(k);
        if (title.empty()) continue;
        // English order: the nationality before the title ("Russian President Vladimir Putin").
        if (attribute.empty()) {
            for (const auto& a : items) {
                if (a.cand.last == title_start && a.cand.form == Form::demonym) attribute = a.key;
            }
        }
        bindings[{title, attribute}] = i;
    }
    auto title_starting_at = [&](std::size_t start) -> std::pair<std::size_t, std::string> {
        std::string key, best;
        std::size_t best_end = start;
        for (std::size_t n = 1; n <= lex.title_max_tokens && start + n <= tokens.size(); ++n) {
            if (n > 1) key.push_back(' ');
            key += tokens[start + n - 1].fold;
            if (lex.titles.count(key)) {
                best = key;
                best_end = start + n;
            }
        }
        return {best_end, best};
    };
    // Nominal mentions: a title with the same attribute and no name after it.
    std::vector<Resolved> nominals;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& a = items[i];
        if (a.cand.form != Form::demonym) continue;
        // "le président kazakh" (title first) or "the Kazakh president" (nationality first)
        auto [title_start, title] = title_ending_at(a.cand.first);
        std::size_t span_first = title_start, after = a.cand.last;
        if (title.empty()) {
            const auto [title_end, t] = title_starting_at(a.cand.last);
            title = t;
            span_first = a.cand.first;
            after = title_end;
        }
        if (title.empty()) continue;
        const auto b = bindings.find({title, a.key});
        if (b == bindings.end()) continue;
        std::size_t next = after;
        if (next < tokens.size() && tokens[next].fold == ",") ++next;
        if (next < tokens.size() && item_at_token.count(next) &&
            items[item_at_token[next]].cand.type == EntityType::person) {
            continue;  // the name follows: it is the mention
        }
        Resolved n;
        n.cand = a.cand;
        n.cand.first = span_first;
        n.cand.last = after;
        n.cand.begin = tokens[span_first].begin;
        n.cand.end = tokens[after - 1].end;
        n.cand.type = EntityType::person;
        n.cand.form = Form::nominal;
        n.cand.confidence = 0.5;
        n.key = items[b->second].key;
        n.canonical = items[b->second].canonical;
        nominals.push_back(std::move(n));
        items[i].cand.last = 0;  // replaced by the nominal mention
    }
    std::erase_if(items, [](const Resolved& r) { return r.cand.last == 0; });
    for (auto& n : nominals) items.push_back(std::move(n));

    // Canonical names: the longest person name of each key; gazetteer names stay.
    std::unordered_map<std::string, std::string> canonical;
    for (const auto& r : items) {
        if (!r.kb_id.empty() || r.cand.form != Form::name) continue;
        auto& c = canonical[r.key];
        if (r.canonical.size() > c.size()) c = r.canonical;
    }

    std::sort(items.begin(), items.end(), [](const Resolved& a, const Resolved& b) {
        return a.cand.begin < b.cand.begin || (a.cand.begin == b.cand.begin && a.cand.end > b.cand.end);
    });
    // A title or apposition kept in a person's span ("le secrétaire général de l'OTSC, Stanislav
    // Zas", "le président kazakh Kassym-Jomart Tokaïev", "M. Mercier, notre ambassadeur à
    // Madrid") gives way to the names and nationalities inside it: the person's mention shrinks to
    // the name proper so that both are kept for the graph.
    for (auto& r : items) {
        if (r.cand.type != EntityType::person || r.cand.form != Form::name) continue;
        if (r.cand.first == r.cand.name_first && r.cand.last == r.cand.name_last) continue;
        const std::uint32_t name_begin = tokens[r.cand.name_first].begin;
        const std::uint32_t name_end = tokens[r.cand.name_last - 1].end;
        for (const auto& o : items) {
            if (&o == &r || o.cand.form == Form::nominal) continue;
            const bool inside_before = o.cand.begin >= r.cand.begin && o.cand.end <= name_begin;
            const bool inside_after = o.cand.begin >= name_end && o.cand.end <= r.cand.end;
            if (!inside_before && !inside_after) continue;
            r.cand.first = r.cand.name_first;
            r.cand.last = r.cand.name_last;
            r.cand.begin = name_begin;
            r.cand.end = name_end;
            break;
        }
    }
    std::sort(items.begin(), items.end(), [](const Resolved& a, const Resolved& b) {
        return a.cand.begin < b.cand.begin || (a.cand.begin == b.cand.begin && a.cand.end > b.cand.end);
    });
    std::vector<EntityMention> out;
    out.reserve(items.size());
    std::uint32_t last_end = 0;
    for (const auto& r : items) {
        if (r.cand.begin < last_end) continue;  // keep the mentions non-overlapping
        EntityMention m;
        m.span = Span{r.cand.begin, r.cand.end};
        m.type = r.cand.type;
        m.key = r.key;
        m.kb_id = r.kb_id;
        m.canonical = r.kb_id.empty() && canonical.count(r.key) ? canonical[r.key] : r.canonical;
        m.confidence = r.cand.confidence;
        last_end = r.cand.end;
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace storyline::entities
