#pragma once
#include "annotators/annotator.hpp"

#include <memory>
#include <optional>
#include <string>

namespace storyline {

std::unique_ptr<Annotator> make_entity_annotator();

struct PlaceInfo {
    std::string id, name, kind, country;
    double latitude = 0, longitude = 0;
    long population = 0;
};
std::optional<PlaceInfo> lookup_place(const std::string& kb_id);

} // namespace storyline
