#pragma once
#include "importers/importer.hpp"

namespace storyline {

// Plain text and Markdown: optional YAML front matter (title, date, lang, url, author), first
// non-boilerplate line = title, the rest = body. Boilerplate lines of blog scrapes ("REBLOG",
// "Laisser un commentaire", "Share this:") are listed per language in lang/<code>/boilerplate.txt.
class TextImporter final : public Importer {
public:
    std::string_view name() const override { return "text"; }
    int sniff(std::string_view bytes, const SourceInfo& src) const override;
    ImportResult parse(std::string_view bytes, const SourceInfo& src) const override;
}; // class TextImporter

} // namespace storyline
