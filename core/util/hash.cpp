#include "core/util/hash.hpp"

#include <xxhash.h>

#include <cstdio>

namespace storyline {

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed) {
    return XXH64(bytes.data(), bytes.size(), seed);
}

std::string hash_hex(std::string_view bytes) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash64(bytes)));
    return buf;
}

std::string stable_id(std::string_view prefix, std::string_view content) {
    std::string id(prefix);
    id += '-';
    id += hash_hex(content).substr(0, 12);
    return id;
}

} // namespace storyline
