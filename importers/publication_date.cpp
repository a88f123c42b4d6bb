#include "importers/publication_date.hpp"

#include <date/date.h>

#include <array>
#include <cctype>
#include <cstdio>

namespace storyline {
namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

int number(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

std::optional<std::string> ymd(int y, int m, int d) {
    if (y < 1000 || y > 9999) return std::nullopt;
    const date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
    if (m < 1 || m > 12 || d < 1 || !day.ok()) return std::nullopt;
    // "%F" by hand: date::format goes through an ostringstream, thousands of instructions a call.
    std::string out = "0000-00-00";
    for (int i = 3, v = y; i >= 0; --i, v /= 10) out[static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[8] = static_cast<char>('0' + d / 10);
    out[9] = static_cast<char>('0' + d % 10);
    return out;
}

std::string trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return std::string(s);
}

// "hh:mm[:ss][zone]" after the day, kept as given when well formed.
std::string clock_part(std::string_view rest) {
    if (rest.size() < 6 || (rest[0] != 'T' && rest[0] != ' ')) return {};
    rest.remove_prefix(1);
    if (!all_digits(rest.substr(0, 2)) || rest[2] != ':' || !all_digits(rest.substr(3, 2))) return {};
    if (number(rest.substr(0, 2)) > 23 || number(rest.substr(3, 2)) > 59) return {};
    std::size_t n = 5;
    if (rest.size() >= 8 && rest[5] == ':' && all_digits(rest.substr(6, 2))) n = 8;
    std::string out = "T" + std::string(rest.substr(0, n));
    std::string_view zone = rest.substr(n);
    if (!zone.empty() && zone[0] == '.') {   // fractional seconds
        std::size_t k = 1;
        while (k < zone.size() && std::isdigit(static_cast<unsigned char>(zone[k]))) ++k;
        zone.remove_prefix(k);
    }
    if (zone == "Z" || zone == "z") out += "Z";
    else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' && all_digits(zone.substr(1, 2)) &&
             all_digits(zone.substr(4)))
        out += zone;
    else if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && all_digits(zone.substr(1)))
        out += std::string(zone.substr(0, 3)) + ":" + std::string(zone.substr(3));
    return out;
}

constexpr std::array<std::string_view, 12> month_abbrev{"jan", "feb", "mar", "apr", "may", "jun",
                                                        "jul", "aug", "sep", "oct", "nov", "dec"};

} // namespace

std::optional<std::string> normalise_publication_date(std::string_view raw_in) {
    const std::string raw = trim(raw_in);
    const std::string_view s = raw;
    // ISO 8601
    if (s.size() >= 10 && all_digits(s.substr(0, 4)) && s[4] == '-' && all_digits(s.substr(5, 2)) && s[7] == '-' &&
        all_digits(s.substr(8, 2))) {
        auto day = ymd(number(s.substr(0, 4)), number(s.substr(5, 2)), number(s.substr(8, 2)));
        if (!day) return std::nullopt;
        return *day + clock_part(s.substr(10));
    }
    // 14/01/2022, 14.01.2022, 14-01-2022 (day first, as in French and British usage)
    if (s.size() >= 10 && all_digits(s.substr(0, 2)) && (s[2] == '/' || s[2] == '.' || s[2] == '-') &&
        all_digits(s.substr(3, 2)) && s[5] == s[2] && all_digits(s.substr(6, 4))) {
        return ymd(number(s.substr(6, 4)), number(s.substr(3, 2)), number(s.substr(0, 2)));
    }
    // RFC 822: [Wkd, ]DD Mon YYYY[ hh:mm[:ss] zone]
    std::string_view r = s;
    if (const auto comma = r.find(','); comma != std::string_view::npos && comma <= 4) r = r.substr(comma + 1);
    while (!r.empty() && r.front() == ' ') r.remove_prefix(1);
    std::size_t p = 0;
    while (p < r.size() && std::isdigit(static_cast<unsigned char>(r[p]))) ++p;
    if (p >= 1 && p <= 2 && r.size() >= p + 9 && r[p] == ' ') {
        std::string mon(r.substr(p + 1, 3));
        for (auto& c : mon) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (std::size_t m = 0; m < month_abbrev.size(); ++m) {
            if (mon != month_abbrev[m]) continue;
            std::size_t y = p + 1;
            while (y < r.size() && r[y] != ' ') ++y;
            if (y + 5 > r.size() || !all_digits(r.substr(y + 1, 4))) return std::nullopt;
            auto day = ymd(number(r.substr(y + 1, 4)), static_cast<int>(m) + 1, number(r.substr(0, p)));
            if (!day) return std::nullopt;
            return *day;
        }
    }
    return std::nullopt;
}

} // namespace storyline
