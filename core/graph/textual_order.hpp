#pragma once
// Event order stated by the text itself: temporal connectives between two event mentions
// ("X after Y", "Après que Y, X", "X, puis Y"), read from lang/<code>/events/connectives.tsv.
#include "core/model/annotation.hpp"

#include <utility>
#include <vector>

namespace storyline {

// Pairs (earlier, later) of indices into doc.events.
std::vector<std::pair<int, int>> textual_order(const Document& doc);

} // namespace storyline
