#include "exporters/registry.hpp"
#include "importers/registry.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace storyline;

// tests/registrations.txt lists every importer and exporter: a format added or dropped without
// updating it (and its docs) fails here.
TEST(test_registrations, match_the_listed_formats) {
    std::ostringstream got;
    for (const Importer* i : all_importers()) got << "importer " << i->name() << '\n';
    for (const Exporter* e : all_exporters()) got << "exporter " << e->name() << '\n';
    std::ifstream in(std::string(STORYLINE_SOURCE_DIR) + "/tests/registrations.txt");
    std::ostringstream want;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] != '#') want << line << '\n';
    }
    EXPECT_EQ(got.str(), want.str());
}

TEST(test_registry, picks_by_content_then_extension) {
    EXPECT_EQ(pick_importer(R"({"text":"a"})", SourceInfo{"a.json", "json", "", ""})->name(), "json");
    EXPECT_EQ(pick_importer("{\"text\":\"a\"}\n{\"text\":\"b\"}\n", SourceInfo{"a.dat", "dat", "", ""})->name(), "jsonl");
    EXPECT_EQ(pick_importer("Plain words.", SourceInfo{"a.txt", "txt", "", ""})->name(), "text");
}
