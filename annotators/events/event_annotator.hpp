#pragma once
#include "annotators/annotator.hpp"

#include <memory>

namespace storyline {

// Finds event mentions: a trigger word from lang/<code>/events/triggers.tsv, linked to the
// entities, places and temporal expression of its sentence.
std::unique_ptr<Annotator> make_event_annotator();

} // namespace storyline
