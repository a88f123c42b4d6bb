#pragma once
// The rule engine: tokenizes a text, matches the grammar's token-sequence rules and
// normalizes each match to a TIMEX3 value against the document date (DCT) or, for narrative
// expressions ("two days later", "le lendemain"), against the last date the text mentioned.
#include "annotators/timex/timex_grammar.hpp"
#include "core/model/annotation.hpp"

#include <string_view>
#include <vector>

namespace storyline::timex {

// dct: "YYYY-MM-DD" (longer values are cut to the day), or empty when unknown; relative
// expressions then stay underspecified (XXXX-01-19, XXXX-WXX-4, XXXX-XX-XX).
// Returns timexes sorted by offset, non-overlapping, with byte offsets into text.
std::vector<Timex> tag(const Grammar& grammar, std::string_view text, std::string_view dct);
// The timexes of the grammar that finds most (the first of those on a tie), the text
// tokenized once for all of them: for a text of unknown language.
std::vector<Timex> tag_with_best(const std::vector<const Grammar*>& grammars, std::string_view text,
                                 std::string_view dct);

} // namespace storyline::timex
