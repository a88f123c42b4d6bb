#include "cli/commands_list.hpp"
#include "cli/export_job.hpp"
#include "store/store.hpp"

#include <filesystem>
#include <iostream>

namespace storyline::cli {
namespace {

class StatsCommand final : public Command {
public:
    std::string_view name() const override { return "stats"; }
    std::string_view description() const override { return "Show what the database and its graph hold"; }
    void setup(CLI::App& app) override {
        app.add_option("--db", m_db, "Database: a SQLite file, or postgresql://user@host/db")->capture_default_str();
        app.add_flag("--near-duplicates", m_list_near_duplicates,
                     "List the near-duplicate clusters the graph folds (article ids, estimated similarity, sources)");
    }
    int run() override {
        if (!store_exists(m_db)) throw std::runtime_error(m_db + ": no such database");
        const auto c = open_store(m_db)->counts();
        std::cout << "database: " << m_db << "\narticles: " << c.articles << "\nsources: " << c.sources
                  << "\ntemporal expressions: " << c.timexes << "\nentity mentions: " << c.entity_mentions
                  << "\nevent mentions: " << c.event_mentions << "\npersons: " << c.persons
                  << "\norganisations: " << c.organizations << "\nplaces: " << c.locations << '\n';
        if (m_list_near_duplicates) {
            auto store = open_store(m_db);
            const NearDuplicates dups = find_near_duplicates(*store, std::cout);
            std::cout << "candidate pairs by estimated similarity (tenths):";
            for (std::size_t t = 0; t < dups.candidates_by_tenth.size(); ++t) std::cout << ' ' << t << ':' << dups.candidates_by_tenth[t];
            std::cout << '\n';
            std::vector<std::vector<const NearDuplicates::Pair*>> pairs(dups.clusters.size());
            for (const auto& p : dups.pairs) pairs[dups.cluster_of.at(p.a)].push_back(&p);
            for (std::size_t i = 0; i < dups.clusters.size(); ++i) {
                std::cout << "cluster " << dups.clusters[i].representative << '\n';
                for (const auto* p : pairs[i]) std::cout << "  pair " << p->a << ' ' << p->b << ' ' << p->similarity << '\n';
                for (const auto& key : dups.clusters[i].sources) std::cout << "  source " << key << '\n';
            }
            return ExitCode::ok;
        }
        const StoryGraph& graph = keep_until_exit(load_graph(m_db));
        std::cout << "graph: " << describe_graph(graph) << '\n';
        return ExitCode::ok;
    }

private:
    std::string m_db = "storyline.db";
    bool m_list_near_duplicates = false;
};

} // namespace

std::unique_ptr<Command> make_stats_command() { return std::make_unique<StatsCommand>(); }

} // namespace storyline::cli
