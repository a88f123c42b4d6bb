#pragma once
// A TIMEX3 value read as a calendar interval with a precision, so that "2022-W01" includes
// "2022-01-06" and neither is before the other.
#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace storyline {

enum class Precision { day, week, month, quarter, season, year, decade, century, vague, none };

struct TimeInterval {
    date::sys_days first{};   // first day inside the interval
    date::sys_days last{};    // last day inside the interval (inclusive)
    Precision precision = Precision::none;

    [[nodiscard]] bool known() const { return precision != Precision::none && precision != Precision::vague; }
    [[nodiscard]] bool includes(const TimeInterval& o) const {
        return known() && o.known() && first <= o.first && o.last <= last;
    }
    [[nodiscard]] bool before(const TimeInterval& o) const {
        return known() && o.known() && last < o.first;
    }
    [[nodiscard]] bool overlaps(const TimeInterval& o) const {
        return known() && o.known() && first <= o.last && o.first <= last;
    }
    // Nested either way: the same real event may be dated by its day in one article and by its
    // week in another, but never by two different days.
    [[nodiscard]] bool compatible(const TimeInterval& o) const { return includes(o) || o.includes(*this); }
    [[nodiscard]] bool same_days(const TimeInterval& o) const {
        return known() && o.known() && first == o.first && last == o.last;
    }
    [[nodiscard]] int length_days() const { return known() ? static_cast<int>((last - first).count()) + 1 : 0; }
};

// The day an interval can be written as on a SemEval-style timeline: "2008-03-01", "2008-03-XX"
// (a month, or a week inside one month), "2008-XX-XX" (a year or anything inside one year),
// "XXXX-XX-XX" otherwise.
std::string timeline_date(const TimeInterval& t);

// Parses fully specified TIMEX3 date values: YYYY-MM-DD(Thh:mm...), YYYY-Www, YYYY-MM,
// YYYY-Qn, YYYY-SP/SU/FA/WI, YYYY, YYY (decade), YY (century). Anything else (PAST_REF,
// XXXX-01-19, durations) gives Precision::vague or none.
TimeInterval interval_from_timex(std::string_view value);

const char* to_string(Precision p);
std::string iso_day(date::sys_days d);

} // namespace storyline
