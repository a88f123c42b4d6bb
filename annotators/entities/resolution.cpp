#include "annotators/entities/resolution.hpp"

#include "annotators/entities/text_fold.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <span>

namespace storyline::entities {
namespace {

using KeyWord = Gazetteer::KeyWord;

template <typename Parts>
std::string join(const Parts& parts, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) {
        if (k > from) out.push_back(' ');
        out += parts[k];
    }
    return out;
}

char initial(std::string_view folded) { return folded.empty() ? '\0' : folded[0]; }

struct Resolved {
    Candidate cand;
    std::string key, canonical, kb_id;
    // Folded tokens of the name proper (the tokens' own folds), held in the article's one pool:
    // a vector per item was an allocation per mention.
    std::span<const std::string_view> name_folds;
};

// person_key() over views: the last word and the surname particles before it, joined by '-'.
template <typename Folds>
std::string person_key_of(const Folds& folds, const Gazetteer& gaz) {
    auto counted = [&](std::string_view f) {
        return f != "." && f != "," && !gaz.is_key_word(KeyWord::name_suffix, f);
    };
    // The surname runs back from the last counted word over the counted particles before it.
    std::size_t last = folds.size();
    while (last > 0 && !counted(folds[last - 1])) --last;
    if (last == 0) return "per:";
    std::size_t first = last - 1;
    for (std::size_t k = first; k > 0;) {
        --k;
        if (!counted(folds[k])) continue;
        if (!gaz.is_key_word(KeyWord::surname_particle, folds[k])) break;
        first = k;
    }
    std::string surname;
    for (std::size_t k = first; k < last; ++k) {
        if (!counted(folds[k])) continue;
        if (k > first) surname.push_back(' ');
        surname += folds[k];
    }
    // Hyphenated and spaced particles fold alike ("Le Pen", "Le-Pen").
    std::replace(surname.begin(), surname.end(), ' ', '-');
    return "per:" + transliterate(std::move(surname), gaz);
}

// A title phrase starts only at a word that opens one: the phrase look-up (a string built and
// hashed per length) is skipped for the others.
bool may_open_title(const Lexicon& lex, const Token& t) {
    const WordInfo* w = lex.words.find(t.hash);
    return w && w->title_first;
}

} // namespace

std::string transliterate(std::string s, const Gazetteer& gaz) {
    // The bytes and the pairs of adjacent bytes the word holds: a rule whose first byte or first
    // two bytes are not among them cannot apply, and most rules are skipped without a search.
    using Bits = std::array<std::uint64_t, 4>;
    auto set = [](Bits& bits, unsigned v) { bits[(v >> 6) & 3] |= 1ULL << (v & 63); };
    auto has = [](const Bits& bits, unsigned v) { return (bits[(v >> 6) & 3] >> (v & 63)) & 1; };
    auto pair = [](char a, char b) {
        return static_cast<unsigned>(static_cast<unsigned char>(a)) * 31U + static_cast<unsigned char>(b);
    };
    Bits bytes{}, pairs{};
    auto note = [&] {
        bytes = {};
        pairs = {};
        for (std::size_t k = 0; k < s.size(); ++k) {
            set(bytes, static_cast<unsigned char>(s[k]));
            if (k + 1 < s.size()) set(pairs, pair(s[k], s[k + 1]));
        }
    };
    note();
    for (const auto& r : gaz.transliteration()) {
        if (r.from.empty() || !has(bytes, static_cast<unsigned char>(r.from[0]))) continue;
        if (r.from.size() >= 2 && !has(pairs, pair(r.from[0], r.from[1]))) continue;
        bool replaced = false;
        if (r.at_end) {
            if (s.size() > r.from.size() + 1 && s.ends_with(r.from)) {
                s.replace(s.size() - r.from.size(), r.from.size(), r.to);
                replaced = true;
            }
        } else {
            for (std::size_t pos = s.find(r.from); pos != std::string::npos; pos = s.find(r.from, pos + r.to.size())) {
                s.replace(pos, r.from.size(), r.to);
                replaced = true;
            }
        }
        if (replaced) note();
    }
    return s;
}

