#include "importers/html_dom.hpp"

#include "core/text/utf8.hpp"
#include "importers/importer.hpp"

#include <algorithm>
#include <cctype>

namespace storyline::html {

namespace {

// libgumbo checks the stack of open elements on every end tag, so its cost grows with the square
// of the nesting depth (100,000 nested <div>s take minutes), and every walk over the tree here is
// recursive. Pages nested deeper than this are refused before parsing.
constexpr std::size_t max_nesting_depth = 10000;

// Elements that never nest (void) or whose end tag is optional: they do not count as depth.
bool counts_as_depth(std::string_view name) {
    static constexpr std::string_view flat[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                                "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
                                                "tr", "td", "th", "option", "tbody", "thead", "tfoot", "!doctype"};
    for (auto f : flat) {
        if (name.size() == f.size() && std::equal(name.begin(), name.end(), f.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) == b;
            }))
            return false;
    }
    return true;
}

// An upper bound of the element nesting depth from a linear scan of the tags.
std::size_t nesting_depth(std::string_view html) {
    std::size_t depth = 0, deepest = 0;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        if (html.compare(i, 4, "<!--") == 0) {
            const auto end = html.find("-->", i + 4);
            if (end == std::string_view::npos) break;
            i = end + 3;
            continue;
        }
        const bool closing = i + 1 < html.size() && html[i + 1] == '/';
        std::size_t b = i + (closing ? 2 : 1), e = b;
        while (e < html.size() && (std::isalnum(static_cast<unsigned char>(html[e])) || html[e] == '!')) ++e;
        const auto gt = html.find('>', e);
        if (e == b || gt == std::string_view::npos) {
            ++i;
            continue;
        }
        const std::string_view name = html.substr(b, e - b);
        if (counts_as_depth(name)) {
            if (closing) depth -= depth > 0 ? 1 : 0;
            else if (html[gt - 1] != '/') deepest = std::max(deepest, ++depth);
        }
        i = gt + 1;
    }
    return deepest;
}

GumboOutput* parse_bounded(std::string_view utf8) {
    if (nesting_depth(utf8) > max_nesting_depth) {
        throw ImportError("HTML nested deeper than " + std::to_string(max_nesting_depth) + " elements (broken or hostile page)");
    }
    return gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size());
}

} // namespace

Dom::Dom(std::string_view utf8) : m_out(parse_bounded(utf8)) {}
Dom::~Dom() { gumbo_destroy_output(&kGumboDefaultOptions, m_out); }

bool is_element(const GumboNode* n) { return n && (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE); }

GumboTag tag(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

std::string_view attr(const GumboNode* n, const char* name) {
    if (!is_element(n)) return {};
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? std::string_view(a->value) : std::string_view();
}

std::string class_and_id(const GumboNode* n) {
    std::string s(attr(n, "class"));
    s += ' ';
    s += attr(n, "id");
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

namespace {
constexpr int max_depth = 400;   // deeper nesting is not read: no stack exhaustion on hostile pages

void append_text(const GumboNode* n, std::string& out, std::size_t cap, int depth = 0) {
    if (out.size() > cap || depth > max_depth) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        out += n->v.text.text;
        return;
    }
    if (!is_element(n)) return;
    const GumboTag t = tag(n);
    if (t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_NOSCRIPT || t == GUMBO_TAG_TEMPLATE) return;
    const bool block = is_block(t) || t == GUMBO_TAG_BR;
    if (block) out += ' ';
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) append_text(static_cast<const GumboNode*>(kids.data[i]), out, cap, depth + 1);
    if (block) out += ' ';
}
} // namespace

std::string text_of(const GumboNode* n, std::size_t cap) {
    std::string raw;
    append_text(n, raw, cap);
    return squeeze_spaces(raw);
}

bool is_hidden(const GumboNode* n) {
    if (!is_element(n)) return false;
    if (gumbo_get_attribute(&n->v.element.attributes, "hidden")) return true;
    if (attr(n, "aria-hidden") == "true") return true;
    std::string style(attr(n, "style"));
    if (style.empty()) return false;
    style.erase(std::remove_if(style.begin(), style.end(), [](unsigned char c) { return std::isspace(c); }), style.end());
    std::transform(style.begin(), style.end(), style.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

bool is_block(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FORM: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
        return true;
    default:
        return false;
    }
}

namespace {
void walk_from(const GumboNode* n, const std::function<bool(const GumboNode*)>& visit, int depth) {
    if (!is_element(n) || depth > max_depth) return;
    if (!visit(n)) return;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) walk_from(static_cast<const GumboNode*>(kids.data[i]), visit, depth + 1);
}
} // namespace

void walk(const GumboNode* n, const std::function<bool(const GumboNode*)>& visit) { walk_from(n, visit, 0); }

} // namespace storyline::html
