#pragma once
// The field names news scrapers use, mapped onto Article (docs/importers.md has the table).
#include "core/model/article.hpp"

#include <rapidjson/document.h>

#include <string>

namespace storyline {

// Reads one JSON object. Returns an empty optional-like flag through `error` when the object
// has no text at all; unknown fields are ignored.
bool article_from_json(const rapidjson::Value& obj, Article& out, std::string& error);

} // namespace storyline
