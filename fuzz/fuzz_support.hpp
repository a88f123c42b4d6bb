#pragma once
// Shared by the libFuzzer targets: resources from the source tree, and a hard stop for broken
// invariants (libFuzzer records the input that reached it).
#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace storyline::fuzz {

inline void init_resources() { set_resource_root(STORYLINE_SOURCE_DIR); }

[[noreturn]] inline void invariant_broken(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

inline void require(bool ok, const char* what) {
    if (!ok) invariant_broken(what);
}

} // namespace storyline::fuzz
