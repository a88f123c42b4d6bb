#include "core/graph/entity_timeline.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace storyline {
namespace {

constexpr std::size_t distinctive_length = 4;

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (b < s.size()) {
        auto e = s.find(' ', b);
        if (e == std::string_view::npos) e = s.size();
        if (e > b) out.emplace_back(s.substr(b, e - b));
        b = e + 1;
    }
    return out;
}

} // namespace

std::string folded_words(std::string_view text) {
    const std::string f = fold(text);
    std::string out;
    out.reserve(f.size());
    std::size_t i = 0;
    bool gap = false;
    while (i < f.size()) {
        // A run of letters and digits, appended at once (ASCII ones tested inline): the
        // near-duplicate pass folds every stored article's whole text through here.
        const std::size_t run = i;
        while (i < f.size()) {
            const auto b = static_cast<unsigned char>(f[i]);
            if (b < 0x80) {
                if (!is_letter(b) && !is_digit(b)) break;
                ++i;
                continue;
            }
            std::size_t next = i;
            const char32_t cp = next_code_point(f, next);
            if (!is_letter(cp) && !is_digit(cp)) break;
            i = next;
        }
        if (i > run) {
            if (gap && !out.empty()) out += ' ';
            gap = false;
            out.append(f, run, i - run);
        } else {
            next_code_point(f, i);   // one code point that is no letter or digit
            gap = true;
        }
    }
    return out;
}

std::vector<std::string> name_variants(std::string_view name, bool person) {
    std::vector<std::string> out;
    const std::string full = folded_words(name);
    if (full.empty()) return out;
    out.push_back(full);
    // The same split on the original text tells which words are capitalised.
    const auto raw = split_words(name);
    const auto words = split_words(full);
    if (words.size() >= 2 && raw.size() == words.size()) {
        std::size_t i = 0;
        const char32_t first_last = next_code_point(raw.back(), i);
        if (person && is_upper(first_last) && words.back().size() >= distinctive_length) out.push_back(words.back());
        i = 0;
        const char32_t head = next_code_point(raw.back(), i);
        if (!is_upper(head) && !is_digit(head)) {
            std::string rest;
            for (std::size_t k = 0; k + 1 < words.size(); ++k) rest += (k ? " " : "") + words[k];
            out.push_back(rest);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool mentions_name(std::string_view folded_text, const std::vector<std::string>& variants) {
    for (const auto& v : variants) {
        std::size_t at = folded_text.find(v);
        while (at != std::string_view::npos) {
            const bool starts = at == 0 || folded_text[at - 1] == ' ';
            const std::size_t end = at + v.size();
            const bool ends = end == folded_text.size() || folded_text[end] == ' ';
            if (starts && ends) return true;
            at = folded_text.find(v, at + 1);
        }
    }
    return false;
}

bool any_person(const StoryGraph& g, const std::vector<Vertex>& entities) {
    return std::any_of(entities.begin(), entities.end(), [&](Vertex v) { return g.node(v).kind == NodeKind::person; });
}

std::vector<Vertex> find_entities(const StoryGraph& g, std::string_view name) {
    const std::string wanted = folded_words(name);
    std::vector<Vertex> exact, partial;
    const auto variants = name_variants(name);
    for (Vertex v : g.nodes_sorted()) {
        const auto& n = g.node(v);
        if (n.kind == NodeKind::article || n.kind == NodeKind::event) continue;
        bool is_exact = folded_words(n.label) == wanted;
        bool is_partial = mentions_name(folded_words(n.label), variants);
        for (const auto& a : n.aliases) {
            const std::string f = folded_words(a);
            is_exact = is_exact || f == wanted;
            is_partial = is_partial || mentions_name(f, variants);
        }
        if (is_exact) exact.push_back(v);
        else if (is_partial) partial.push_back(v);
    }
    return exact.empty() ? partial : exact;
}

void sort_chronologically(const StoryGraph& g, std::vector<Vertex>& events) {
    std::sort(events.begin(), events.end(), [&](Vertex a, Vertex b) {
        const auto& x = g.node(a);
        const auto& y = g.node(b);
        return std::make_tuple(x.order == 0, x.order, x.when.first, x.when.last, x.id) <
               std::make_tuple(y.order == 0, y.order, y.when.first, y.when.last, y.id);
    });
    events.erase(std::unique(events.begin(), events.end()), events.end());
}

std::vector<Vertex> entity_events(const StoryGraph& g, const std::vector<Vertex>& entities) {
    const auto& impl = g.impl();
    std::set<Vertex> found;
    for (Vertex e : entities) {
        for (auto [it, end] = boost::out_edges(e, impl); it != end; ++it) {
            if (impl[*it].relation == Relation::agent) found.insert(boost::target(*it, impl));
        }
        for (auto [it, end] = boost::in_edges(e, impl); it != end; ++it) {
            const auto r = impl[*it].relation;
            if (r == Relation::target || r == Relation::located_in) found.insert(boost::source(*it, impl));
        }
    }
    std::vector<Vertex> out(found.begin(), found.end());
    sort_chronologically(g, out);
    return out;
}

} // namespace storyline
