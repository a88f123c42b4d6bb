#pragma once
#include "exporters/exporter.hpp"

namespace storyline {

// One self-contained HTML page: the TimelineJS3 library and stylesheet inlined (compiled into
// the binary, see viewer_assets.hpp), the timeline data, and beside the timeline a panel with
// the actors, places and sources of the selected event. Nothing is fetched at view time.
class HtmlExporter final : public Exporter {
public:
    std::string_view name() const override { return "html"; }
    std::string_view extension() const override { return "html"; }
    std::string_view description() const override {
        return "Self-contained HTML timeline viewer (TimelineJS3 inlined, actors of the selected event)";
    }
    void write(const StoryGraph& graph, std::ostream& out, const ExportOptions& options) const override;
}; // class HtmlExporter

// Copies JavaScript or CSS into a <script>/<style> element: "</" becomes "<\/" so the text
// cannot close the element early (equivalent inside JS strings, regexes and CSS).
void write_raw_text_element_body(std::ostream& out, std::string_view text);

} // namespace storyline
