#pragma once
// Where language data (lang/<code>/...) and language-independent data (data/...) live.
// Looked up once: $STORYLINE_RESOURCES, then <exe>/../share/storyline, then the source tree
// the binary was built from. Adding a language is adding a folder lang/<code>/: nothing here
// lists languages.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

std::filesystem::path resource_root();
void set_resource_root(std::filesystem::path root);   // tests and --resources

// lang/<code>/<relative>, whether or not it exists.
std::filesystem::path language_file(std::string_view lang, std::string_view relative);
// data/<relative>
std::filesystem::path data_file(std::string_view relative);
// Language codes that have a folder under lang/, sorted.
std::vector<std::string> available_languages();

// Reads a UTF-8 data file as lines, dropping comments ("//" or "#" at line start) and blank
// lines; trailing whitespace and CR trimmed. Throws std::runtime_error naming the file if it
// cannot be read.
std::vector<std::string> read_data_lines(const std::filesystem::path& file);
// Same, returning an empty list when the file does not exist (optional resources).
std::vector<std::string> read_optional_data_lines(const std::filesystem::path& file);

} // namespace storyline
