#include "importers/html_maintext.hpp"

#include "core/text/utf8.hpp"
#include "importers/html_dom.hpp"
#include "importers/html_hints.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace storyline::html {
namespace {

constexpr std::size_t min_paragraph = 25;   // bytes of text before a block counts as a paragraph
constexpr int max_depth = 400;              // deeper nesting is not read (no stack exhaustion)
constexpr std::size_t fallback_below = 150; // bytes of prose kept under which the hints are doubted
constexpr int max_end_notes = 2;            // italic paragraphs dropped at the end at most
constexpr std::size_t wrapper_slack = 110;  // % of the container's text a wrapper may hold

// Never text: code, media, forms.
bool is_never_text(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_LABEL:
        return true;
    default:
        return false;
    }
}

// Page furniture: dropped unless it holds most of the page's paragraphs (broken templates).
bool is_furniture(GumboTag t) {
    return t == GUMBO_TAG_NAV || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_HEADER;
}

// Link text is text a reader can follow: a named anchor (<a name=...>, left unclosed by old
// pages, so the parser carries it over whole sections) is not a link.
bool is_link(const GumboNode* n) {
    return tag(n) == GUMBO_TAG_A && gumbo_get_attribute(&n->v.element.attributes, "href") != nullptr;
}

struct Info {
    std::size_t text = 0, links = 0;   // bytes of kept text / of it inside <a>
    std::size_t ptext = 0;             // bytes of prose (for the furniture guard)
    bool dropped = false;
    bool scored = false;
    double score = 0;
};

class Extractor {
public:
    // use_hints = false: class/id hints only score, they drop nothing (the fallback when the
    // hints dropped the whole article, as a blog platform's "widget" wrapper does).
    Extractor(const GumboNode* root, bool use_hints) : m_root(root), m_use_hints(use_hints) {}

    [[nodiscard]] const GumboNode* top() const { return m_top; }
    [[nodiscard]] std::size_t page_prose() const { return m_page_ptext; }
    [[nodiscard]] std::size_t kept_prose() const { return m_out_prose; }
    [[nodiscard]] std::size_t hint_dropped() const { return m_hint_dropped; }

    std::string run() {
        const GumboNode* body = find_body(m_root);
        if (!body) return {};
        measure_paragraphs(body, 0, false);
        m_page_ptext = m_info[body].ptext;
        mark(body, 0);
        score_paragraphs(body, 0);
        const GumboNode* top = nullptr;
        double best = 0;
        for (const GumboNode* node : m_scored) {   // document order: ties go to the first
            Info& info = m_info[node];
            const double ld = info.text ? static_cast<double>(info.links) / static_cast<double>(info.text) : 0;
            info.score *= 1.0 - ld;
            if (info.score > best) {
                best = info.score;
                top = node;
            }
        }
        top = widen(top, best);
        m_top = top;
        std::vector<Out> blocks;
        if (!top) {
            emit(body, blocks, 0);
        } else {
            const auto peers = same_class_peers(top, best);
            for (const GumboNode* n : peers.size() > 1 ? peers : lead_and_siblings(top, best)) emit(n, blocks, 0);
        }
        std::string out;
        // A closing note set apart in italics, centred or smaller (the author's bio, a
        // disclaimer, "this story first appeared in...") is about the article, not part of it.
        for (int k = 0; k < max_end_notes && !blocks.empty() && blocks.back().note && blocks.size() > 1; ++k)
            blocks.pop_back();
        for (auto& b : blocks) {
            if (!out.empty()) out += "\n\n";
            out += b.text;
        }
        return out;
    }

private:
    static const GumboNode* find_body(const GumboNode* root) {
        const GumboNode* body = nullptr;
        walk(root, [&](const GumboNode* n) {
            if (body) return false;
            if (tag(n) == GUMBO_TAG_BODY) {
                body = n;
                return false;
            }
            return true;
        });
        return body;
    }

    static const GumboNode* child(const GumboNode* n, unsigned i) {
        return static_cast<const GumboNode*>(n->v.element.children.data[i]);
    }
    static unsigned child_count(const GumboNode* n) { return is_element(n) ? n->v.element.children.length : 0; }

    static std::size_t text_bytes(const GumboNode* n) {
        std::size_t k = 0;
        for (const char* p = n->v.text.text; *p; ++p) {
            if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') ++k;
        }
        return k;
    }

