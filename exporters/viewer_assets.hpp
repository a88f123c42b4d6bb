#pragma once
// The TimelineJS3 library vendored by scripts/vendor-viewer.sh (exporters/viewer/), compiled
// into the binary by exporters/viewer/embed_assets.cmake.
#include <string_view>

namespace storyline {

std::string_view viewer_js();
std::string_view viewer_css();
// Package, version, licence and checksums (exporters/viewer/VERSION).
std::string_view viewer_library_note();

} // namespace storyline
