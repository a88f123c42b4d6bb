#pragma once
// Word tokens of a text span: runs of letters and digits, joined by inner hyphens
// ("Kassym-Jomart"); apostrophes split elisions ("l'OTSC" → "l", "OTSC").
#include "core/model/span.hpp"

#include <string_view>
#include <vector>

namespace storyline {

struct Word {
    Span span;
    bool capitalised = false;   // first letter upper case
};

std::vector<Word> words_in(std::string_view text, Span range);
// The same into a caller's buffer (cleared first), so a loop over sentences allocates once.
void words_in(std::string_view text, Span range, std::vector<Word>& out);

} // namespace storyline
