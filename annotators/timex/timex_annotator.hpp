#pragma once
#include "annotators/annotator.hpp"

#include <memory>

namespace storyline {

// Finds TIMEX3 expressions in doc.article.text and fills doc.timexes.
std::unique_ptr<Annotator> make_timex_annotator();

} // namespace storyline
