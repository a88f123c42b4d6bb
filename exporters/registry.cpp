#include "exporters/registry.hpp"

#include "exporters/graphml_exporter.hpp"
#include "exporters/timelinejs_exporter.hpp"

#include <array>

namespace storyline {

std::span<const Exporter* const> all_exporters() {
    static const GraphmlExporter graphml;
    static const TimelinejsExporter timeline;
    static const std::array<const Exporter*, 2> table{&graphml, &timeline};
    return table;
}

const Exporter* exporter_by_name(std::string_view name) {
    for (const Exporter* e : all_exporters()) {
        if (e->name() == name) return e;
    }
    return nullptr;
}

} // namespace storyline
