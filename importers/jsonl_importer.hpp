#pragma once
#include "importers/importer.hpp"

namespace storyline {

// JSON Lines: one article record a line. A broken line is reported and skipped.
class JsonlImporter final : public Importer {
public:
    std::string_view name() const override { return "jsonl"; }
    int sniff(std::string_view bytes, const SourceInfo& src) const override;
    ImportResult parse(std::string_view bytes, const SourceInfo& src) const override;
}; // class JsonlImporter

} // namespace storyline
