#pragma once
#include "importers/importer.hpp"

namespace storyline {

// A .json file holding one article record or an array of them.
class JsonImporter final : public Importer {
public:
    std::string_view name() const override { return "json"; }
    int sniff(std::string_view bytes, const SourceInfo& src) const override;
    ImportResult parse(std::string_view bytes, const SourceInfo& src) const override;
}; // class JsonImporter

} // namespace storyline
