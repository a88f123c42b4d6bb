#include "exporters/html_exporter.hpp"

#include "exporters/event_view.hpp"
#include "exporters/timelinejs_exporter.hpp"
#include "exporters/viewer_assets.hpp"
#include "exporters/xml_writer.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <map>
#include <sstream>

namespace storyline {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void person_list(JsonWriter& w, const char* role, const std::vector<const NodeProps*>& nodes) {
    for (const NodeProps* p : nodes) {
        w.StartObject();
        w.Key("label");
        w.String(p->label);
        w.Key("kind");
        w.String(to_string(p->kind));
        w.Key("role");
        w.String(role);
        w.EndObject();
    }
}

// Per slide: who, where and which articles, for the side panel. The title slide gets the
// actors taking part in the most events.
void write_panels(JsonWriter& w, const std::vector<EventView>& views, const std::vector<std::string>& ids) {
    w.StartObject();
    std::map<const NodeProps*, int> event_count;
    for (std::size_t i = 0; i < views.size(); ++i) {
        const EventView& ev = views[i];
        w.Key(ids[i].c_str(), static_cast<rapidjson::SizeType>(ids[i].size()));
        w.StartObject();
        w.Key("headline");
        w.String(ev.node->label);
        w.Key("date");
        w.String(ev.display_date.empty() ? iso_day(ev.node->when.first) : ev.display_date);
        w.Key("type");
        w.String(ev.node->event_type);
        w.Key("who");
        w.StartArray();
        person_list(w, "agent", ev.agents);
        person_list(w, "target", ev.targets);
        person_list(w, "involved", ev.involved);
        w.EndArray();
        w.Key("where");
        w.StartArray();
        person_list(w, "place", ev.places);
        w.EndArray();
        w.Key("sources");
        w.StartArray();
        for (const SourceRef& s : ev.sources) {
            w.StartObject();
            w.Key("title");
            w.String(s.title);
            w.Key("url");
            w.String(s.url);
            w.Key("published");
            w.String(s.published.substr(0, std::min<std::size_t>(10, s.published.size())));
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        for (const auto* list : {&ev.agents, &ev.targets, &ev.involved}) {
            for (const NodeProps* p : *list) ++event_count[p];
        }
    }
    std::vector<std::pair<const NodeProps*, int>> top(event_count.begin(), event_count.end());
    std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        return std::tie(a.first->label, a.first->id) < std::tie(b.first->label, b.first->id);
    });
    if (top.size() > 20) top.resize(20);
    w.Key("title");
    w.StartObject();
    w.Key("headline");
    w.String("Main actors");
    w.Key("who");
    w.StartArray();
    for (const auto& [p, n] : top) {
        w.StartObject();
        w.Key("label");
        w.String(p->label);
        w.Key("kind");
        w.String(to_string(p->kind));
        w.Key("role");
        w.String(std::to_string(n) + (n == 1 ? " event" : " events"));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.EndObject();
}

// JSON inside <script type="application/json">: every '<' as \u003c, so no "</script>" or
// "<!--" can appear; JSON.parse reads it back unchanged.
void write_json_for_script(std::ostream& out, std::string_view json) {
    for (const char c : json) {
        if (c == '<') out << "\\u003c";
        else out << c;
    }
}

constexpr std::string_view page_style = R"css(
html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
body { display: flex; flex-direction: column; }
#sl-header { padding: 6px 14px; border-bottom: 1px solid #ddd; display: flex; align-items: baseline; gap: 12px; }
#sl-header h1 { font-size: 18px; margin: 0; }
#sl-header span { color: #666; font-size: 13px; }
#sl-main { flex: 1; display: flex; min-height: 0; }
#sl-timeline { flex: 1; min-width: 0; height: 100%; }
#sl-panel { width: 300px; overflow-y: auto; border-left: 1px solid #ddd; padding: 8px 14px; font-size: 14px; background: #fafafa; }
#sl-panel h2 { font-size: 15px; margin: 4px 0 2px; }
#sl-panel h3 { font-size: 12px; text-transform: uppercase; color: #777; margin: 12px 0 4px; }
#sl-panel ul { list-style: none; padding: 0; margin: 0; }
#sl-panel li { padding: 2px 0; }
#sl-panel .sl-kind { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 6px; }
#sl-panel .sl-role { color: #888; font-size: 12px; margin-left: 4px; }
#sl-panel .sl-date { color: #555; font-size: 13px; }
.sl-person { background: #4285f4; } .sl-organization { background: #34a853; } .sl-location { background: #fbbc05; }
.sl-misc { background: #ab47bc; } .sl-place { background: #fbbc05; }
#sl-empty { padding: 40px; color: #666; }
)css";

constexpr std::string_view page_script = R"js(
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("sl-data").textContent);
  var panel = document.getElementById("sl-panel");
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function section(title, items, render) {
    if (!items || !items.length) return;
    panel.appendChild(el("h3", "", title));
    var ul = el("ul");
    items.forEach(function (x) { ul.appendChild(render(x)); });
    panel.appendChild(ul);
  }
  function entity(x) {
    var li = el("li");
    li.appendChild(el("span", "sl-kind sl-" + x.kind));
    li.appendChild(document.createTextNode(x.label));
    li.appendChild(el("span", "sl-role", x.role));
    return li;
  }
  function source(x) {
    var li = el("li");
    var a = el(x.url ? "a" : "span", "", x.title);
    if (x.url) { a.href = x.url; a.target = "_blank"; a.rel = "noopener"; }
    li.appendChild(a);
    if (x.published) li.appendChild(el("span", "sl-role", x.published));
    return li;
  }
  function show(id) {
    var p = data.panels[id] || data.panels.title;
    panel.textContent = "";
    panel.setAttribute("data-slide", id || "title");
    panel.appendChild(el("h2", "", p.headline));
    if (p.date) panel.appendChild(el("div", "sl-date", p.date + (p.type ? " \u00b7 " + p.type : "")));
    section(id && id !== "title" ? "Actors" : "Most frequent actors", p.who, entity);
    section("Where", p.where, entity);
    section("Sources", p.sources, source);
  }
  show("title");
  if (!data.timeline.events.length) {
    document.getElementById("sl-timeline").appendChild(el("p", "", "No dated events to show."));
    document.getElementById("sl-timeline").id = "sl-empty";
    return;
  }
  var timeline = new TL.Timeline("sl-timeline", data.timeline, {
    font: null, theme: null, hash_bookmark: true, initial_zoom: 2, timenav_height_percentage: 35
  });
  timeline.on("change", function (e) { show(e.unique_id); });
  window.storylineTimeline = timeline;
})();
)js";

} // namespace

