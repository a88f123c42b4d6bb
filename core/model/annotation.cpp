#include "core/model/annotation.hpp"

#include <array>
#include <utility>

namespace storyline {
namespace {

template <typename E, std::size_t N>
std::optional<E> parse_enum(std::string_view s, const std::array<std::pair<E, const char*>, N>& names) {
    for (const auto& [value, name] : names) {
        if (s == name) return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
const char* enum_name(E v, const std::array<std::pair<E, const char*>, N>& names) {
    for (const auto& [value, name] : names) {
        if (v == value) return name;
    }
    return "?";
}

constexpr std::array timex_types{std::pair{TimexType::date, "DATE"}, std::pair{TimexType::time, "TIME"},
                                 std::pair{TimexType::duration, "DURATION"}, std::pair{TimexType::set, "SET"}};
constexpr std::array entity_types{std::pair{EntityType::person, "PER"}, std::pair{EntityType::organization, "ORG"},
                                  std::pair{EntityType::location, "LOC"}, std::pair{EntityType::misc, "MISC"}};
constexpr std::array time_sources{std::pair{TimeSource::timex, "timex"}, std::pair{TimeSource::anchor, "anchor"},
                                  std::pair{TimeSource::document, "document"}, std::pair{TimeSource::none, "none"}};
constexpr std::array modalities{std::pair{Modality::asserted, "asserted"}, std::pair{Modality::negated, "negated"},
                                std::pair{Modality::planned, "planned"}, std::pair{Modality::reported, "reported"},
                                std::pair{Modality::hypothetical, "hypothetical"}};

} // namespace

const char* to_string(TimexType t) { return enum_name(t, timex_types); }
const char* to_string(EntityType t) { return enum_name(t, entity_types); }
const char* to_string(TimeSource t) { return enum_name(t, time_sources); }
const char* to_string(Modality m) { return enum_name(m, modalities); }
std::optional<TimexType> timex_type_from(std::string_view s) { return parse_enum(s, timex_types); }
std::optional<EntityType> entity_type_from(std::string_view s) { return parse_enum(s, entity_types); }
std::optional<TimeSource> time_source_from(std::string_view s) { return parse_enum(s, time_sources); }
std::optional<Modality> modality_from(std::string_view s) { return parse_enum(s, modalities); }

std::string_view event_summary(const EventMention& e, std::string_view text) {
    if (!e.summary.empty()) return e.summary;
    if (e.sentence.begin > e.sentence.end || e.sentence.end > text.size()) return {};
    return e.sentence.in(text);
}

} // namespace storyline
