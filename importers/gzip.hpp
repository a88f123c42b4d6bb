#pragma once
// Gzip-compressed inputs (a scrape saved as articles.jsonl.gz), inflated in memory.
#include <cstddef>
#include <string>
#include <string_view>

namespace storyline {

// Inflated data beyond this is refused: a small bomb must not eat the memory.
inline constexpr std::size_t max_inflated_bytes = std::size_t{1} << 30;   // 1 GiB

[[nodiscard]] bool is_gzip(std::string_view bytes);
// Throws ImportError for corrupt data or output past `limit`. Concatenated members are read.
std::string gunzip(std::string_view bytes, std::size_t limit = max_inflated_bytes);

} // namespace storyline
