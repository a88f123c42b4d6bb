#include "cli/annotate_record.hpp"

#include "core/lang/language_id.hpp"
#include "core/text/utf8.hpp"
#include "core/util/pooled_json.hpp"
#include "importers/publication_date.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace storyline::cli {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_span(JsonWriter& w, std::string_view text, Span s) {
    w.Key("start");
    w.Uint(s.begin);
    w.Key("end");
    w.Uint(s.end);
    w.Key("text");
    const auto t = s.in(text);
    w.String(t.data(), static_cast<rapidjson::SizeType>(t.size()));
}

void write_document(JsonWriter& w, const Document& doc) {
    const std::string_view text = doc.article.text;
    w.StartObject();
    w.Key("id");
    w.String(doc.article.id);
    w.Key("timex");
    w.StartArray();
    for (const auto& t : doc.timexes) {
        w.StartObject();
        write_span(w, text, t.span);
        w.Key("type");
        w.String(to_string(t.type));
        w.Key("value");
        w.String(t.value);
        if (!t.mod.empty()) {
            w.Key("mod");
            w.String(t.mod);
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("entities");
    w.StartArray();
    for (const auto& e : doc.entities) {
        w.StartObject();
        write_span(w, text, e.span);
        w.Key("type");
        w.String(to_string(e.type));
        w.Key("key");
        w.String(e.key);
        if (!e.kb_id.empty()) {
            w.Key("kb_id");
            w.String(e.kb_id);
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("events");
    w.StartArray();
    for (const auto& ev : doc.events) {
        w.StartObject();
        write_span(w, text, ev.trigger);
        w.Key("type");
        w.String(ev.type);
        w.Key("lemma");
        w.String(ev.lemma);
        w.Key("date");
        w.String(ev.time_value);
        w.Key("time_source");
        w.String(to_string(ev.time_source));
        w.Key("modality");
        w.String(to_string(ev.modality));
        for (const auto& [key, list] : {std::pair{"agents", &ev.agents}, std::pair{"targets", &ev.targets},
                                        std::pair{"places", &ev.places}}) {
            w.Key(key);
            w.StartArray();
            for (int i : *list) {
                const auto& m = doc.entities[static_cast<std::size_t>(i)];
                const auto t = m.span.in(text);
                w.String(t.data(), static_cast<rapidjson::SizeType>(t.size()));
            }
            w.EndArray();
        }
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

std::string string_field(const rapidjson::Value& obj, const char* name) {
    auto it = obj.FindMember(name);
    if (it == obj.MemberEnd() || !it->value.IsString()) return {};
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

} // namespace

std::optional<Document> parse_annotate_line(std::string_view line, std::string& error) {
    PooledJson pooled;
    PooledDocument& json = pooled.doc();
    json.Parse(line.data(), line.size());
    if (json.HasParseError() || !json.IsObject()) {
        error = json.HasParseError() ? rapidjson::GetParseError_En(json.GetParseError()) : "not an object";
        return std::nullopt;
    }
    Document doc;
    doc.article.id = string_field(json, "id");
    doc.article.text = repair_utf8(string_field(json, "text"));
    doc.article.lang = string_field(json, "lang");
    if (doc.article.lang.empty()) doc.article.lang = identify_language(doc.article.text);
    if (auto d = normalise_publication_date(string_field(json, "dct"))) doc.article.published = {*d, "record"};
    return doc;
}

std::string annotation_json(const Document& doc) {
    rapidjson::StringBuffer buf;
    JsonWriter w(buf);
    write_document(w, doc);
    return std::string(buf.GetString(), buf.GetSize());
}

} // namespace storyline::cli
