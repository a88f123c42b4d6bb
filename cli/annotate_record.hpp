#pragma once
// One line of `storyline annotate` input ({id, lang, dct, text}) in, one JSON line of
// annotations out. Split from the command so the fuzzer and tests can call it on strings.
#include "core/model/annotation.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace storyline::cli {

// The document of one JSONL line, not yet annotated; nullopt with `error` set for a line that
// is not a JSON object. Invalid UTF-8 in "text" is repaired, a missing lang is detected.
std::optional<Document> parse_annotate_line(std::string_view line, std::string& error);
// The output line (without newline) for an annotated document.
std::string annotation_json(const Document& doc);

} // namespace storyline::cli
