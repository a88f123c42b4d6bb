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

struct Info {
    std::size_t text = 0, links = 0;   // bytes of kept text / of it inside <a>
    std::size_t ptext = 0;             // bytes of prose (for the furniture guard)
    bool dropped = false;
    bool scored = false;
    double score = 0;
};

class Extractor {
public:
    explicit Extractor(const GumboNode* root) : m_root(root) {}

    [[nodiscard]] const GumboNode* top() const { return m_top; }

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
        std::vector<std::string> blocks;
        if (!top) {
            emit(body, blocks, 0);
        } else {
            const auto peers = same_class_peers(top, best);
            for (const GumboNode* n : peers.size() > 1 ? peers : with_siblings(top, best)) emit(n, blocks, 0);
        }
        std::string out;
        for (auto& b : blocks) {
            if (!out.empty()) out += "\n\n";
            out += b;
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
            prose += measure_paragraphs(child(n, i), depth + 1, in_link || tag(n) == GUMBO_TAG_A);
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
        if (depth > max_depth || is_never_text(t) || is_hidden(n) ||
            (!guarded && t != GUMBO_TAG_BODY && (is_furniture(t) || negative_hints().matches(class_and_id(n))))) {
            info.dropped = true;
            return {0, 0};
        }
        std::size_t text = 0, links = 0;
        for (unsigned i = 0; i < child_count(n); ++i) {
            const auto [tx, l] = mark(child(n, i), depth + 1);
            text += tx;
            links += l;
        }
        if (t == GUMBO_TAG_A) links = text;
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
                own_text(c, len, commas, links, in_link || tag(c) == GUMBO_TAG_A, depth + 1);
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
            own_text(n, len, commas, links, t == GUMBO_TAG_A, depth);
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

    // The best container plus siblings that look like they belong to the same article.
    std::vector<const GumboNode*> with_siblings(const GumboNode* top, double best) {
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
            bool keep = info.scored && info.score >= threshold;
            if (!keep && tag(s) == GUMBO_TAG_P) {
                const double ld = info.text ? static_cast<double>(info.links) / static_cast<double>(info.text) : 1;
                keep = info.text > 80 && ld < 0.25;
            }
            if (keep) out.push_back(s);
        }
        return out;
    }

    // Pass 4: blocks of text under n.
    struct Block {
        std::string text;
        std::size_t links = 0, total = 0;
    };

    void flush(Block& b, std::vector<std::string>& blocks) {
        std::string t = squeeze_spaces(b.text);
        const bool link_list = b.total > 0 && b.links * 2 > b.total;
        if (!t.empty() && !link_list && !is_boilerplate_line(t)) blocks.push_back(std::move(t));
        b = Block{};
    }

    void collect(const GumboNode* n, Block& b, std::vector<std::string>& blocks, bool in_link, int depth) {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
            b.text += n->v.text.text;
            const std::size_t k = n->type == GUMBO_NODE_WHITESPACE ? 0 : text_bytes(n);
            b.total += k;
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
        for (unsigned i = 0; i < child_count(n); ++i)
            collect(child(n, i), b, blocks, in_link || t == GUMBO_TAG_A, depth + 1);
        if (block) flush(b, blocks);
    }

    void emit(const GumboNode* n, std::vector<std::string>& blocks, int depth) {
        Block b;
        collect(n, b, blocks, false, depth);
        flush(b, blocks);
    }

    const GumboNode* m_root;
    std::unordered_map<const GumboNode*, Info> m_info;
    std::vector<const GumboNode*> m_scored;
    const GumboNode* m_top = nullptr;
    std::size_t m_page_ptext = 0;
};

} // namespace

std::string extract_main_text(const GumboNode* root, const GumboNode** container) {
    Extractor e(root);
    std::string text = e.run();
    if (container) *container = e.top();
    return text;
}

} // namespace storyline::html
