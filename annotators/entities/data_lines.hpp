#pragma once
// Reading the gazetteer's and lexicons' data files at start-up without a std::string per line
// or a std::vector per split: the lines are views into one buffer holding the whole file.
#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace storyline::entities {

// A data file's content; empty when the file is missing (the files are optional, like
// read_optional_data_lines). Throws naming the file on a read error.
std::string read_data_file(const std::filesystem::path& file);

// Calls f(line) for each line as read_optional_data_lines gives it: trailing spaces, tabs and
// carriage returns cut, empty lines and lines opening with "//" or "#" skipped.
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

// The fields of one line split on a separator, empty fields kept; size() counts them all,
// only the first k_capacity can be read (the widest data line has 13).
class Fields {
public:
    static constexpr std::size_t k_capacity = 16;
    Fields(std::string_view line, char sep) {
        std::size_t start = 0;
        while (true) {
            const auto pos = line.find(sep, start);
            const auto part = line.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start);
            if (m_size < k_capacity) m_fields[m_size] = part;
            ++m_size;
            if (pos == std::string_view::npos) break;
            start = pos + 1;
        }
    }
    [[nodiscard]] std::size_t size() const { return m_size; }
    // Empty past the last field.
    [[nodiscard]] std::string_view operator[](std::size_t i) const {
        return i < m_size && i < k_capacity ? m_fields[i] : std::string_view();
    }

private:
    std::array<std::string_view, k_capacity> m_fields{};
    std::size_t m_size = 0;
};

// Calls f(part) for each part of s split on sep, empty parts included ("a||b" gives "a", "", "b").
template <typename F>
void for_each_part(std::string_view s, char sep, F&& f) {
    std::size_t start = 0;
    while (true) {
        const auto pos = s.find(sep, start);
        f(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) return;
        start = pos + 1;
    }
}

} // namespace storyline::entities
