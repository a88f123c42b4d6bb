// vis-timeline items and groups (the `timeline --format vis` variant): ISO day strings, an
// exclusive end one day after the last day for ranges, one group per thread / event type.
#include "exporters/timelinejs_exporter.hpp"

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <map>

namespace storyline {

void write_vis_timeline_json(const std::vector<EventView>& views, std::ostream& out) {
    const std::vector<std::string> ids = slide_ids(views);
    // Group ids are slugs of the group names, in order of first appearance on the timeline.
    std::map<std::string, std::string> group_ids;
    std::vector<std::string> group_order;
    for (const EventView& ev : views) {
        if (group_ids.emplace(ev.group, "g-" + slug(ev.group)).second) group_order.push_back(ev.group);
    }
    rapidjson::OStreamWrapper os(out);
    rapidjson::PrettyWriter<rapidjson::OStreamWrapper> w(os);
    w.SetIndent(' ', 1);
    w.StartObject();
    w.Key("items");
    w.StartArray();
    for (std::size_t i = 0; i < views.size(); ++i) {
        const EventView& ev = views[i];
        const NodeProps& n = *ev.node;
        const bool range = n.when.first != n.when.last;
        w.StartObject();
        w.Key("id");
        w.String(ids[i]);
        w.Key("content");
        w.String(html_escaped(n.label.empty() ? n.event_type : n.label));   // vis renders content as HTML
        w.Key("start");
        w.String(iso_day(n.when.first));
        if (range) {
            // vis-timeline ends are instants: the range closes at midnight after the last day.
            w.Key("end");
            w.String(iso_day(n.when.last + date::days{1}));
        }
        w.Key("type");
        w.String(range ? "range" : "box");
        w.Key("group");
        w.String(group_ids[ev.group]);
        std::string title = ev.display_date.empty() ? iso_day(n.when.first) : ev.display_date;
        std::vector<const NodeProps*> who = ev.agents;
        who.insert(who.end(), ev.targets.begin(), ev.targets.end());
        who.insert(who.end(), ev.involved.begin(), ev.involved.end());
        for (std::size_t k = 0; k < who.size(); ++k) title += (k ? ", " : " \u2014 ") + who[k]->label;
        w.Key("title");
        w.String(html_escaped(title));
        w.Key("sources");
        w.Int(std::max(n.sources, static_cast<int>(ev.sources.size())));
        w.EndObject();
    }
    w.EndArray();
    w.Key("groups");
    w.StartArray();
    int order = 1;
    for (const std::string& name : group_order) {
        w.StartObject();
        w.Key("id");
        w.String(group_ids[name]);
        w.Key("content");
        w.String(html_escaped(name));
        w.Key("order");
        w.Int(order++);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

} // namespace storyline
