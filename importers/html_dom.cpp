#include "importers/html_dom.hpp"

#include "core/text/utf8.hpp"

#include <algorithm>
#include <cctype>

namespace storyline::html {

Dom::Dom(std::string_view utf8) : m_out(gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size())) {}
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
void append_text(const GumboNode* n, std::string& out, std::size_t cap) {
    if (out.size() > cap) return;
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
    for (unsigned i = 0; i < kids.length; ++i) append_text(static_cast<const GumboNode*>(kids.data[i]), out, cap);
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

void walk(const GumboNode* n, const std::function<bool(const GumboNode*)>& visit) {
    if (!is_element(n)) return;
    if (!visit(n)) return;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), visit);
}

} // namespace storyline::html
