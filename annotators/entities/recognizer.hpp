#pragma once
// Finds name mentions in one article's tokens: gazetteer phrases, capitalised sequences typed by
// cue words, titles, given names and context, then a document-level pass that carries a name's
// type to its other occurrences (surnames, head-line capitals).
#include "annotators/entities/gazetteer.hpp"
#include "annotators/entities/tokenizer.hpp"
#include "core/model/annotation.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace storyline::entities {

enum class Form : std::uint8_t {
    name,     // a proper name: "Poutine", "Conseil de sécurité collective", "Almaty"
    demonym,  // a national adjective or noun standing for its country: "russes", "American"
    nominal,  // a title standing for its holder: "le président kazakh"
};

struct Candidate {
    std::size_t first = 0;   // token range [first, last)
    std::size_t last = 0;
    std::uint32_t begin = 0; // byte span
    std::uint32_t end = 0;
    EntityType type = EntityType::misc;
    Form form = Form::name;
    int entry = -1;          // gazetteer entry index
    double confidence = 0.5;
    bool weak = false;       // typed by default only: the document pass may re-type it
    std::size_t name_first = 0; // first token of the name proper (after an honorific kept in the span)
    std::size_t name_last = 0;  // end of the name proper (before an apposition kept in the span)
};

std::vector<Candidate> recognize(std::string_view text, const std::vector<Token>& tokens,
                                 std::string_view lang, const Gazetteer& gaz);

} // namespace storyline::entities
