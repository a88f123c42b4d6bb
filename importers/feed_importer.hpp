#pragma once
#include "importers/importer.hpp"

namespace storyline {

// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item or entry is an article. The body is
// content:encoded (or Atom content) over description/summary, HTML turned into text; the date
// is pubDate / dc:date / published, else Atom's updated. Parsed with pugixml, which does not
// expand DTD entities (an entity bomb stays a few literal "&name;" strings).
class FeedImporter final : public Importer {
public:
    std::string_view name() const override { return "feed"; }
    int sniff(std::string_view bytes, const SourceInfo& src) const override;
    ImportResult parse(std::string_view bytes, const SourceInfo& src) const override;
}; // class FeedImporter

} // namespace storyline
