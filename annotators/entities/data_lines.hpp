#pragma once
// Splitting the gazetteer's and lexicons' data lines without a std::vector per split: the
// fields are views into the file's buffer (read_data_file, for_each_data_line in
// core/lang/resources.hpp).
#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace storyline::entities {

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
