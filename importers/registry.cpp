#include "importers/registry.hpp"

#include "importers/feed_importer.hpp"
#include "importers/html_importer.hpp"
#include "importers/json_importer.hpp"
#include "importers/jsonl_importer.hpp"
#include "importers/text_importer.hpp"

#include <array>

namespace storyline {

std::span<const Importer* const> all_importers() {
    static const JsonImporter json;
    static const JsonlImporter jsonl;
    static const FeedImporter feed;
    static const HtmlImporter html;
    static const TextImporter text;
    // Order breaks ties between equal sniff scores: the more specific format first.
    static const std::array<const Importer*, 5> table{&json, &jsonl, &feed, &html, &text};
    return table;
}

const Importer* pick_importer(std::string_view bytes, const SourceInfo& src) {
    const Importer* best = nullptr;
    int best_score = 0;
    for (const Importer* imp : all_importers()) {
        const int score = imp->sniff(bytes, src);
        if (score > best_score) {
            best = imp;
            best_score = score;
        }
    }
    return best;
}

const Importer* importer_by_name(std::string_view name) {
    for (const Importer* imp : all_importers()) {
        if (imp->name() == name) return imp;
    }
    return nullptr;
}

} // namespace storyline
