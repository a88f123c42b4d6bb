#include "exporters/registry.hpp"

#include "exporters/csv_exporter.hpp"
#include "exporters/gexf_exporter.hpp"
#include "exporters/graphml_exporter.hpp"
#include "exporters/html_exporter.hpp"
#include "exporters/jsonl_exporter.hpp"
#include "exporters/timelinejs_exporter.hpp"

#include <array>

namespace storyline {

std::span<const Exporter* const> all_exporters() {
    static const GraphmlExporter graphml;
    static const GexfExporter gexf;
    static const TimelinejsExporter timeline;
    static const CsvExporter csv;
    static const JsonlExporter jsonl;
    static const HtmlExporter html;
    static const std::array<const Exporter*, 6> table{&graphml, &gexf, &timeline, &csv, &jsonl, &html};
    return table;
}

const Exporter* exporter_by_name(std::string_view name) {
    for (const Exporter* e : all_exporters()) {
        if (e->name() == name) return e;
    }
    return nullptr;
}

} // namespace storyline
