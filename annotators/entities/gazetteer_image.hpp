#pragma once
// The gazetteer as a byte image, and the process-wide gazetteer made from its cached image when
// one matches this build and these data files (core/util/image_cache.hpp).
#include "annotators/entities/gazetteer.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace storyline::entities {

std::string gazetteer_image(const Gazetteer& g);
// nullptr when `image` does not hold a whole gazetteer. With `view`, its hash tables are read
// in place: `image` must outlive the gazetteer, and be aligned to 64 bytes.
std::unique_ptr<Gazetteer> gazetteer_from_image(std::string_view image, bool view = false);
// From the cache, else from the files (then written to the cache).
std::unique_ptr<Gazetteer> load_gazetteer();

} // namespace storyline::entities
