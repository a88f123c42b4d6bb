#pragma once
// Builds the story graph from annotated documents: article, entity and event nodes, mentions
// resolved to entities by their key, event mentions of the same real event merged across
// articles, and chronology edges. Keeps only what the graph needs from each document, so memory
// grows with the graph, not with the text.
#include "core/graph/chronology.hpp"
#include "core/graph/event_merging.hpp"
#include "core/graph/story_graph.hpp"
#include "core/model/annotation.hpp"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace storyline {

struct PlaceFacts {
    std::string name, country;
    std::optional<double> latitude, longitude;
};
using PlaceLookup = std::function<std::optional<PlaceFacts>(const std::string& kb_id)>;

class GraphBuilder {
public:
    explicit GraphBuilder(PlaceLookup places = {});
    // Documents may come in any order; the graph depends only on their content.
    void add(const Document& doc, const std::vector<std::string>& source_urls = {});
    // Moves what add() gathered into the graph: called once, it leaves the builder empty.
    [[nodiscard]] StoryGraph build();
    // What the last build() found about the chronology (edge counts, contradictions).
    [[nodiscard]] const ChronologyReport& chronology() const { return m_report; }

private:
    struct EntityAgg {
        NodeKind kind = NodeKind::misc;
        std::map<std::string, int> surfaces;   // surface form → count
        std::map<std::string, int> canonical;  // proposed display names → count
        std::string kb_id;
        std::set<std::string> articles;
        std::vector<Provenance> provenance;
    };
    // An order stated by the text between two mentions of one article (textual_order.hpp).
    struct StatedOrder {
        std::string article_id;
        Span earlier, later;
    };
    PlaceLookup m_places;
    std::vector<NodeProps> m_articles;
    std::unordered_map<std::string, EntityAgg> m_entities;              // by node id
    // (article node, entity node, mentions): each article's in entity order, added article by article.
    struct ArticleMentions {
        std::string article, entity;
        int count = 0;
    };
    std::vector<ArticleMentions> m_article_mentions;
    std::vector<EventRecord> m_events;
    std::vector<StatedOrder> m_stated;
    ChronologyReport m_report;
}; // class GraphBuilder

// The node id of an article: its own id when that is a content-derived "art-…" id, else a hash of it.
std::string article_node_id(const std::string& article_id);
// The resolution key of a mention: its own key, else its folded surface form.
std::string entity_key_of(const EntityMention& m, std::string_view text);
// The node id of the entity a mention resolves to ("per-…", "org-…", "loc-…", "misc-…").
std::string entity_node_id(const EntityMention& m, std::string_view text);

} // namespace storyline
