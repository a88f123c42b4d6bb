#pragma once
// Class/id hints and boilerplate lines the HTML code reads from data files once.
#include <string>
#include <string_view>
#include <vector>

namespace storyline::html {

struct TokenHints {
    std::vector<std::string> exact, prefixes;
    std::vector<std::string> inner;   // "*text*" entries: anywhere in a short line (boilerplate only)
    [[nodiscard]] bool matches_token(std::string_view token) const;
    // True when any token of a lower-case "class id" string matches.
    [[nodiscard]] bool matches(std::string_view class_and_id) const;
};

const TokenHints& negative_hints();
const TokenHints& positive_hints();
// Regions whose dates are other pages' or readers' (comments, related links).
const TokenHints& nodate_hints();
// Elements whose short text is usually a byline or a date line.
const TokenHints& dateclass_hints();

// Lines of lang/*/boilerplate.txt (every language: the page language is not known yet).
[[nodiscard]] bool is_boilerplate_line(std::string_view line);

} // namespace storyline::html
