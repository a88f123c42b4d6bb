#pragma once
// Content hashes and the stable ids derived from them: the same input gives the same ids on
// every machine and every run.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace storyline {

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0);
// 16 lower-case hex digits of hash64.
std::string hash_hex(std::string_view bytes);
// The same of the parts' bytes one after the other, without joining them into a string first.
std::string hash_hex(std::initializer_list<std::string_view> parts);
// "<prefix>-<12 hex digits>": NMTOKEN-safe (GraphML ids) and slug-safe (TimelineJS ids).
std::string stable_id(std::string_view prefix, std::string_view content);

} // namespace storyline
