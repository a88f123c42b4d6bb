#include "core/graph/graph_builder.hpp"

#include "core/graph/centrality.hpp"
#include "core/graph/textual_order.hpp"
#include "core/graph/threads.hpp"
#include "core/text/utf8.hpp"
#include "core/util/hash.hpp"

#include <algorithm>
#include <numeric>

namespace storyline {
namespace {

constexpr std::size_t label_limit = 90;

NodeKind kind_of(EntityType t) {
    switch (t) {
    case EntityType::person: return NodeKind::person;
    case EntityType::organization: return NodeKind::organization;
    case EntityType::location: return NodeKind::location;
    case EntityType::misc: return NodeKind::misc;
    }
    return NodeKind::misc;
}

const char* prefix_of(EntityType t) {
    switch (t) {
    case EntityType::person: return "per";
    case EntityType::organization: return "org";
    case EntityType::location: return "loc";
    case EntityType::misc: return "misc";
    }
    return "misc";
}

std::string shorten(const std::string& s, std::size_t limit) {
    if (s.size() <= limit) return s;
    std::size_t cut = s.rfind(' ', limit);
    if (cut == std::string::npos || cut < limit / 2) cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return s.substr(0, cut) + "…";
}

// The most frequent key of a count map; ties go to the longest, then the smallest string.
std::string most_frequent(const std::map<std::string, int>& counts) {
    std::string best;
    int best_n = -1;
    for (const auto& [s, n] : counts) {
        if (n > best_n || (n == best_n && s.size() > best.size())) {
            best = s;
            best_n = n;
        }
    }
    return best;
}

} // namespace

std::string article_node_id(const std::string& article_id) {
    // Content-derived article ids are already node ids; record ids ("10718", "ftib:…") are hashed
    // into the same shape so that they are valid XML NMTOKENs and TimelineJS slugs.
    const bool own = article_id.size() == 16 && article_id.starts_with("art-") &&
                     article_id.find_first_not_of("0123456789abcdef", 4) == std::string::npos;
    return own ? article_id : stable_id("art", article_id);
}

std::string entity_key_of(const EntityMention& m, std::string_view text) {
    if (!m.key.empty()) return m.key;
    return fold(squeeze_spaces(m.span.in(text)));
}

std::string entity_node_id(const EntityMention& m, std::string_view text) {
    return stable_id(prefix_of(m.type), std::string(to_string(m.type)) + ":" + entity_key_of(m, text));
}

GraphBuilder::GraphBuilder(PlaceLookup places) : m_places(std::move(places)) {}

void GraphBuilder::add(const Document& doc, const std::vector<std::string>& source_urls) {
    const Article& a = doc.article;
    const std::string_view text = a.text;
    NodeProps art;
    art.id = article_node_id(a.id);
    art.kb_id = a.id;
    art.kind = NodeKind::article;
    art.label = a.title.empty() ? shorten(squeeze_spaces(text.substr(0, 200)), label_limit) : a.title;
    art.title = a.title;
    art.url = a.url;
    art.lang = a.lang;
    art.published = a.published.value;
    art.source_key = a.source_key;
    art.sources = static_cast<int>(std::max<std::size_t>(1, source_urls.size()));
    art.aliases = source_urls;
    m_articles.push_back(std::move(art));
    const std::string art_id = m_articles.back().id;

    std::vector<std::string> mention_nodes;
    mention_nodes.reserve(doc.entities.size());
    std::map<std::string_view, int> mentions_of;   // entity node → mentions in this article
    for (const auto& m : doc.entities) {
        const std::string id = entity_node_id(m, text);
        mention_nodes.push_back(id);
        auto& agg = m_entities[id];
        agg.kind = kind_of(m.type);
        ++agg.surfaces[squeeze_spaces(m.span.in(text))];
        if (!m.canonical.empty()) ++agg.canonical[m.canonical];
        if (!m.kb_id.empty()) agg.kb_id = m.kb_id;
        agg.articles.insert(art_id);
        agg.provenance.push_back(Provenance{a.id, m.span, m.confidence});
    }
    for (const auto& id : mention_nodes) ++mentions_of[id];
    for (const auto& [id, count] : mentions_of) m_article_mentions.push_back({art_id, std::string(id), count});
    auto ids = [&](const std::vector<int>& idx) {
        std::vector<std::string> out;
        for (int i : idx) {
            if (i >= 0 && static_cast<std::size_t>(i) < mention_nodes.size()) out.push_back(mention_nodes[static_cast<std::size_t>(i)]);
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    };
    for (const auto& ev : doc.events) {
        EventRecord r;
        r.article_id = a.id;
        r.trigger = ev.trigger;
        r.sentence = ev.sentence;
        r.when = interval_from_timex(ev.time_value);
        r.type = ev.type;
        r.lemma = ev.lemma;
        r.summary = event_summary(ev, text);
        r.time_value = ev.time_value;
        r.time_source = to_string(ev.time_source);
        r.modality = to_string(ev.modality);
        r.confidence = ev.confidence;
        r.agents = ids(ev.agents);
        r.targets = ids(ev.targets);
        r.places = ids(ev.places);
        m_events.push_back(std::move(r));
    }
    for (const auto& [earlier, later] : textual_order(doc)) {
        m_stated.push_back(StatedOrder{a.id, doc.events[static_cast<std::size_t>(earlier)].trigger,
                                       doc.events[static_cast<std::size_t>(later)].trigger});
    }
}

StoryGraph GraphBuilder::build() {
    StoryGraph g;
    // Merge event mentions of one real event (event_merging.hpp).
    const auto by_mention = [](const EventRecord& a, const EventRecord& b) {
        return std::tie(a.article_id, a.trigger) < std::tie(b.article_id, b.trigger);
    };
    // The store hands documents in id order and mentions in text order, so the records usually
    // come sorted, each key once: then any sort leaves them as they are, and one pass tells
    // (sorting 219,000 records in place, a dozen strings each, took a tenth of a Reuters export).
    const bool strictly_sorted = std::adjacent_find(m_events.begin(), m_events.end(), [&](const EventRecord& a, const EventRecord& b) {
        return !by_mention(a, b);
    }) == m_events.end();
    if (!strictly_sorted) std::sort(m_events.begin(), m_events.end(), by_mention);
    const auto groups = merge_events(m_events);

    struct EventNode {
        std::string id;
        std::vector<std::size_t> members;
    };
    std::vector<EventNode> events;
    events.reserve(groups.size());
    std::map<std::pair<std::string, Span>, std::string> event_of_mention;
    for (const auto& members : groups) {
        const auto& first = m_events[members.front()];
        events.push_back(EventNode{stable_id("evt", first.article_id + ":" + std::to_string(first.trigger.begin)), members});
        for (std::size_t i : members) event_of_mention[{m_events[i].article_id, m_events[i].trigger}] = events.back().id;
    }

    auto entity_node = [&](const std::string& id, EntityAgg& agg) {
        NodeProps n;
        n.id = id;
        n.kind = agg.kind;
        n.label = agg.canonical.empty() ? most_frequent(agg.surfaces) : most_frequent(agg.canonical);
        for (const auto& [s, count] : agg.surfaces) n.aliases.push_back(s);
        n.kb_id = agg.kb_id;
        n.sources = static_cast<int>(agg.articles.size());
        n.mentions = static_cast<int>(agg.provenance.size());
        std::sort(agg.provenance.begin(), agg.provenance.end());
        n.provenance = std::move(agg.provenance);
        n.confidence = std::accumulate(n.provenance.begin(), n.provenance.end(), 0.0,
                                       [](double acc, const Provenance& p) { return std::max(acc, p.confidence); });
        if (m_places && !agg.kb_id.empty()) {
            if (auto facts = m_places(agg.kb_id)) {
                if (!facts->name.empty()) n.label = facts->name;
                n.country = facts->country;
                n.latitude = facts->latitude;
                n.longitude = facts->longitude;
            }
        }
        return n;
    };
    auto event_node = [&](const EventNode& ev) {
        const auto& members = ev.members;
        // The finest-dated member speaks for the event (its date, time source, modality).
        std::size_t lead = members.front();
        for (std::size_t i : members) {
            const auto& w = m_events[i].when;
            const auto& l = m_events[lead].when;
            if (w.known() && (!l.known() || w.length_days() < l.length_days())) lead = i;
        }
        const auto& first = m_events[members.front()];
        const auto& best = m_events[lead];
        NodeProps n;
        n.id = ev.id;
        n.kind = NodeKind::event;
        n.label = shorten(first.summary, label_limit);
        n.summary = first.summary;
        n.event_type = first.type;
        n.date = best.time_value;
        n.when = best.when;
        n.time_source = best.time_source;
        n.modality = best.modality;
        std::set<std::string> arts;
        double miss = 1.0;
        for (std::size_t i : members) {
            arts.insert(m_events[i].article_id);
            miss *= 1.0 - m_events[i].confidence;
            n.provenance.push_back(Provenance{m_events[i].article_id, m_events[i].trigger, m_events[i].confidence});
        }
        std::sort(n.provenance.begin(), n.provenance.end());
        n.sources = static_cast<int>(arts.size());
        n.mentions = static_cast<int>(members.size());
        n.confidence = 1.0 - miss;
        return n;
    };

    // Nodes are added in id order so that vertex numbering, and so every export, is canonical.
    // The ids are sorted first and each node is made as it goes into the graph: a list of all
    // the nodes beside the graph held both at once (the export of Reuters-21578 peaked at
    // 940 MB), and the builder's records are let go of once used.
    enum class From : std::uint8_t { article, entity, event };
    struct Pending {
        const std::string* id;
        From from;
        std::size_t index;
    };
    std::vector<Pending> pending;
    pending.reserve(m_articles.size() + m_entities.size() + events.size());
    for (std::size_t i = 0; i < m_articles.size(); ++i) pending.push_back({&m_articles[i].id, From::article, i});
    std::vector<std::pair<const std::string, EntityAgg>*> entities;
    entities.reserve(m_entities.size());
    for (auto& entry : m_entities) {
        pending.push_back({&entry.first, From::entity, entities.size()});
        entities.push_back(&entry);
    }
    for (std::size_t i = 0; i < events.size(); ++i) pending.push_back({&events[i].id, From::event, i});
    std::sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) { return *a.id < *b.id; });
    g.reserve_nodes(pending.size());
    for (const Pending& p : pending) {
        switch (p.from) {
        case From::article: g.add_node(std::move(m_articles[p.index])); break;
        case From::entity: g.add_node(entity_node(entities[p.index]->first, entities[p.index]->second)); break;
        case From::event: g.add_node(event_node(events[p.index])); break;
        }
    }
    std::vector<Pending>().swap(pending);
    std::vector<NodeProps>().swap(m_articles);
    std::vector<std::pair<const std::string, EntityAgg>*>().swap(entities);
    m_entities.clear();

