#pragma once
// Publication dates as sources write them, normalised to ISO 8601.
#include <optional>
#include <string>
#include <string_view>

namespace storyline {

// Accepts ISO 8601 (2022-01-14, 2022-01-14T10:05:00+01:00, "2022-01-14 10:05:00"), day-first
// numeric dates (14/01/2022, 14.01.2022) and RFC 822 feed dates ("Fri, 14 Jan 2022 10:05:00
// +0100"). Returns YYYY-MM-DD plus the clock and zone where given; nullopt for anything that is
// not a real calendar date (31 February, year 0 or past 9999).
std::optional<std::string> normalise_publication_date(std::string_view raw);

} // namespace storyline
