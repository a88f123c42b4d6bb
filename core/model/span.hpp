#pragma once
// A byte range [begin, end) into an article's text, exactly as imported.
// Every annotation points into the original bytes: offsets are what the scorers and the
// store read back, so no stage may rewrite the text it annotates.
#include <cstdint>
#include <string_view>

namespace storyline {

struct Span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;

    [[nodiscard]] std::uint32_t size() const { return end - begin; }
    [[nodiscard]] bool empty() const { return end <= begin; }
    [[nodiscard]] bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
    [[nodiscard]] bool overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
    [[nodiscard]] std::string_view in(std::string_view text) const {
        return text.substr(begin, end - begin);
    }
    friend bool operator==(const Span&, const Span&) = default;
    friend auto operator<=>(const Span&, const Span&) = default;
};

} // namespace storyline
