// Publication-date normalisation on arbitrary strings: a result, when there is one, must start
// with a real calendar date YYYY-MM-DD with a year 0001-9999.
#include "fuzz/fuzz_support.hpp"
#include "importers/publication_date.hpp"

#include <date/date.h>

#include <cctype>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace storyline;
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    const auto d = normalise_publication_date(raw);
    if (!d) return 0;
    fuzz::require(d->size() >= 10, "date shorter than YYYY-MM-DD");
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        fuzz::require(std::isdigit(static_cast<unsigned char>((*d)[i])) != 0, "non-digit in YYYY-MM-DD");
    fuzz::require((*d)[4] == '-' && (*d)[7] == '-', "date without dashes");
    fuzz::require(d->substr(0, 4) != "0000", "year 0");
    const int year = std::stoi(d->substr(0, 4));
    const auto month = static_cast<unsigned>(std::stoi(d->substr(5, 2)));
    const auto day = static_cast<unsigned>(std::stoi(d->substr(8, 2)));
    fuzz::require(date::year_month_day(date::year(year), date::month(month), date::day(day)).ok(),
                  "not a calendar date");
    fuzz::require(valid_utf8(*d), "date is not UTF-8");
    return 0;
}
