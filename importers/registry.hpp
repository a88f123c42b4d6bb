#pragma once
// The table of importers. A new format is one file under importers/ plus one row in
// registry.cpp (tests/registrations.txt catches a missing row).
#include "importers/importer.hpp"

#include <span>

namespace storyline {

std::span<const Importer* const> all_importers();
// The importer that claims the bytes most surely; nullptr when none does.
const Importer* pick_importer(std::string_view bytes, const SourceInfo& src);
const Importer* importer_by_name(std::string_view name);

} // namespace storyline
