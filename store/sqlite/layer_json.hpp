#pragma once
// An article's annotation layers as compact JSON arrays, one column per layer (schema v2).
// One row per article instead of one per mention: the writer did ~800,000 B-tree inserts for
// the Reuters set and spent 8 of 15 seconds there. JSON (not a private binary format) keeps
// the database readable with plain SQL: the views of schema v2 unpack the arrays with
// json_each, under the table names of v1.
//
// Element layouts (positions are what the views of schema.hpp read):
//   sentence [start, end]
//   timex    [start, end, type, value, mod, freq, relative]
//   entity   [start, end, type, key, canonical, kb_id, confidence]
//   event    [start, end, sentence_start, sentence_end, type, lemma, summary, [agents],
//             [targets], [places], timex, time_value, time_source, modality, confidence]
//            where summary is null when it is the sentence's own bytes in the article text
//            (schema v4; a v3 row's string reads the same)
#include "core/model/annotation.hpp"

#include <array>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace storyline::layer_json {

// The four layers of a document, encoded one after the other into one buffer: one allocation
// per article instead of four.
class EncodedLayers {
public:
    explicit EncodedLayers(const Document& doc);
    [[nodiscard]] std::string_view sentences() const { return part(0); }
    [[nodiscard]] std::string_view timexes() const { return part(1); }
    [[nodiscard]] std::string_view entities() const { return part(2); }
    [[nodiscard]] std::string_view events() const { return part(3); }

private:
    [[nodiscard]] std::string_view part(std::size_t i) const {
        return std::string_view(m_text).substr(m_ends[i], m_ends[i + 1] - m_ends[i]);
    }
    std::string m_text;
    std::array<std::size_t, 5> m_ends{};   // layer i is m_text[m_ends[i], m_ends[i + 1])
};

// Fill the layer of `doc` from its JSON; throw LayerError on text that is not such a layer
// (a database edited by hand, or damaged).
void decode_sentences(std::string_view json, Document& doc);
void decode_timexes(std::string_view json, Document& doc);
void decode_entities(std::string_view json, Document& doc);
void decode_events(std::string_view json, Document& doc);

// Number of items in a layer's JSON array, and (for the entity layer) each mention's type and
// key, without building the mentions: what counting the store needs.
std::size_t count_items(std::string_view json);
void for_each_entity_key(std::string_view json, const std::function<void(std::string_view type, std::string_view key)>& fn);

struct LayerError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace storyline::layer_json
