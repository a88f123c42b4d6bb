#pragma once
// Where language data (lang/<code>/...) and language-independent data (data/...) live.
// Looked up once: $STORYLINE_RESOURCES, then <exe>/../share/storyline, then the source tree
// the binary was built from. Adding a language is adding a folder lang/<code>/: nothing here
// lists languages.
#include <cstddef>
#include <filesystem>
#include <optional>
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

// A data file's bytes, read at once; nullopt when it cannot be opened. Throws naming the file on
// a read error. With for_each_data_line, a loader can keep views into one buffer instead of a
// std::string per line (the gazetteer reads 23,000 cities at every start).
std::optional<std::string> read_data_file(const std::filesystem::path& file);

// Calls f(line) for each line of a data file's content as read_data_lines gives them: trailing
// spaces, tabs and carriage returns cut, blank lines and lines opening with "//" or "#" skipped.
template <typename F>
void for_each_data_line(std::string_view content, F&& f) {
    while (!content.empty()) {
        const std::size_t nl = content.find('\n');
        std::string_view line = content.substr(0, nl);
        content = nl == std::string_view::npos ? std::string_view() : content.substr(nl + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        if (line.empty() || line.starts_with("//") || line.starts_with("#")) continue;
        f(line);
    }
}

} // namespace storyline
