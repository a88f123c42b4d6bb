#include "exporters/timelinejs_exporter.hpp"

#include "exporters/xml_writer.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/writer.h>

#include <set>

namespace storyline {
namespace {

// Only the parts a precision knows: a month is {year, month}, never a fake first day.
template <class Writer>
void write_date(Writer& w, date::sys_days d, Precision p) {
    const date::year_month_day ymd{d};
    w.StartObject();
    w.Key("year");
    w.Int(static_cast<int>(ymd.year()));
    if (p != Precision::year && p != Precision::decade && p != Precision::century) {
        w.Key("month");
        w.Int(static_cast<int>(static_cast<unsigned>(ymd.month())));
        if (p == Precision::day || p == Precision::week) {
            w.Key("day");
            w.Int(static_cast<int>(static_cast<unsigned>(ymd.day())));
        }
    }
    w.EndObject();
}

// A month or a year is one slot of its own precision; anything else wider than a day is a range.
bool needs_end(Precision p) {
    return p == Precision::week || p == Precision::quarter || p == Precision::season || p == Precision::decade ||
           p == Precision::century;
}

std::string html(std::string_view s) { return html_escaped(s); }

std::string label_list(const std::vector<const NodeProps*>& nodes) {
    std::string s;
    for (const NodeProps* n : nodes) s += (s.empty() ? "" : ", ") + html(n->label);
    return s;
}

std::string slide_text(const EventView& ev) {
    const NodeProps& n = *ev.node;
    std::string body = "<p>" + html(n.summary.empty() ? n.label : n.summary) + "</p>";
    std::vector<const NodeProps*> who = ev.agents;
    who.insert(who.end(), ev.targets.begin(), ev.targets.end());
    who.insert(who.end(), ev.involved.begin(), ev.involved.end());
    if (!who.empty()) body += "<p><b>Who:</b> " + label_list(who) + "</p>";
    if (!ev.places.empty()) body += "<p><b>Where:</b> " + label_list(ev.places) + "</p>";
    if (!n.modality.empty() && n.modality != "asserted") body += "<p><i>" + html(n.modality) + "</i></p>";
    body += "<p><b>Sources (" + std::to_string(std::max<std::size_t>(static_cast<std::size_t>(n.sources), ev.sources.size())) +
            "):</b></p><ul>";
    for (const SourceRef& s : ev.sources) {
        const std::string title = html(s.title);
        body += "<li>";
        body += s.url.empty() ? title : "<a href=\"" + html(s.url) + "\">" + title + "</a>";
        if (!s.published.empty()) body += " (" + html(s.published.substr(0, 10)) + ")";
        body += "</li>";
    }
    body += "</ul>";
    return body;
}

template <class Writer>
void write_timeline(Writer& w, const StoryGraph& graph, const std::vector<EventView>& views,
                    const ExportOptions& options) {
    std::size_t articles = 0;
    std::size_t dated = 0;
    const auto& g = graph.impl();
    for (auto [it, end] = boost::vertices(g); it != end; ++it) {
        articles += g[*it].kind == NodeKind::article;
        dated += g[*it].kind == NodeKind::event && g[*it].when.known();
    }
    const std::vector<std::string> ids = slide_ids(views);
    w.StartObject();
    w.Key("title");
    w.StartObject();
    w.Key("text");
    w.StartObject();
    w.Key("headline");
    w.String(options.title);
    w.Key("text");
    if (views.size() < dated) {
        w.String("<p>The " + std::to_string(views.size()) + " most reported of " + std::to_string(dated) +
                 " dated events from " + std::to_string(articles) +
                 " articles (every event: <code>--max-events 0</code>, or the graph exports).</p>");
    } else {
        w.String("<p>" + std::to_string(views.size()) + " dated events from " + std::to_string(articles) + " articles.</p>");
    }
    w.EndObject();
    w.Key("unique_id");
    w.String("title");
    w.EndObject();
    w.Key("events");
    w.StartArray();
    for (std::size_t i = 0; i < views.size(); ++i) {
        const EventView& ev = views[i];
        const NodeProps& n = *ev.node;
        w.StartObject();
        w.Key("start_date");
        write_date(w, n.when.first, n.when.precision);
        if (needs_end(n.when.precision)) {
            w.Key("end_date");
            write_date(w, n.when.last, n.when.precision == Precision::week ? Precision::day : n.when.precision);
        }
        if (!ev.display_date.empty()) {
            w.Key("display_date");
            w.String(ev.display_date);
        }
        w.Key("text");
        w.StartObject();
        w.Key("headline");
        w.String(n.label.empty() ? n.event_type : n.label);
        w.Key("text");
        w.String(slide_text(ev));
        w.EndObject();
        w.Key("group");
        w.String(ev.group);
        w.Key("unique_id");
        w.String(ids[i]);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

} // namespace

std::vector<std::string> slide_ids(const std::vector<EventView>& views) {
    std::set<std::string> used{"title"};
    std::vector<std::string> ids;
    ids.reserve(views.size());
    for (const EventView& ev : views) {
        const std::string base = slug(ev.node->id);
        std::string id = base;
        for (int k = 2; !used.insert(id).second; ++k) id = base + "-" + std::to_string(k);
        ids.push_back(id);
    }
    return ids;
}

void write_timelinejs_json(const StoryGraph& graph, const std::vector<EventView>& views, std::ostream& out,
                           const ExportOptions& options, unsigned indent) {
    rapidjson::OStreamWrapper os(out);
    if (indent == 0) {
        rapidjson::Writer<rapidjson::OStreamWrapper> w(os);
        write_timeline(w, graph, views, options);
    } else {
        rapidjson::PrettyWriter<rapidjson::OStreamWrapper> w(os);
        w.SetIndent(' ', indent);
        write_timeline(w, graph, views, options);
    }
}

void TimelinejsExporter::write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const {
    if (options.format_variant == "vis") write_vis_timeline_json(event_views(graph), out);
    else write_timelinejs_json(graph, most_reported(event_views(graph), options.max_slides), out, options, 1);
    out << '\n';
}

} // namespace storyline