void write_raw_text_element_body(std::ostream& out, std::string_view text) {
    std::size_t from = 0;
    for (std::size_t at = text.find("</"); at != std::string_view::npos; at = text.find("</", at + 2)) {
        out << text.substr(from, at - from) << "<\\/";
        from = at + 2;
    }
    out << text.substr(from);
}

void HtmlExporter::write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const {
    const std::vector<EventView> views = most_reported(event_views(graph), options.max_slides);
    const std::vector<std::string> ids = slide_ids(views);
    std::ostringstream timeline;
    write_timelinejs_json(graph, views, timeline, options, 0);
    rapidjson::StringBuffer panels;
    JsonWriter pw(panels);
    write_panels(pw, views, ids);

    const std::string title = xml_escaped(options.title);
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"storyline\">\n<title>" << title << "</title>\n<!-- ";
    // The library's licence note, as the MPL asks; "--" cannot occur in it.
    out << viewer_library_note().substr(0, viewer_library_note().find('\n')) << " -->\n<style>\n";
    write_raw_text_element_body(out, viewer_css());
    out << "\n</style>\n<style>";
    out << page_style;
    out << "</style>\n</head>\n<body>\n<header id=\"sl-header\"><h1>" << title << "</h1><span>" << views.size()
        << " dated events</span></header>\n"
        << "<div id=\"sl-main\"><div id=\"sl-timeline\"></div><aside id=\"sl-panel\"></aside></div>\n"
        << "<script type=\"application/json\" id=\"sl-data\">{\"timeline\":";
    write_json_for_script(out, timeline.str());
    out << ",\"panels\":";
    write_json_for_script(out, std::string_view(panels.GetString(), panels.GetSize()));
    out << "}</script>\n<script>\n";
    write_raw_text_element_body(out, viewer_js());
    out << "\n</script>\n<script>";
    out << page_script;
    out << "</script>\n</body>\n</html>\n";
}

} // namespace storyline
