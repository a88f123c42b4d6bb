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
    void setup(CLI::App& app) override { app.add_option("--db", m_db, "Database: a SQLite file, or postgresql://user@host/db")->capture_default_str(); }
    int run() override {
        if (!store_exists(m_db)) throw std::runtime_error(m_db + ": no such database");
        const auto c = open_store(m_db)->counts();
        std::cout << "database: " << m_db << "\narticles: " << c.articles << "\nsources: " << c.sources
                  << "\ntemporal expressions: " << c.timexes << "\nentity mentions: " << c.entity_mentions
                  << "\nevent mentions: " << c.event_mentions << "\npersons: " << c.persons
                  << "\norganisations: " << c.organizations << "\nplaces: " << c.locations << '\n';
        const StoryGraph graph = load_graph(m_db);
        std::cout << "graph: " << describe_graph(graph) << '\n';
        return ExitCode::ok;
    }

private:
    std::string m_db = "storyline.db";
};

} // namespace

std::unique_ptr<Command> make_stats_command() { return std::make_unique<StatsCommand>(); }

} // namespace storyline::cli
