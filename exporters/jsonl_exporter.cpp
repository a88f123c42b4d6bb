#include "exporters/jsonl_exporter.hpp"

#include "exporters/event_view.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/writer.h>

namespace storyline {
namespace {

using Writer = rapidjson::Writer<rapidjson::OStreamWrapper>;

void string_or_null(Writer& w, const char* key, const std::string& value) {
    w.Key(key);
    if (value.empty()) w.Null();
    else w.String(value);
}

void write_participants(Writer& w, const EventView& ev) {
    w.Key("participants");
    w.StartArray();
    for (const auto& [role, list] : {std::pair{"agent", &ev.agents}, std::pair{"target", &ev.targets},
                                     std::pair{"involved", &ev.involved}}) {
        for (const NodeProps* p : *list) {
            w.StartObject();
            w.Key("id");
            w.String(p->id);
            w.Key("label");
            w.String(p->label);
            w.Key("kind");
            w.String(to_string(p->kind));
            w.Key("role");
            w.String(role);
            w.EndObject();
        }
    }
    w.EndArray();
    w.Key("places");
    w.StartArray();
    for (const NodeProps* p : ev.places) {
        w.StartObject();
        w.Key("id");
        w.String(p->id);
        w.Key("label");
        w.String(p->label);
        if (!p->country.empty()) {
            w.Key("country");
            w.String(p->country);
        }
        if (p->latitude && p->longitude) {
            w.Key("latitude");
            w.Double(*p->latitude);
            w.Key("longitude");
            w.Double(*p->longitude);
        }
        w.EndObject();
    }
    w.EndArray();
}

} // namespace

void JsonlExporter::write(const StoryGraph& graph, std::ostream& out, const ExportOptions&) const {
    for (const EventView& ev : event_views(graph, true)) {
        const NodeProps& n = *ev.node;
        rapidjson::OStreamWrapper os(out);
        Writer w(os);
        w.StartObject();
        w.Key("id");
        w.String(n.id);
        string_or_null(w, "date", n.date);
        string_or_null(w, "start", n.when.known() ? iso_day(n.when.first) : std::string());
        string_or_null(w, "end", n.when.known() ? iso_day(n.when.last) : std::string());
        w.Key("precision");
        w.String(to_string(n.when.precision));
        string_or_null(w, "display_date", ev.display_date);
        string_or_null(w, "type", n.event_type);
        w.Key("label");
        w.String(n.label);
        string_or_null(w, "summary", n.summary);
        string_or_null(w, "modality", n.modality);
        string_or_null(w, "thread", n.thread);
        string_or_null(w, "time_source", n.time_source);
        w.Key("confidence");
        w.Double(n.confidence);
        write_participants(w, ev);
        w.Key("source_count");
        w.Int(n.sources);
        w.Key("sources");
        w.StartArray();
        for (const SourceRef& s : ev.sources) {
            w.StartObject();
            w.Key("article");
            w.String(s.id);
            w.Key("title");
            w.String(s.title);
            string_or_null(w, "url", s.url);
            string_or_null(w, "published", s.published);
            string_or_null(w, "lang", s.lang);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        out << '\n';
    }
}

} // namespace storyline
