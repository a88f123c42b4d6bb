#include "core/util/hash.hpp"

// The streaming state on the stack (no allocation per hash). Its layout is the library's: the
// header and the library come from one package (libxxhash-dev).
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

namespace storyline {
namespace {

// The 16 lower-case hex digits of h (what "%016llx" prints, without printf's parsing).
std::string hex16(std::uint64_t h) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (std::size_t k = 16; k-- > 0; h >>= 4) out[k] = digits[h & 15];
    return out;
}

} // namespace

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed) {
    return XXH64(bytes.data(), bytes.size(), seed);
}

std::string hash_hex(std::string_view bytes) { return hex16(hash64(bytes)); }

std::string hash_hex(std::initializer_list<std::string_view> parts) {
    XXH64_state_t state;
    XXH64_reset(&state, 0);
    for (const std::string_view part : parts) XXH64_update(&state, part.data(), part.size());
    return hex16(XXH64_digest(&state));
}

std::string stable_id(std::string_view prefix, std::string_view content) {
    std::string id(prefix);
    id += '-';
    id += hash_hex(content).substr(0, 12);
    return id;
}

} // namespace storyline
