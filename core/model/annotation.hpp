#pragma once
// Annotation layers produced by the annotators (annotators/) and kept in the store.
// All offsets are UTF-8 byte offsets into Article::text.
#include "core/model/article.hpp"
#include "core/model/span.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

struct Sentence {
    Span span;
};

enum class TimexType { date, time, duration, set };

struct Timex {
    Span span;
    TimexType type = TimexType::date;
    std::string value;       // TIMEX3 value: 2022-01-13, 2022-W01, XXXX-01-19, P2D, PRESENT_REF ...
    std::string mod;         // TIMEX3 mod where given (BEFORE, AFTER, START, ...), else empty
    std::string freq;        // SET frequency ("1X"), else empty
    // true when the value was computed from the document date or the narrative anchor,
    // false when the text itself gave every part of it.
    bool relative = false;
};

enum class EntityType { person, organization, location, misc };

struct EntityMention {
    Span span;
    EntityType type = EntityType::misc;
    std::string key;        // resolution key: mentions with one key are one entity
    std::string canonical;  // display name of the entity ("Vladimir Putin")
    std::string kb_id;      // gazetteer id where linked ("country:KZ", "city:1526384")
    double confidence = 0.5;
};

enum class TimeSource { timex, anchor, document, none };
enum class Modality { asserted, negated, planned, reported, hypothetical };

struct EventMention {
    Span trigger;
    Span sentence;
    std::string type;                 // taxonomy code: "withdraw", "statement", "protest", ...
    std::string lemma;                // trigger lemma from the language's trigger file
    // One line, built from the sentence; empty when it is the sentence's own bytes (most are),
    // which event_summary() reads from the text: no copy of every sentence per event.
    std::string summary;
    std::vector<int> agents;          // indices into Document::entities
    std::vector<int> targets;
    std::vector<int> places;
    int timex = -1;                   // index into Document::timexes when TimeSource::timex
    std::string time_value;           // TIMEX3 value the event is dated by (may be empty)
    TimeSource time_source = TimeSource::none;
    Modality modality = Modality::asserted;
    double confidence = 0.5;
};

// An article with all its annotation layers.
struct Document {
    Article article;
    std::vector<Sentence> sentences;
    std::vector<Timex> timexes;
    std::vector<EntityMention> entities;
    std::vector<EventMention> events;
};

// The summary of `e`, an event of the article whose text is `text`: its own, or its sentence's
// bytes when it has none (empty when that span does not fit the text).
std::string_view event_summary(const EventMention& e, std::string_view text);

const char* to_string(TimexType t);
const char* to_string(EntityType t);
const char* to_string(TimeSource t);
const char* to_string(Modality m);
std::optional<TimexType> timex_type_from(std::string_view s);
std::optional<EntityType> entity_type_from(std::string_view s);
std::optional<TimeSource> time_source_from(std::string_view s);
std::optional<Modality> modality_from(std::string_view s);

} // namespace storyline
