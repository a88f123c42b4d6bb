#include "importers/input_checks.hpp"

#include "core/text/utf8.hpp"
#include "importers/importer.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace storyline {

void require_not_binary(std::string_view bytes) {
    const std::size_t probe = std::min<std::size_t>(bytes.size(), 65536);
    std::size_t control = 0;
    auto check = [&](unsigned char c) {
        if (c == 0) throw ImportError("binary file (NUL bytes)");
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    };
    std::size_t i = 0;
    // Eight bytes at a time: most words of text hold no byte below 0x20 (the classic "has a
    // byte less than n" bit trick), and only the others are looked at byte by byte.
    for (; i + 8 <= probe; i += 8) {
        std::uint64_t x = 0;
        std::memcpy(&x, bytes.data() + i, 8);
        if (((x - 0x2020202020202020ULL) & ~x & 0x8080808080808080ULL) == 0) continue;
        for (std::size_t k = 0; k < 8; ++k) check(static_cast<unsigned char>(bytes[i + k]));
    }
    for (; i < probe; ++i) check(static_cast<unsigned char>(bytes[i]));
    if (control * 10 > probe) throw ImportError("binary file (control characters)");
}

bool plain_ascii_text(std::string_view bytes) {
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time. The signed compare takes bytes >= 0x80 for negative, so
    // "below 0x20" flags them too. Checked every 128 bytes: other text is given up early.
    const __m128i space = _mm_set1_epi8(' ');
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i tab = _mm_set1_epi8('\t');
    const __m128i del = _mm_set1_epi8(0x7F);
    __m128i bad = _mm_setzero_si128();
    for (; i + 16 <= bytes.size(); i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data() + i));
        const __m128i allowed = _mm_or_si128(_mm_cmpeq_epi8(x, newline), _mm_cmpeq_epi8(x, tab));
        bad = _mm_or_si128(bad, _mm_or_si128(_mm_andnot_si128(allowed, _mm_cmplt_epi8(x, space)), _mm_cmpeq_epi8(x, del)));
        if ((i & 127) == 112 && _mm_movemask_epi8(bad) != 0) return false;
    }
    if (_mm_movemask_epi8(bad) != 0) return false;
#else
    // Eight bytes at a time (SWAR): for each byte b < 0x80, b + 0x60 has its high bit set when
    // b >= 0x20, b + 1 when b == 0x7F, and (b ^ k) + 0x7F has it clear when b == k. The sums
    // never carry into the next byte unless a byte has its high bit set, which `bad` holds anyway.
    constexpr std::uint64_t high = 0x8080808080808080ULL;
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    std::uint64_t bad = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t x = 0;
        std::memcpy(&x, bytes.data() + i, 8);
        const std::uint64_t visible = (x + 0x60 * ones) & high;
        const std::uint64_t newline = ~((x ^ ('\n' * ones)) + 0x7F * ones) & high;
        const std::uint64_t tab = ~((x ^ ('\t' * ones)) + 0x7F * ones) & high;
        bad |= (x & high) | ((x + ones) & high) | (high & ~(visible | newline | tab));
        if ((i & 63) == 56 && bad) return false;
    }
    if (bad) return false;
#endif
    for (; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (!((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t')) return false;
    }
    return true;
}

void require_utf8_text(std::string_view bytes) {
    if (bytes.empty()) throw ImportError("empty file");
    if (plain_ascii_text(bytes)) return;   // neither binary nor malformed
    require_not_binary(bytes);
    if (!valid_utf8(bytes)) throw ImportError("not UTF-8 text");
}

bool head_has_tag(std::string_view bytes, std::size_t limit, std::initializer_list<std::string_view> tags) {
    const std::string_view head = bytes.substr(0, std::min(bytes.size(), limit));
    for (std::size_t at = head.find('<'); at != std::string_view::npos; at = head.find('<', at + 1)) {
        for (const auto tag : tags) {
            if (at + tag.size() > head.size()) continue;
            bool same = true;
            for (std::size_t k = 1; k < tag.size() && same; ++k) {
                const auto c = static_cast<unsigned char>(head[at + k]);
                same = (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) == static_cast<unsigned char>(tag[k]);
            }
            if (same) return true;
        }
    }
    return false;
}

std::string normalise_newlines(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::string out;
    out.reserve(bytes.size());
    // Runs between carriage returns are copied whole (most files have none).
    while (!bytes.empty()) {
        const auto cr = bytes.find('\r');
        out.append(bytes.substr(0, cr));
        if (cr == std::string_view::npos) break;
        out += '\n';
        bytes.remove_prefix(cr + 1);
        if (bytes.starts_with('\n')) bytes.remove_prefix(1);
    }
    return out;
}

bool starts_with_any(std::string_view bytes, std::string_view chars) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    for (char c : bytes) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        return chars.find(c) != std::string_view::npos;
    }
    return false;
}

} // namespace storyline