    auto v = [&](const std::string& id) { return *g.find(id); };
    // In (article, entity) order, an article met twice counted once per pair: as a map of the
    // pairs gave them. The documents come in id order, so the list is usually sorted already.
    const auto by_pair = [](const ArticleMentions& x, const ArticleMentions& y) {
        return std::tie(x.article, x.entity) < std::tie(y.article, y.entity);
    };
    if (!std::is_sorted(m_article_mentions.begin(), m_article_mentions.end(), by_pair)) {
        std::stable_sort(m_article_mentions.begin(), m_article_mentions.end(), by_pair);
    }
    for (std::size_t k = 0; k < m_article_mentions.size();) {
        const auto& first = m_article_mentions[k];
        int count = 0;
        std::size_t next = k;
        for (; next < m_article_mentions.size() && m_article_mentions[next].article == first.article &&
               m_article_mentions[next].entity == first.entity; ++next) {
            count += m_article_mentions[next].count;
        }
        g.add_edge(v(first.article), v(first.entity), Relation::mentions, count);
        k = next;
    }
    std::vector<ArticleMentions>().swap(m_article_mentions);
    for (const auto& ev : events) {
        const Vertex ve = v(ev.id);
        for (std::size_t i : ev.members) {
            const auto& r = m_events[i];
            const Provenance prov{r.article_id, r.trigger, r.confidence};
            g.add_edge(ve, v(article_node_id(r.article_id)), Relation::reported_by, 1.0, prov);
            for (const auto& a : r.agents) g.add_edge(v(a), ve, Relation::agent, 1.0, prov);
            for (const auto& t : r.targets) g.add_edge(ve, v(t), Relation::target, 1.0, prov);
            for (const auto& p : r.places) g.add_edge(ve, v(p), Relation::located_in, 1.0, prov);
            // Participants of one event co-occur (edge from the smaller id, so it is undirected in effect).
            std::vector<std::string> people = r.agents;
            people.insert(people.end(), r.targets.begin(), r.targets.end());
            std::sort(people.begin(), people.end());
            people.erase(std::unique(people.begin(), people.end()), people.end());
            for (std::size_t x = 0; x < people.size(); ++x) {
                for (std::size_t y = x + 1; y < people.size(); ++y) g.add_edge(v(people[x]), v(people[y]), Relation::co_occurs, 1.0);
            }
        }
    }

    // Chronology: interval order and containment, then what the texts state, then one order.
    m_report = ChronologyReport{};
    add_interval_edges(g, m_report);
    for (const auto& st : m_stated) {
        const auto x = event_of_mention.find({st.article_id, st.earlier});
        const auto y = event_of_mention.find({st.article_id, st.later});
        if (x == event_of_mention.end() || y == event_of_mention.end() || x->second == y->second) continue;
        g.add_edge(v(x->second), v(y->second), Relation::before, 1.0, Provenance{st.article_id, st.earlier, 0.5});
        ++m_report.before_edges;
    }
    // What follows reads the graph only.
    std::vector<EventRecord>().swap(m_events);
    std::vector<StatedOrder>().swap(m_stated);
    event_of_mention.clear();
    std::vector<EventNode>().swap(events);
    order_events(g, m_report);
    assign_threads(g);
    assign_centrality(g);
    return g;
}

} // namespace storyline
