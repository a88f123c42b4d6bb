#pragma once
// Publication dates written out in words, as bylines and date lines show them:
// "Publié le 02/11/2023 à 15h57", "Published 3 March 2021", "March 3, 2021", "27 Mar 20".
// Month names and byline words come from lang/<code>/pubdate/{months,bylines}.txt.
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

struct DateInText {
    std::string day;         // YYYY-MM-DD
    std::size_t begin = 0;   // byte range in the folded text searched
    std::size_t end = 0;
};

// First calendar date in `folded` (text passed through fold()). Numeric dates are read day
// first unless `month_first` (US usage) and the numbers allow it; two-digit years only when
// `short_years` (right after a byline word).
std::optional<DateInText> find_date(std::string_view folded, bool month_first = false, bool short_years = false);

// The date following a "published" byline word in `folded`, skipping any date that follows
// a "modified" one ("Mis à jour le ..."). `window` bytes after the word are searched.
std::optional<std::string> find_byline_date(std::string_view folded, bool month_first = false, std::size_t window = 80);

// True when `folded` contains a "modified" byline word.
bool mentions_modification(std::string_view folded);

} // namespace storyline
