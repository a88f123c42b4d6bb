// storyline timeline: one entity's events in chronological order, as text or as SemEval-2015
// TimeLine JSON files (one per entity; doc = article id, start/end = byte offsets of the
// trigger in the article text as imported).
#include "cli/commands_list.hpp"
#include "cli/export_job.hpp"
#include "core/graph/entity_timeline.hpp"
#include "core/graph/graph_builder.hpp"
#include "core/lang/resources.hpp"
#include "store/store.hpp"

#include <filesystem>
#include <cctype>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

namespace storyline::cli {
namespace {

std::string json_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                static const char* hex = "0123456789abcdef";
                out += "\\u00";
                out += hex[(c >> 4) & 0xF];
                out += hex[c & 0xF];
            } else {
                out += c;
            }
        }
    }
    return out;
}

// A file name for an entity: letters and digits kept, the rest as '_'.
std::string file_name_for(const std::string& entity) {
    std::string out;
    for (char c : entity) {
        const auto u = static_cast<unsigned char>(c);
        out += (std::isalnum(u) || u >= 0x80) ? c : '_';
    }
    return (out.empty() ? std::string("entity") : out) + ".json";
}

// What the timeline needs from the stored documents beyond the graph: each event mention's
// sentence, folded, to find events whose sentence names the entity without the entity layer
// having linked it, and the trigger text for the output.
struct MentionText {
    std::string sentence_words;
    std::string trigger;
};

class TimelineCommand final : public Command {
public:
    std::string_view name() const override { return "timeline"; }
    std::string_view description() const override { return "Print or write an entity's events in chronological order"; }
    void setup(CLI::App& app) override {
        app.add_option("--entity", m_entities, "Entity name (repeat for several)");
        app.add_option("--entities", m_entities_file, "File with one entity name a line")->check(CLI::ExistingFile);
        app.add_option("--db", m_db, "Database: a SQLite file, or postgresql://user@host/db")->capture_default_str();
        app.add_option("--format", m_format, "text (human-readable) or semeval (one JSON file per entity)")
            ->check(CLI::IsMember({"text", "semeval"}))
            ->capture_default_str();
        app.add_option("-o,--output", m_output, "Output folder for --format semeval");
        app.add_flag("--keep-near-duplicates", m_keep_near_duplicates,
                     "Keep near-duplicate articles (the same story under two outlets) as separate articles");
        app.footer("An event belongs to an entity's timeline when the entity is its agent, target or place, or when\n"
                   "the event's sentence names the entity (full name; a multi-word name also by its distinctive last\n"
                   "word or without a trailing lower-case head noun). Order 0 = not placeable in time.");
    }

