#pragma once
// A small story graph built in code for the exporter tests: two articles (en, fr), three events
// (a day, a week, an undated one), a person in two events, a place with coordinates.
#include "core/graph/story_graph.hpp"

namespace storyline::test {

inline Vertex add_event(StoryGraph& g, const std::string& id, const std::string& value, const std::string& type,
                        int sources = 1, const std::string& thread = "") {
    NodeProps e;
    e.id = id;
    e.kind = NodeKind::event;
    e.label = "label of " + id;
    e.summary = "summary of " + id;
    e.event_type = type;
    e.date = value;
    e.when = interval_from_timex(value);
    e.sources = sources;
    e.thread = thread;
    e.modality = "asserted";
    return g.add_node(e);
}

inline Vertex add_entity(StoryGraph& g, const std::string& id, NodeKind kind, const std::string& label,
                         std::vector<std::string> aliases = {}) {
    NodeProps p;
    p.id = id;
    p.kind = kind;
    p.label = label;
    p.aliases = std::move(aliases);
    p.mentions = 2;
    return g.add_node(p);
}

inline Vertex add_article(StoryGraph& g, const std::string& id, const std::string& lang, const std::string& published,
                          const std::string& url) {
    NodeProps a;
    a.id = id;
    a.kind = NodeKind::article;
    a.label = "Title " + id;
    a.title = "Title " + id;
    a.kb_id = id.substr(4);
    a.lang = lang;
    a.published = published;
    a.url = url;
    return g.add_node(a);
}

inline StoryGraph sample_story() {
    StoryGraph g;
    const Vertex a_en = add_article(g, "art-en1", "en", "2022-01-14T09:30:00Z", "https://example.org/en?a=1&b=2");
    const Vertex a_fr = add_article(g, "art-fr1", "fr", "2022-01-20", "");
    const Vertex day = add_event(g, "evt-day", "2022-01-13", "movement.withdraw", 2, "thread-csto");
    const Vertex week = add_event(g, "evt-week", "2022-W03", "contact.statement", 1);
    const Vertex undated = add_event(g, "evt-undated", "PAST_REF", "conflict.attack", 1);
    const Vertex putin = add_entity(g, "per-putin", NodeKind::person, "Vladimir Putin", {"Poutine", "Putin"});
    const Vertex csto = add_entity(g, "org-csto", NodeKind::organization, "CSTO", {"OTSC"});
    NodeProps almaty;
    almaty.id = "loc-almaty";
    almaty.kind = NodeKind::location;
    almaty.label = "Almaty";
    almaty.country = "KZ";
    almaty.latitude = 43.25;
    almaty.longitude = 76.95;
    const Vertex loc = g.add_node(almaty);
    g.add_edge(putin, day, Relation::agent);
    g.add_edge(day, csto, Relation::target);
    g.add_edge(day, loc, Relation::located_in);
    g.add_edge(day, a_en, Relation::reported_by);
    g.add_edge(day, a_fr, Relation::reported_by);
    g.add_edge(putin, week, Relation::agent);
    g.add_edge(week, a_fr, Relation::reported_by);
    g.add_edge(undated, a_en, Relation::reported_by);
    g.add_edge(day, week, Relation::before);
    g.add_edge(a_en, putin, Relation::mentions, 3.0);
    g.add_edge(a_fr, csto, Relation::mentions);
    return g;
}

} // namespace storyline::test
