#pragma once
#include "annotators/annotator.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace storyline {

// Splits text into sentences: at . ! ? … followed by space and a capital, quote or digit, and
// at line breaks; not after the abbreviations listed in lang/<code>/abbreviations.txt.
std::unique_ptr<Annotator> make_sentence_annotator();
std::vector<Sentence> split_sentences(std::string_view text, std::string_view lang);

} // namespace storyline
