#include "exporters/timelinejs_exporter.hpp"

#include "exporters/xml_writer.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>
#include <map>

namespace storyline {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

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

// What to show instead of a fake precise date.
std::string display_date(const NodeProps& n) {
    switch (n.when.precision) {
    case Precision::week: return "Week of " + iso_day(n.when.first) + " (" + n.date + ")";
    case Precision::quarter:
    case Precision::season:
    case Precision::decade:
    case Precision::century: return n.date;
    default: return {};
    }
}

bool needs_end(Precision p) {
    return p == Precision::week || p == Precision::quarter || p == Precision::season || p == Precision::decade ||
           p == Precision::century;
}

std::string html_escaped(std::string_view s) { return xml_escaped(s); }

} // namespace

void TimelinejsExporter::write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const {
    const auto& g = graph.impl();
    // Article titles and links by article id, for the sources of each event.
    std::map<std::string, const NodeProps*> articles_by_article_id;
    std::vector<Vertex> events;
    std::size_t article_count = 0;
    for (const Vertex v : graph.nodes_sorted()) {
        const NodeProps& n = g[v];
        if (n.kind == NodeKind::article) ++article_count;
        if (n.kind == NodeKind::event && n.when.known()) events.push_back(v);
    }
    // Chronological order (TimelineJS sorts too; this keeps the file readable and stable).
    std::stable_sort(events.begin(), events.end(), [&](Vertex a, Vertex b) {
        return std::tie(g[a].when.first, g[a].id) < std::tie(g[b].when.first, g[b].id);
    });

    rapidjson::OStreamWrapper os(out);
    Writer w(os);
    w.SetIndent(' ', 1);
    w.StartObject();
    w.Key("title");
    w.StartObject();
    w.Key("text");
    w.StartObject();
    w.Key("headline");
    w.String(options.title);
    w.Key("text");
    w.String("<p>" + std::to_string(events.size()) + " dated events from " + std::to_string(article_count) +
             " articles.</p>");
    w.EndObject();
    w.Key("unique_id");
    w.String("title");
    w.EndObject();
    w.Key("events");
    w.StartArray();
    for (const Vertex v : events) {
        const NodeProps& n = g[v];
        w.StartObject();
        w.Key("start_date");
        write_date(w, n.when.first, n.when.precision);
        if (needs_end(n.when.precision)) {
            w.Key("end_date");
            write_date(w, n.when.last, n.when.precision == Precision::week ? Precision::day : n.when.precision);
        }
        if (const std::string dd = display_date(n); !dd.empty()) {
            w.Key("display_date");
            w.String(dd);
        }
        // Participants and sources, from the graph's edges.
        std::vector<std::string> who, where, sources;
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
            const NodeProps& t = g[boost::target(*it, g)];
            if (g[*it].relation == Relation::target) who.push_back(t.label);
            else if (g[*it].relation == Relation::located_in) where.push_back(t.label);
            else if (g[*it].relation == Relation::reported_by) {
                const std::string title = html_escaped(t.title.empty() ? t.label : t.title);
                sources.push_back(t.url.empty() ? title : "<a href=\"" + html_escaped(t.url) + "\">" + title + "</a>");
            }
        }
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
            if (g[*it].relation == Relation::agent) who.insert(who.begin(), g[boost::source(*it, g)].label);
        }
        std::string body = "<p>" + html_escaped(n.summary) + "</p>";
        if (!who.empty()) {
            body += "<p><b>Who:</b> ";
            for (std::size_t i = 0; i < who.size(); ++i) body += (i ? ", " : "") + html_escaped(who[i]);
            body += "</p>";
        }
        if (!where.empty()) {
            body += "<p><b>Where:</b> ";
            for (std::size_t i = 0; i < where.size(); ++i) body += (i ? ", " : "") + html_escaped(where[i]);
            body += "</p>";
        }
        if (n.modality != "asserted" && !n.modality.empty()) body += "<p><i>" + n.modality + "</i></p>";
        body += "<p><b>Sources (" + std::to_string(n.sources) + "):</b> ";
        for (std::size_t i = 0; i < sources.size(); ++i) body += (i ? "; " : "") + sources[i];
        body += "</p>";
        w.Key("text");
        w.StartObject();
        w.Key("headline");
        w.String(n.label);
        w.Key("text");
        w.String(body);
        w.EndObject();
        w.Key("group");
        w.String(n.event_type.empty() ? "event" : n.event_type);
        w.Key("unique_id");
        w.String(n.id);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out << '\n';
}

} // namespace storyline
