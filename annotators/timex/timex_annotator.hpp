#pragma once
// The temporal tagger stage: TIMEX3 expressions (DATE, TIME, DURATION, SET) with normalized
// values. Language knowledge lives in lang/<code>/timex/ (see docs/timex.md).
#include "annotators/annotator.hpp"

#include <memory>

namespace storyline {

// Finds TIMEX3 expressions in doc.article.text (lang = doc.article.lang, document date =
// doc.article.published.day() when known, else underspecified values) and fills doc.timexes
// sorted by offset, non-overlapping, byte offsets into the original text. Languages without a
// lang/<code>/timex/ folder (or no language) are tagged with every available grammar and the
// grammar finding the most expressions wins.
std::unique_ptr<Annotator> make_timex_annotator();

} // namespace storyline