    int run() override {
        if (!m_entities_file.empty()) {
            for (const auto& line : read_data_lines(m_entities_file)) m_entities.push_back(line);
        }
        if (m_entities.empty()) throw std::runtime_error("no entity given (use --entity NAME or --entities FILE)");
        if (m_format == "semeval" && m_output.empty()) throw std::runtime_error("--format semeval needs -o DIR");
        if (!std::filesystem::exists(m_db)) throw std::runtime_error(m_db + ": no such database (run `storyline import` first)");

        auto store = open_store(m_db);
        GraphBuilder builder;
        std::map<std::pair<std::string, Span>, MentionText> mentions;
        const NearDuplicates dups = m_keep_near_duplicates ? NearDuplicates{} : find_near_duplicates(*store, std::cerr);
        store->for_each_document([&](const Document& doc) {
            if (dups.folded(doc.article.id)) return;  // its representative carries its sources
            builder.add(doc, node_sources(*store, dups, doc.article.id));
            std::map<Span, std::string> sentence_words;
            for (const auto& ev : doc.events) {
                auto [it, inserted] = sentence_words.emplace(ev.sentence, std::string());
                if (inserted) it->second = folded_words(ev.sentence.in(doc.article.text));
                mentions[{doc.article.id, ev.trigger}] = MentionText{it->second, std::string(ev.trigger.in(doc.article.text))};
            }
        });
        const StoryGraph graph = builder.build();
        for (const auto& cycle : builder.chronology().cycles) {
            std::cerr << "storyline timeline: contradictory order between " << cycle.size() << " events:";
            for (const auto& id : cycle) std::cerr << ' ' << id;
            std::cerr << '\n';
        }
        // Which event node each mention belongs to.
        std::map<std::pair<std::string, Span>, Vertex> event_of;
        for (Vertex v : graph.nodes_sorted()) {
            if (graph.node(v).kind != NodeKind::event) continue;
            for (const auto& p : graph.node(v).provenance) event_of[{p.article_id, p.span}] = v;
        }
        if (m_format == "semeval") std::filesystem::create_directories(m_output);
        for (const auto& entity : m_entities) {
            const auto found = find_entities(graph, entity);
            std::vector<Vertex> events = entity_events(graph, found);
            const auto variants = name_variants(entity, any_person(graph, found));
            for (const auto& [key, text] : mentions) {
                if (!mentions_name(text.sentence_words, variants)) continue;
                if (auto it = event_of.find(key); it != event_of.end()) events.push_back(it->second);
            }
            std::sort(events.begin(), events.end());
            events.erase(std::unique(events.begin(), events.end()), events.end());
            sort_chronologically(graph, events);
            if (m_format == "semeval") write_semeval(graph, entity, events, mentions);
            else print_text(graph, entity, events);
        }
        return ExitCode::ok;
    }

private:
    // Positions 1.. over the events' chronological orders, dense; order 0 stays 0.
    static std::map<int, int> dense_positions(const StoryGraph& g, const std::vector<Vertex>& events) {
        std::set<int> orders;
        for (Vertex v : events) {
            if (g.node(v).order > 0) orders.insert(g.node(v).order);
        }
        std::map<int, int> pos{{0, 0}};
        int k = 0;
        for (int o : orders) pos[o] = ++k;
        return pos;
    }

    void print_text(const StoryGraph& g, const std::string& entity, const std::vector<Vertex>& events) const {
        std::cout << entity << ": " << events.size() << " events\n";
        const auto pos = dense_positions(g, events);
        for (Vertex v : events) {
            const auto& n = g.node(v);
            std::cout << "  " << pos.at(n.order) << '\t' << (n.date.empty() ? "?" : n.date) << '\t' << n.event_type;
            if (n.modality != "asserted") std::cout << " (" << n.modality << ")";
            std::cout << '\t' << n.label << "\t[" << n.sources << (n.sources == 1 ? " source]" : " sources]") << '\n';
        }
    }

    void write_semeval(const StoryGraph& g, const std::string& entity, const std::vector<Vertex>& events,
                       const std::map<std::pair<std::string, Span>, MentionText>& mentions) const {
        const std::filesystem::path path = std::filesystem::path(m_output) / file_name_for(entity);
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error(path.string() + ": cannot write");
        const auto pos = dense_positions(g, events);
        out << "{\"target_entity\": \"" << json_escape(entity) << "\", \"events\": [";
        bool first = true;
        for (Vertex v : events) {
            const auto& n = g.node(v);
            const std::string date = timeline_date(n.when);
            for (const auto& p : n.provenance) {
                const auto m = mentions.find({p.article_id, p.span});
                out << (first ? "\n" : ",\n") << "  {\"doc\": \"" << json_escape(p.article_id) << "\", \"start\": " << p.span.begin
                    << ", \"end\": " << p.span.end << ", \"text\": \""
                    << json_escape(m == mentions.end() ? std::string() : m->second.trigger) << "\", \"order\": " << pos.at(n.order)
                    << ", \"date\": \"" << date << "\"}";
                first = false;
            }
        }
        out << "\n]}\n";
        if (!out) throw std::runtime_error(path.string() + ": write failed");
        std::cerr << "Wrote " << path.string() << ": " << events.size() << " events\n";
    }

    std::vector<std::string> m_entities;
    std::string m_entities_file, m_db = "storyline.db", m_format = "text", m_output;
    bool m_keep_near_duplicates = false;
};

} // namespace

std::unique_ptr<Command> make_timeline_command() { return std::make_unique<TimelineCommand>(); }

} // namespace storyline::cli
