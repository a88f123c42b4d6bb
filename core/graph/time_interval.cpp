#include "core/graph/time_interval.hpp"

#include <date/iso_week.h>

#include <charconv>

namespace storyline {
namespace {

bool digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

TimeInterval span(date::year_month_day a, date::year_month_day b, Precision p) {
    return TimeInterval{date::sys_days(a), date::sys_days(b), p};
}

TimeInterval month_span(int y, int m_first, int m_last, Precision p) {
    using namespace date;
    const year_month_day first{year{y}, month{static_cast<unsigned>(m_first)}, day{1}};
    const year_month_day_last last{year{y}, month_day_last{month{static_cast<unsigned>(m_last)}}};
    return span(first, year_month_day{last}, p);
}

} // namespace

TimeInterval interval_from_timex(std::string_view v) {
    using namespace date;
    if (v.empty()) return {};
    if (v.starts_with("PRESENT_REF") || v.starts_with("PAST_REF") || v.starts_with("FUTURE_REF")) {
        return TimeInterval{{}, {}, Precision::vague};
    }
    // Strip a clock part: the day is what orders events on a timeline.
    if (const auto t = v.find('T'); t != std::string_view::npos && t >= 4) v = v.substr(0, t);
    if (v.size() == 4 && v[3] == 'X' && digits(v.substr(0, 3))) {   // decade written "198X"
        const int d = to_int(v.substr(0, 3));
        return span(year{d * 10} / 1 / 1, year{d * 10 + 9} / 12 / 31, Precision::decade);
    }
    if (v.size() >= 4 && !digits(v.substr(0, 4))) {
        return TimeInterval{{}, {}, v.starts_with("XXXX") ? Precision::vague : Precision::none};
    }
    if (v.size() == 2 && digits(v)) {   // century: "19" = 1900-1999
        const int c = to_int(v);
        return span(year{c * 100} / 1 / 1, year{c * 100 + 99} / 12 / 31, Precision::century);
    }
    if (v.size() == 3 && digits(v)) {   // decade: "198" = 1980-1989
        const int d = to_int(v);
        return span(year{d * 10} / 1 / 1, year{d * 10 + 9} / 12 / 31, Precision::decade);
    }
    if (v.size() < 4 || !digits(v.substr(0, 4))) return {};
    const int y = to_int(v.substr(0, 4));
    if (v.size() == 4) return span(year{y} / 1 / 1, year{y} / 12 / 31, Precision::year);
    if (v[4] != '-' || v.size() < 7) return {};
    const std::string_view rest = v.substr(5);
    if (rest[0] == 'W' && rest.size() == 3 && digits(rest.substr(1))) {
        const int w = to_int(rest.substr(1));
        const iso_week::year_weeknum_weekday first{iso_week::year{y}, iso_week::weeknum{static_cast<unsigned>(w)},
                                                   iso_week::mon};
        if (!first.ok()) return {};
        const sys_days d0{first};
        return TimeInterval{d0, d0 + days{6}, Precision::week};
    }
    if (rest[0] == 'Q' && rest.size() == 2 && rest[1] >= '1' && rest[1] <= '4') {
        const int q = rest[1] - '0';
        return month_span(y, 3 * q - 2, 3 * q, Precision::quarter);
    }
    if (rest == "SP") return month_span(y, 3, 5, Precision::season);
    if (rest == "SU") return month_span(y, 6, 8, Precision::season);
    if (rest == "FA") return month_span(y, 9, 11, Precision::season);
    if (rest == "WI") {   // winter straddles the year: December to February
        const year_month_day first{year{y}, month{12}, day{1}};
        const year_month_day last{year_month_day_last{year{y + 1}, month_day_last{month{2}}}};
        return span(first, last, Precision::season);
    }
    if (rest.size() >= 2 && digits(rest.substr(0, 2))) {
        const int m = to_int(rest.substr(0, 2));
        if (m < 1 || m > 12) return {};
        if (rest.size() == 2) return month_span(y, m, m, Precision::month);
        if (rest.size() == 5 && rest[2] == '-' && digits(rest.substr(3, 2))) {
            const year_month_day d{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(to_int(rest.substr(3, 2)))}};
            if (!d.ok()) return {};
            return span(d, d, Precision::day);
        }
    }
    return {};
}

const char* to_string(Precision p) {
    switch (p) {
    case Precision::day: return "day";
    case Precision::week: return "week";
    case Precision::month: return "month";
    case Precision::quarter: return "quarter";
    case Precision::season: return "season";
    case Precision::year: return "year";
    case Precision::decade: return "decade";
    case Precision::century: return "century";
    case Precision::vague: return "vague";
    case Precision::none: return "none";
    }
    return "none";
}

std::string timeline_date(const TimeInterval& t) {
    if (!t.known()) return "XXXX-XX-XX";
    const std::string a = iso_day(t.first), b = iso_day(t.last);
    if (a == b) return a;
    if (a.substr(0, 7) == b.substr(0, 7)) return a.substr(0, 7) + "-XX";
    if (a.substr(0, 4) == b.substr(0, 4)) return a.substr(0, 4) + "-XX-XX";
    return "XXXX-XX-XX";
}

std::string iso_day(date::sys_days d) {
    return date::format("%F", d);
}

} // namespace storyline
