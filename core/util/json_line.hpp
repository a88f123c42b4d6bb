#pragma once
// Compact JSON written through a pointer into one growing buffer: the same bytes rapidjson's
// Writer gives (no spaces, only '"', '\\' and control bytes escaped, other bytes copied as they
// are, doubles by rapidjson's own shortest round-trip dtoa) for a fraction of its instructions.
// The caller writes the structure (brackets, commas, keys) itself with raw().
#include <rapidjson/internal/dtoa.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace storyline {

class JsonLine {
public:
    explicit JsonLine(std::size_t expected = 256) : m_buf(expected, '\0') {}

    // Literal JSON text (keys, brackets, commas).
    template <std::size_t N>
    void raw(const char (&text)[N]) {
        reserve(N - 1);
        std::memcpy(m_buf.data() + m_n, text, N - 1);
        m_n += N - 1;
    }
    void raw(char c) {
        reserve(1);
        m_buf[m_n++] = c;
    }
    void uint(std::uint32_t v) { integer(v); }
    void integer(std::int64_t v) {
        reserve(20);
        char* o = m_buf.data() + m_n;
        // Offsets and indices, nearly every number written, are below a million: their digits
        // two at a time with the length found by comparisons, where std::to_chars first counts
        // digits with divisions.
        if (v >= 0 && v < 1000000) {
            const auto u = static_cast<std::uint32_t>(v);
            const int len = u < 10 ? 1 : u < 100 ? 2 : u < 1000 ? 3 : u < 10000 ? 4 : u < 100000 ? 5 : 6;
            std::uint32_t rest = u;
            char* end = o + len;
            char* w = end;
            while (rest >= 100) {
                w -= 2;
                std::memcpy(w, &digit_pairs[2 * (rest % 100)], 2);
                rest /= 100;
            }
            if (rest >= 10) {
                w -= 2;
                std::memcpy(w, &digit_pairs[2 * rest], 2);
            } else {
                *--w = static_cast<char>('0' + rest);
            }
            m_n = static_cast<std::size_t>(end - m_buf.data());
            return;
        }
        m_n = static_cast<std::size_t>(std::to_chars(o, m_buf.data() + m_buf.size(), v).ptr - m_buf.data());
    }
    // A finite double as rapidjson writes it (the caller keeps NaN and infinities out).
    void number(double v) {
        reserve(25);
        char* end = rapidjson::internal::dtoa(v, m_buf.data() + m_n);
        m_n = static_cast<std::size_t>(end - m_buf.data());
    }
    void string(std::string_view s) {
        static constexpr char hex[] = "0123456789ABCDEF";
        // What follows the backslash of a byte's escape: a letter, 'u' for \u00XX, 0 for none.
        static constexpr auto escape = [] {
            std::array<char, 256> t{};
            for (std::size_t c = 0; c < 0x20; ++c) t[c] = 'u';
            t['\b'] = 'b';
            t['\t'] = 't';
            t['\n'] = 'n';
            t['\f'] = 'f';
            t['\r'] = 'r';
            t['"'] = '"';
            t['\\'] = '\\';
            return t;
        }();
        reserve(2 + 6 * s.size());
        char* o = m_buf.data() + m_n;
        *o++ = '"';
        std::size_t k = 0;
        for (; k + 8 <= s.size(); k += 8) {   // eight plain bytes at a time
            std::uint64_t eight = 0;
            std::memcpy(&eight, s.data() + k, 8);
            if (has_json_special(eight)) break;
            std::memcpy(o, &eight, 8);
            o += 8;
        }
        for (const char ch : s.substr(k)) {
            const auto c = static_cast<unsigned char>(ch);
            const char e = escape[c];
            if (e == 0) {
                *o++ = ch;
            } else if (e != 'u') {
                *o++ = '\\';
                *o++ = e;
            } else {
                std::memcpy(o, "\\u00", 4);
                o[4] = hex[c >> 4];
                o[5] = hex[c & 15];
                o += 6;
            }
        }
        *o++ = '"';
        m_n = static_cast<std::size_t>(o - m_buf.data());
    }
    [[nodiscard]] std::string_view view() const { return {m_buf.data(), m_n}; }
    std::string take() && {
        m_buf.resize(m_n);
        return std::move(m_buf);
    }

    // Whether any of eight bytes is one JSON strings treat specially: a control byte, '"' or '\\'.
    // Never false when one is (it may be true when none is: the caller then looks byte by byte).
    static bool has_json_special(std::uint64_t x) {
        constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
        auto has_zero = [&](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
        return ((x - 0x20 * ones) & ~x & highs) != 0 || has_zero(x ^ ('"' * ones)) || has_zero(x ^ ('\\' * ones));
    }

private:
    static constexpr char digit_pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";

    void reserve(std::size_t more) {
        if (m_buf.size() - m_n < more) [[unlikely]] grow(more);
    }
    [[gnu::noinline]] void grow(std::size_t more) { m_buf.resize(std::max(2 * m_buf.size(), m_n + more)); }

    std::string m_buf;   // written up to m_n
    std::size_t m_n = 0;
}; // class JsonLine

} // namespace storyline
