#pragma once
#include "importers/importer.hpp"

namespace storyline {

// A saved web page: the article body without page furniture (html_maintext), title, date,
// language, URL and author from the page's own metadata (html_metadata).
class HtmlImporter final : public Importer {
public:
    std::string_view name() const override { return "html"; }
    int sniff(std::string_view bytes, const SourceInfo& src) const override;
    ImportResult parse(std::string_view bytes, const SourceInfo& src) const override;
}; // class HtmlImporter

// The main text of an HTML fragment or page (feeds carry HTML in their items).
std::string html_to_text(std::string_view utf8_html);

} // namespace storyline
