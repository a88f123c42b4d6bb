#pragma once
// The files an import reads: the folder walk that lists them, and the read of one file's bytes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::cli {

// Lists the regular files under the inputs (folders are walked recursively; dot-files and
// dot-folders are left out, directory symlinks are not followed), in std::filesystem::path
// order (element by element: a folder's files come before a sibling whose name only extends
// the folder's), each once. What cannot be listed goes to `errors`, one line each, in the
// same order, and the walk goes on.
std::vector<std::string> collect_inputs(const std::vector<std::string>& inputs, std::vector<std::string>& errors);

// The extension of a path's file name, lower-cased, without its dot ("" for "README", ".bashrc").
std::string lower_extension(std::string_view path);

// Reads a whole regular file into `bytes`; false with `error` set (the reason, without the
// path) when it cannot: missing, not a regular file, larger than max_file_bytes, a read error.
bool read_file(const std::string& path, std::string& bytes, std::string& error);

// Larger files are refused before being read: memory stays bounded whatever lies in the folder.
inline constexpr std::uintmax_t max_file_bytes = std::uintmax_t{64} << 20;

} // namespace storyline::cli
