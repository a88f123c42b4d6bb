#pragma once
// Small read-only helpers over a libgumbo tree, shared by the HTML metadata and main-text code.
#include <gumbo.h>

#include <functional>
#include <string>
#include <string_view>

namespace storyline::html {

// Owns a parsed document.
class Dom {
public:
    explicit Dom(std::string_view utf8);
    ~Dom();
    Dom(const Dom&) = delete;
    Dom& operator=(const Dom&) = delete;
    [[nodiscard]] const GumboNode* root() const { return m_out->root; }

private:
    GumboOutput* m_out;
};

[[nodiscard]] bool is_element(const GumboNode* n);
[[nodiscard]] GumboTag tag(const GumboNode* n);   // GUMBO_TAG_UNKNOWN for non-elements
// Attribute value, "" when absent.
[[nodiscard]] std::string_view attr(const GumboNode* n, const char* name);
// Lower-case class + " " + id.
[[nodiscard]] std::string class_and_id(const GumboNode* n);
// Every text descendant concatenated, white space squeezed (script and style skipped); reading
// stops once about `cap` bytes are gathered (callers that only want short texts stay linear).
[[nodiscard]] std::string text_of(const GumboNode* n, std::size_t cap = std::string::npos);
// Elements hidden from readers (hidden attribute, aria-hidden, display:none).
[[nodiscard]] bool is_hidden(const GumboNode* n);
// Elements that start a new block of text when rendered.
[[nodiscard]] bool is_block(GumboTag t);
// Calls `visit` on every element in document order; returning false skips its subtree.
void walk(const GumboNode* n, const std::function<bool(const GumboNode*)>& visit);

} // namespace storyline::html
