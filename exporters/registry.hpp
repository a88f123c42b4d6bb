#pragma once
// The table of exporters: one file per format plus one row in registry.cpp.
#include "exporters/exporter.hpp"

#include <span>

namespace storyline {

std::span<const Exporter* const> all_exporters();
const Exporter* exporter_by_name(std::string_view name);

} // namespace storyline
