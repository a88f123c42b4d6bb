#pragma once
// Helpers shared by the tests: resources from the source tree, temporary folders.
#include "core/lang/resources.hpp"
#include "core/model/annotation.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace storyline::test_support {

inline void use_source_resources() { set_resource_root(STORYLINE_SOURCE_DIR); }

// A small document with one item in every annotation layer, for the store tests (SQLite and
// PostgreSQL read back exactly this).
inline Document sample_document(const std::string& id, const std::string& key, const std::string& text) {
    Document d;
    d.article.id = id;
    d.article.title = "T " + id;
    d.article.text = text;
    d.article.lang = "fr";
    d.article.published = {"2022-01-14", "record"};
    d.article.source_key = key;
    d.article.content_hash = "h-" + text;
    d.sentences.push_back(Sentence{Span{0, 3}});
    d.timexes.push_back(Timex{Span{0, 5}, TimexType::date, "2022-01-13", "", "", true});
    EntityMention m;
    m.span = Span{6, 12};
    m.type = EntityType::person;
    m.key = "putin";
    m.canonical = "Vladimir Poutine";
    d.entities.push_back(m);
    EventMention ev;
    ev.trigger = Span{13, 20};
    ev.type = "statement";
    ev.agents = {0};
    ev.time_value = "2022-01-13";
    ev.time_source = TimeSource::timex;
    ev.modality = Modality::planned;
    d.events.push_back(ev);
    return d;
}

// A fresh folder under the system temp dir, removed when the object goes away.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() / ("storyline-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path write(const std::string& name, const std::string& bytes) const {
        const auto p = m_path / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }

private:
    std::filesystem::path m_path;
};

} // namespace storyline::test_support
