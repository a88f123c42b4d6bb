#pragma once
// `--shard K/N`: one of N workers takes the K-th part of the input files, chosen by a hash of
// each file's path, so N processes given the same paths split them without talking to each
// other, and re-running a worker takes exactly the same files again.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::cli {

struct Shard {
    int index = 1;   // K, 1-based
    int count = 1;   // N
};

// "K/N" with 1 <= K <= N; nothing for anything else.
std::optional<Shard> parse_shard(std::string_view spec);
// Whether `path` (as the walk produced it: the input as given plus the path under it) falls in `shard`.
[[nodiscard]] bool in_shard(const std::string& path, const Shard& shard);
// Keeps the files of one shard, in their order.
std::vector<std::string> select_shard(std::vector<std::string> files, const Shard& shard);

} // namespace storyline::cli
