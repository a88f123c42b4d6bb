#pragma once
// The article body of a web page: the block of text the page exists for, without navigation,
// sidebars, comments, share bars, "Read more" lists or cookie banners.
#include <gumbo.h>

#include <string>

namespace storyline::html {

// Paragraphs separated by blank lines. Works like Readability: paragraphs score the containers
// around them (length, commas, link density, class/id hints from data/importers/html_hints.txt),
// the best container and its good siblings are kept, then link lists and boilerplate lines
// (lang/*/boilerplate.txt) are dropped. Empty when the page holds no text.
// `container`, when given, receives the element the text was mostly taken from (null if none).
std::string extract_main_text(const GumboNode* root, const GumboNode** container = nullptr);

} // namespace storyline::html