    // Pass 1: paragraph text per subtree, before anything is dropped.
    // Prose = runs of 40+ bytes of text outside links (<p> or <br>-separated alike).
    std::size_t measure_paragraphs(const GumboNode* n, int depth, bool in_link) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
            const std::size_t k = text_bytes(n);
            return !in_link && k >= 40 ? k : 0;
        }
        if (!is_element(n) || depth > max_depth || is_never_text(tag(n))) return 0;
        std::size_t prose = 0;
        for (unsigned i = 0; i < child_count(n); ++i)
            prose += measure_paragraphs(child(n, i), depth + 1, in_link || is_link(n));
        m_info[n].ptext = prose;
        return prose;
    }

    // Pass 2: what is dropped, then text and link lengths of what is kept.
    std::pair<std::size_t, std::size_t> mark(const GumboNode* n, int depth) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) return {text_bytes(n), 0};
        if (!is_element(n)) return {0, 0};
        Info& info = m_info[n];
        const GumboTag t = tag(n);
        const bool guarded = m_page_ptext >= 200 && info.ptext * 10 >= m_page_ptext * 4;
        const bool hint = m_use_hints && t != GUMBO_TAG_BODY && negative_hints().matches(class_and_id(n));
        if (depth > max_depth || is_never_text(t) || is_hidden(n) ||
            (!guarded && t != GUMBO_TAG_BODY && (is_furniture(t) || hint))) {
            info.dropped = true;
            if (hint && !is_never_text(t) && !is_hidden(n)) m_hint_dropped += info.ptext;
            return {0, 0};
        }
        std::size_t text = 0, links = 0;
        for (unsigned i = 0; i < child_count(n); ++i) {
            const auto [tx, l] = mark(child(n, i), depth + 1);
            text += tx;
            links += l;
        }
        if (is_link(n)) links = text;
        info.text = text;   // unordered_map references survive rehashing
        info.links = links;
        return {text, links};
    }

    static bool is_inline_child(const GumboNode* c) {
        return c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
               (is_element(c) && !is_block(tag(c)) && tag(c) != GUMBO_TAG_BR);
    }

    // Text directly inside n (text nodes and inline elements), and the commas in it.
    void own_text(const GumboNode* n, std::size_t& len, std::size_t& commas, std::size_t& links, bool in_link, int depth) {
        for (unsigned i = 0; i < child_count(n); ++i) {
            const GumboNode* c = child(n, i);
            if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
                const std::size_t k = text_bytes(c);
                len += k;
                if (in_link) links += k;
                for (const char* p = c->v.text.text; *p; ++p) commas += *p == ',';
            } else if (is_element(c) && is_inline_child(c) && !m_info[c].dropped && depth < max_depth) {
                own_text(c, len, commas, links, in_link || is_link(c), depth + 1);
            }
        }
    }

    double base_score(const GumboNode* n) {
        double s = 0;
        switch (tag(n)) {
        case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: s = 5; break;
        case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: s = 3; break;
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
        case GUMBO_TAG_DT: case GUMBO_TAG_LI: s = -3; break;
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
        case GUMBO_TAG_H6: case GUMBO_TAG_TH: s = -5; break;
        default: break;
        }
        const std::string ci = class_and_id(n);
        if (positive_hints().matches(ci)) s += 25;
        if (negative_hints().matches(ci)) s -= 25;
        return s;
    }

    void add_score(const GumboNode* n, double s) {
        if (!is_element(n)) return;
        Info& info = m_info[n];
        if (!info.scored) {
            info.scored = true;
            info.score = base_score(n);
            m_scored.push_back(n);
        }
        info.score += s;
    }

    // Pass 3: every paragraph-like element scores its parent and grandparents.
    void score_paragraphs(const GumboNode* n, int depth) {
        if (!is_element(n) || m_info[n].dropped || depth > max_depth) return;
        const GumboTag t = tag(n);
        if (t != GUMBO_TAG_BODY && (is_block(t) || t == GUMBO_TAG_UNKNOWN)) {
            std::size_t len = 0, commas = 0, links = 0;
            own_text(n, len, commas, links, is_link(n), depth);
            if (len >= min_paragraph && links * 2 < len) {
                const double s = 1.0 + static_cast<double>(commas) + std::min(static_cast<double>(len) / 100.0, 3.0);
                const GumboNode* up = n->parent;
                for (int level = 0; level < 3 && up && is_element(up); ++level, up = up->parent) {
                    add_score(up, level == 0 ? s : s / (2.0 * level));
                }
            }
        }
        for (unsigned i = 0; i < child_count(n); ++i) score_paragraphs(child(n, i), depth + 1);
    }

    // A list with many commas (signatories, references) can outscore the article around it:
    // an ancestor with clearly more text and a comparable score is the better container.
    const GumboNode* widen(const GumboNode* top, double best) {
        if (!top) return top;
        const GumboNode* cur = top;
        int level = 0;
        for (const GumboNode* p = top->parent; p && is_element(p) && tag(p) != GUMBO_TAG_BODY && level < 6; p = p->parent, ++level) {
            const Info& info = m_info[p];
            const double ld = info.text ? static_cast<double>(info.links) / static_cast<double>(info.text) : 1;
            if (info.scored && info.score >= 0.5 * best && ld < 0.3 && info.text * 10 >= m_info[cur].text * 13) cur = p;
        }
        return cur;
    }

    // The container with its siblings, preceded by the lead: the container's wrappers are
    // ancestors that add almost no text of their own (a left-over table of contents, an empty
    // picture box), and a sibling *before* a wrapper is where a standfirst or an intro block sits
    // ("<p class=intro>" beside "<div class=group><div class=body>"). Siblings after a wrapper
    // are not taken: that is where author boxes, tags and "you might also like" go.
    std::vector<const GumboNode*> lead_and_siblings(const GumboNode* top, double best) {
        std::vector<const GumboNode*> wrappers;
        for (const GumboNode* p = top->parent; p && is_element(p) && tag(p) != GUMBO_TAG_BODY; p = p->parent) {
            if (m_info[p].text * 100 > m_info[top].text * wrapper_slack) break;
            wrappers.push_back(p);
        }
        std::vector<const GumboNode*> out;
        for (auto w = wrappers.rbegin(); w != wrappers.rend(); ++w) {
            for (const GumboNode* s : with_siblings(*w, best, false)) {
                if (s == *w) break;   // document order: the ones before it
                out.push_back(s);
            }
        }
        for (const GumboNode* s : with_siblings(top, best)) out.push_back(s);
        return out;
    }

    static bool contains(const GumboNode* outer, const GumboNode* inner) {
        for (const GumboNode* p = inner; p; p = p->parent) {
            if (p == outer) return true;
        }
        return false;
    }

    // An article cut into sections that each sit in their own wrapper (<section class="body">
    // repeated): every container with the top one's tag and class that scores well is kept,
    // in document order.
    std::vector<const GumboNode*> same_class_peers(const GumboNode* top, double best) {
        const std::string_view cls = attr(top, "class");
        if (cls.empty()) return {top};
        const double threshold = std::max(10.0, best * 0.2);
        std::vector<const GumboNode*> out;
        for (const GumboNode* n : m_scored) {
            if (n != top && (tag(n) != tag(top) || attr(n, "class") != cls || m_info[n].score < threshold)) continue;
            const bool nested = std::any_of(out.begin(), out.end(), [&](const GumboNode* o) { return contains(o, n) || contains(n, o); });
            if (!nested) out.push_back(n);
        }
        return out;
    }

    // The best score of a container inside n (n included).
    double best_inside(const GumboNode* n) {
        if (m_best_inside.empty()) {
            for (const GumboNode* c : m_scored) {
                const double sc = m_info[c].score;
                for (const GumboNode* p = c; p && is_element(p); p = p->parent) {
                    auto [it, fresh] = m_best_inside.try_emplace(p, sc);
                    if (!fresh) {
                        if (it->second >= sc) break;   // its ancestors already hold as much
                        it->second = sc;
                    }
                }
            }
        }
        const auto it = m_best_inside.find(n);
        return it == m_best_inside.end() ? 0 : it->second;
    }

    // The best container plus siblings that look like they belong to the same article.
    // inner: a sibling may also qualify by a container inside it.
    std::vector<const GumboNode*> with_siblings(const GumboNode* top, double best, bool inner = true) {
        const GumboNode* parent = top->parent;
        if (!is_element(parent) || tag(top) == GUMBO_TAG_BODY) return {top};
        std::vector<const GumboNode*> out;
        const double threshold = std::max(10.0, best * 0.2);
        for (unsigned i = 0; i < child_count(parent); ++i) {
            const GumboNode* s = child(parent, i);
            if (!is_element(s)) continue;
            if (s == top) {
                out.push_back(s);
                continue;
            }
            const Info& info = m_info[s];
            if (info.dropped) continue;
            const double ld = info.text ? static_cast<double>(info.links) / static_cast<double>(info.text) : 1;
            // A section in wrappers of its own ("<div class=item><div><div><p>..."): its own
            // score is a third of its paragraphs' at most, the container inside it is what counts.
            bool keep = (info.scored && info.score >= threshold) ||
                        (inner && ld < 0.25 && best_inside(s) >= threshold);
            if (!keep && tag(s) == GUMBO_TAG_P) {
                keep = info.text > 80 && ld < 0.25;
            }
            if (keep) out.push_back(s);
        }
        return out;
    }

    static bool is_italic(const GumboNode* n) {
        const GumboTag t = tag(n);
        if (t == GUMBO_TAG_EM || t == GUMBO_TAG_I) return true;
        const std::string_view style = attr(n, "style");
        return style.find("italic") != std::string_view::npos;
    }

    static bool is_set_apart(const GumboNode* n) {
        const GumboTag t = tag(n);
        if (t == GUMBO_TAG_SMALL || t == GUMBO_TAG_CENTER) return true;
        const std::string_view style = attr(n, "style");
        return style.find("center") != std::string_view::npos || style.find("font-size") != std::string_view::npos;
    }

    // Pass 4: blocks of text under n.
    struct Out {
        std::string text;
        bool note = false;   // all in italics, centred or smaller
    };
    struct Block {
        std::string text;
        std::size_t links = 0, total = 0;
        std::size_t emphasis = 0;  // bytes of text in italics and set apart (centred, smaller)
        std::size_t anchors = 0;   // links started in the block
        bool data = false;         // text of a data table: a cell that is one link is a value, not a menu
    };

    void flush(Block& b, std::vector<Out>& blocks) {
        std::string t = squeeze_spaces(b.text);
        const bool link_list = !(b.data && b.anchors <= 1) && b.total > 0 && b.links * 2 > b.total;
        if (!t.empty() && !link_list && !is_boilerplate_line(t)) {
            if (t.size() >= 40 && std::count(t.begin(), t.end(), ' ') >= 5) m_out_prose += t.size();
            blocks.push_back({std::move(t), b.total > 0 && b.emphasis == b.total});
        }
        b = Block{};
    }

    // A table with header cells holds data (a layout table seldom has them).
    static bool is_data_table(const GumboNode* table) {
        bool found = false;
        walk(table, [&](const GumboNode* n) {
            if (found) return false;
            const GumboTag t = tag(n);
            if (t == GUMBO_TAG_TH || t == GUMBO_TAG_THEAD) found = true;
            return n == table || t == GUMBO_TAG_TBODY || t == GUMBO_TAG_TR;
        });
        return found;
    }

    // data_table: inside a data table; data_cell: directly in one of its cells (not in a list
    // or a box inside the cell: a navigation box is a table of link lists).
    void collect(const GumboNode* n, Block& b, std::vector<Out>& blocks, bool in_link, int depth,
                 bool data_table = false, bool data_cell = false, bool italic = false, bool apart = false) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
            if (data_cell) b.data = true;
            b.text += n->v.text.text;
            const std::size_t k = n->type == GUMBO_NODE_WHITESPACE ? 0 : text_bytes(n);
            b.total += k;
            if (italic && apart) b.emphasis += k;
            if (in_link) b.links += k;
            return;
        }
        if (!is_element(n) || depth > max_depth) return;
        if (m_info[n].dropped) return;
        const GumboTag t = tag(n);
        if (t == GUMBO_TAG_H1) return;   // the title, kept apart
        if (t == GUMBO_TAG_BR) {
            flush(b, blocks);
            return;
        }
        const bool block = is_block(t);
        if (block) flush(b, blocks);
        if (t == GUMBO_TAG_TABLE) data_table = is_data_table(n);
        if (block) data_cell = data_table && (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH);
        if (is_link(n)) ++b.anchors;
        italic = italic || is_italic(n);
        apart = apart || is_set_apart(n);
        for (unsigned i = 0; i < child_count(n); ++i)
            collect(child(n, i), b, blocks, in_link || is_link(n), depth + 1, data_table, data_cell, italic, apart);
        if (block) flush(b, blocks);
    }

    void emit(const GumboNode* n, std::vector<Out>& blocks, int depth) {
        Block b;
        collect(n, b, blocks, false, depth);
        flush(b, blocks);
    }

    const GumboNode* m_root;
    bool m_use_hints = true;
    std::unordered_map<const GumboNode*, Info> m_info;
    std::vector<const GumboNode*> m_scored;
    std::unordered_map<const GumboNode*, double> m_best_inside;
    const GumboNode* m_top = nullptr;
    std::size_t m_page_ptext = 0;
    std::size_t m_hint_dropped = 0;   // prose bytes in elements dropped by a class/id hint
    std::size_t m_out_prose = 0;      // bytes of the kept blocks that are prose (40+ bytes, 6+ words)
};

} // namespace

std::string extract_main_text(const GumboNode* root, const GumboNode** container) {
    Extractor e(root, true);
    std::string text = e.run();
    // Nothing kept, or next to no prose kept while the class/id hints dropped most of the page's:
    // the hints took the article (a blog platform's "widget" wrapper, a live match's "comments").
    // Score again, dropping nothing by hint.
    const bool doubt = text.size() < min_paragraph || (e.kept_prose() < fallback_below && e.hint_dropped() * 2 >= e.page_prose());
    if (doubt) {
        Extractor again(root, false);
        std::string t2 = again.run();
        if (t2.size() > text.size()) {
            if (container) *container = again.top();
            return t2;
        }
    }
    if (container) *container = e.top();
    return text;
}

} // namespace storyline::html
