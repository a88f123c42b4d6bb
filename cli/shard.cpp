#include "cli/shard.hpp"

#include "core/util/hash.hpp"

#include <algorithm>
#include <charconv>

namespace storyline::cli {
namespace {

// Part of the contract between workers: changing it would move files between shards.
constexpr std::uint64_t shard_seed = 0;
constexpr int max_shards = 1 << 16;

std::optional<int> parse_int(std::string_view s) {
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

} // namespace

std::optional<Shard> parse_shard(std::string_view spec) {
    const auto slash = spec.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const auto k = parse_int(spec.substr(0, slash));
    const auto n = parse_int(spec.substr(slash + 1));
    if (!k || !n || *n < 1 || *n > max_shards || *k < 1 || *k > *n) return std::nullopt;
    return Shard{*k, *n};
}

bool in_shard(const std::string& path, const Shard& shard) {
    if (shard.count <= 1) return true;
    return hash64(path, shard_seed) % static_cast<std::uint64_t>(shard.count) == static_cast<std::uint64_t>(shard.index - 1);
}

std::vector<std::string> select_shard(std::vector<std::string> files, const Shard& shard) {
    std::erase_if(files, [&](const std::string& p) { return !in_shard(p, shard); });
    return files;
}

} // namespace storyline::cli
