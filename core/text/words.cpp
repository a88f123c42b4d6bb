#include "core/text/words.hpp"

#include "core/text/utf8.hpp"

namespace storyline {

std::vector<Word> words_in(std::string_view text, Span range) {
    std::vector<Word> out;
    words_in(text, range, out);
    return out;
}

void words_in(std::string_view text, Span range, std::vector<Word>& out) {
    out.clear();
    std::size_t i = range.begin;
    const std::size_t end = std::min<std::size_t>(range.end, text.size());
    // ASCII letters and digits, the common case, are tested on the byte.
    auto ascii_alnum = [](unsigned char b) {
        return ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') || (b >= '0' && b <= '9');
    };
    while (i < end) {
        const auto b0 = static_cast<unsigned char>(text[i]);
        if (b0 < 0x80 && !ascii_alnum(b0)) {
            ++i;
            continue;
        }
        std::size_t at = i;
        char32_t cp = next_code_point(text, i);
        if (!is_letter(cp) && !is_digit(cp)) continue;
        Word w;
        w.span.begin = static_cast<std::uint32_t>(at);
        w.capitalised = is_upper(cp);
        std::size_t last = i;
        while (i < end) {
            if (const auto b = static_cast<unsigned char>(text[i]); b < 0x80 && ascii_alnum(b)) {
                last = ++i;
                continue;
            }
            std::size_t j = i;
            cp = next_code_point(text, j);
            if (is_letter(cp) || is_digit(cp)) {
                i = j;
                last = j;
                continue;
            }
            if (cp == '-' || cp == 0x2010 || cp == 0x2011) {
                std::size_t k = j;
                if (k < end) {
                    const char32_t after = next_code_point(text, k);
                    if (is_letter(after) || is_digit(after)) {
                        i = j;
                        continue;
                    }
                }
            }
            break;
        }
        w.span.end = static_cast<std::uint32_t>(last);
        out.push_back(w);
    }
}

} // namespace storyline
