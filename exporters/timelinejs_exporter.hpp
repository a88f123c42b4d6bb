#pragma once
#include "exporters/exporter.hpp"

namespace storyline {

// TimelineJS3 JSON: one slide per dated event, a date object with the event's real precision
// (a month is {year, month}, a week is a range of days with a display_date), grouped by event
// type, sources as links. See docs/exporters.md and ../shared/docs/timeline-json.md.
class TimelinejsExporter final : public Exporter {
public:
    std::string_view name() const override { return "timeline"; }
    std::string_view extension() const override { return "json"; }
    std::string_view description() const override { return "TimelineJS3 JSON for the web"; }
    void write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const override;
}; // class TimelinejsExporter

} // namespace storyline
