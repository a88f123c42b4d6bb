#pragma once
// Actors and places: finds PER/ORG/LOC/MISC mentions and gives each a cross-article,
// cross-language resolution key. See docs/entities.md.
#include "annotators/annotator.hpp"
#include "core/model/annotation.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

// Finds PER/ORG/LOC/MISC mentions in doc.article.text, sorted by offset, non-overlapping, byte
// offsets into the original text, and sets on each mention `key` (the cross-article,
// cross-language resolution key: "Poutine", "le président Poutine", "Vladimir Putin" and
// "Putin" all get the same key; countries/cities get their gazetteer id), `canonical` (the
// display name: the longest/English/gazetteer name) and `kb_id` (gazetteer id or empty).
// In-article coreference (surname -> full name, title+nationality -> the named holder,
// acronym <-> expansion, demonym -> country when it refers to the state) is done here.
std::unique_ptr<Annotator> make_entity_annotator();

// Look-ups the graph stage needs when it builds nodes: coordinates, country, kind of a kb_id.
struct PlaceInfo {
    std::string id, name, kind, country;
    double latitude = 0, longitude = 0;
    long population = 0;
};
std::optional<PlaceInfo> lookup_place(const std::string& kb_id);

// The resolution key of one surface form out of context: gazetteer id for known places and
// organisations ("country:RU", "org:csto"), else "per:"/"org:"/"loc:"/"misc:" + a folded,
// transliteration-normalised form (persons by surname: "per:putin" for "Vladimir Poutine").
// Used by the graph stage and by user alias files.
std::string entity_key(std::string_view surface, EntityType type, std::string_view lang);

} // namespace storyline
