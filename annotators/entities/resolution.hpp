#pragma once
// In-article coreference and resolution keys for recognised candidates.
#include "annotators/entities/gazetteer.hpp"
#include "annotators/entities/recognizer.hpp"
#include "core/model/annotation.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace storyline::entities {

// "poutine" -> "putin", "tokayev" -> "tokaiev": the folded form with every language's
// transliteration rules applied.
std::string transliterate(std::string folded, const Gazetteer& gaz);

// Key of a person from the folded tokens of its name (honorifics and titles already removed).
std::string person_key(const std::vector<std::string>& folded_tokens, const Gazetteer& gaz);

// Turns candidates into mentions with keys, canonical names and gazetteer ids; adds nominal
// mentions ("le président kazakh") that refer to a person named in the same article.
std::vector<EntityMention> resolve(std::string_view text, const std::vector<Token>& tokens,
                                   std::vector<Candidate> candidates, std::string_view lang,
                                   const Gazetteer& gaz);

} // namespace storyline::entities