std::string person_key(const std::vector<std::string>& folds, const Gazetteer& gaz) {
    return person_key_of(folds, gaz);
}

std::vector<EntityMention> resolve(std::string_view text, const std::vector<Token>& tokens,
                                   std::vector<Candidate> candidates, std::string_view lang,
                                   const Gazetteer& gaz) {
    const Lexicon& lex = gaz.lexicon(lang);
    std::vector<Resolved> items;
    items.reserve(candidates.size());
    // Sized before the first span into it is taken: it never moves.
    std::vector<std::string_view> fold_pool;
    std::size_t pool_size = 0;
    for (const auto& c : candidates) pool_size += c.name_last - c.name_first;
    fold_pool.reserve(pool_size);
    for (auto& c : candidates) {
        Resolved r;
        r.cand = c;
        const std::size_t pool_from = fold_pool.size();
        for (std::size_t k = c.name_first; k < c.name_last; ++k) {
            if (tokens[k].shape == Shape::punct && tokens[k].fold != "&") continue;
            fold_pool.emplace_back(tokens[k].fold);
        }
        r.name_folds = std::span<const std::string_view>(fold_pool.data() + pool_from, fold_pool.size() - pool_from);
        if (c.entry >= 0) {
            const GazEntry& g = gaz.entry(static_cast<std::uint32_t>(c.entry));
            r.key = g.id;
            r.kb_id = g.id;
            r.canonical = g.canonical;
        } else {
            switch (c.type) {
            case EntityType::person: r.key = person_key_of(r.name_folds, gaz); break;
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
        const std::string_view acr = r.name_folds.front();
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
    // Titles by their phrase's StringHash (0: none), as the lexicon's title_phrases holds them.
    std::map<std::pair<std::uint64_t, std::string>, std::size_t> bindings;  // (title, attribute) -> item
    auto title_ending_at = [&](std::size_t end) -> std::pair<std::size_t, std::uint64_t> {
        std::uint64_t best = 0;
        std::size_t best_start = end;
        for (std::size_t n = 1; n <= lex.title_max_tokens && n <= end; ++n) {
            if (!may_open_title(lex, tokens[end - n])) continue;
            StringHash key;
            for (std::size_t k = end - n; k < end; ++k) key.add_word(tokens[k].hash);
            if (lex.title_phrases.find(key.value())) {
                best = key.value();
                best_start = end - n;
            }
        }
        return {best_start, best};
    };
    std::vector<int> item_at_token(tokens.size(), -1);  // first token -> item index
    for (std::size_t i = 0; i < items.size(); ++i) {
        item_at_token[items[i].cand.first] = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < items.size(); ++i) {  // a name after a title kept in its span
        int& at = item_at_token[items[i].cand.name_first];
        if (at < 0) at = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& r = items[i];
        if (r.cand.type != EntityType::person || r.cand.form != Form::name) continue;
        std::size_t k = r.cand.name_first;
        // a title kept in the span: look before the particles and the honorific
        while (k > r.cand.first && (gaz.is_key_word(KeyWord::surname_particle, tokens[k - 1].fold) || tokens[k - 1].fold == "." ||
                                    lex.honorifics.count(std::string(tokens[k - 1].fold)))) --k;
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
        if (title == 0) continue;
        // English order: the nationality before the title ("Russian President Vladimir Putin").
        if (attribute.empty()) {
            for (const auto& a : items) {
                if (a.cand.last == title_start && a.cand.form == Form::demonym) attribute = a.key;
            }
        }
        bindings[{title, attribute}] = i;
    }
    auto title_starting_at = [&](std::size_t start) -> std::pair<std::size_t, std::uint64_t> {
        StringHash key;
        std::uint64_t best = 0;
        std::size_t best_end = start;
        if (start >= tokens.size() || !may_open_title(lex, tokens[start])) return {best_end, best};
        for (std::size_t n = 1; n <= lex.title_max_tokens && start + n <= tokens.size(); ++n) {
            key.add_word(tokens[start + n - 1].hash);
            if (lex.title_phrases.find(key.value())) {
                best = key.value();
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
        if (title == 0) {
            const auto [title_end, t] = title_starting_at(a.cand.last);
            title = t;
            span_first = a.cand.first;
            after = title_end;
        }
        if (title == 0) continue;
        const auto b = bindings.find({title, a.key});
        if (b == bindings.end()) continue;
        std::size_t next = after;
        if (next < tokens.size() && tokens[next].fold == ",") ++next;
        if (next < tokens.size() && item_at_token[next] >= 0 &&
            items[static_cast<std::size_t>(item_at_token[next])].cand.type == EntityType::person) {
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

    // Canonical names: the longest person name of each key; gazetteer names stay. Items with
    // the same key form a group (a handful per article: a linear search by hash, no map).
    struct KeyGroup {
        std::uint64_t hash = 0;
        std::size_t item = 0;   // an item with the key
        bool named = false;     // a name item without gazetteer id has the key
        int longest = -1;       // the item with the first longest canonical name (-1: "")
    };
    std::vector<KeyGroup> groups;
    groups.reserve(items.size());
    std::vector<int> group_of(items.size(), -1);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& r = items[i];
        if (!r.kb_id.empty()) continue;
        const std::uint64_t h = StringHash::of(r.key);
        std::size_t g = 0;
        while (g < groups.size() && (groups[g].hash != h || items[groups[g].item].key != r.key)) ++g;
        if (g == groups.size()) groups.push_back({h, i, false, -1});
        group_of[i] = static_cast<int>(g);
        if (r.cand.form != Form::name) continue;
        KeyGroup& kg = groups[g];
        kg.named = true;
        const std::size_t longest = kg.longest < 0 ? 0 : items[static_cast<std::size_t>(kg.longest)].canonical.size();
        if (r.canonical.size() > longest) kg.longest = static_cast<int>(i);
    }

    // Sorted through an index (the same comparisons give the same order): items, with their
    // strings, stay in place.
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto by_span = [&items](std::size_t a, std::size_t b) {
        const Candidate& x = items[a].cand;
        const Candidate& y = items[b].cand;
        return x.begin < y.begin || (x.begin == y.begin && x.end > y.end);
    };
    std::sort(order.begin(), order.end(), by_span);
    // A title or apposition kept in a person's span ("le secrétaire général de l'OTSC, Stanislav
    // Zas", "le président kazakh Kassym-Jomart Tokaïev", "M. Mercier, notre ambassadeur à
    // Madrid") gives way to the names and nationalities inside it: the person's mention shrinks to
    // the name proper so that both are kept for the graph.
    for (const std::size_t ri : order) {
        auto& r = items[ri];
        if (r.cand.type != EntityType::person || r.cand.form != Form::name) continue;
        if (r.cand.first == r.cand.name_first && r.cand.last == r.cand.name_last) continue;
        const std::uint32_t name_begin = tokens[r.cand.name_first].begin;
        const std::uint32_t name_end = tokens[r.cand.name_last - 1].end;
        for (std::size_t oi = 0; oi < items.size(); ++oi) {
            const auto& o = items[oi];
            if (oi == ri || o.cand.form == Form::nominal) continue;
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
    std::sort(order.begin(), order.end(), by_span);
    std::vector<EntityMention> out;
    out.reserve(items.size());
    std::uint32_t last_end = 0;
    for (const std::size_t ri : order) {
        auto& r = items[ri];
        if (r.cand.begin < last_end) continue;  // keep the mentions non-overlapping
        EntityMention m;
        m.span = Span{r.cand.begin, r.cand.end};
        m.type = r.cand.type;
        const KeyGroup* g = group_of[ri] >= 0 ? &groups[static_cast<std::size_t>(group_of[ri])] : nullptr;
        if (g && g->named) {
            if (g->longest >= 0) m.canonical = items[static_cast<std::size_t>(g->longest)].canonical;
        } else {
            m.canonical = std::move(r.canonical);  // no other item reads it
        }
        m.key = std::move(r.key);
        m.kb_id = std::move(r.kb_id);
        m.confidence = r.cand.confidence;
        last_end = r.cand.end;
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace storyline::entities
