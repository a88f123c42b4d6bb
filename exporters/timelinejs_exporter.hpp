#pragma once
#include "exporters/event_view.hpp"
#include "exporters/exporter.hpp"

#include <map>

namespace storyline {

// TimelineJS3 JSON: one slide per dated event, a date object with the event's real precision
// (a month is {year, month}, a week is a range of days), a display_date for anything coarser
// than a day, group = story thread else event type, sources as links, slug-form unique ids.
// --format vis writes vis-timeline {items, groups} instead. See docs/exporters.md and
// ../shared/docs/timeline-json.md.
class TimelinejsExporter final : public Exporter {
public:
    std::string_view name() const override { return "timeline"; }
    std::string_view extension() const override { return "json"; }
    std::string_view description() const override {
        return "TimelineJS3 JSON for the web (--format vis: vis-timeline items and groups)";
    }
    bool accepts_variant(std::string_view v) const override { return v.empty() || v == "timelinejs" || v == "vis"; }
    void write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const override;
}; // class TimelinejsExporter

// The slide id of each event view (slug of the node id, made unique), in view order.
std::vector<std::string> slide_ids(const std::vector<EventView>& views);

// The TimelineJS3 data object alone (used by the HTML viewer too); `indent` 0 = one line.
void write_timelinejs_json(const StoryGraph& graph, const std::vector<EventView>& views, std::ostream& out,
                           const ExportOptions& options, unsigned indent);

// vis-timeline {items, groups}.
void write_vis_timeline_json(const std::vector<EventView>& views, std::ostream& out);

} // namespace storyline
