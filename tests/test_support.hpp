#pragma once
// Helpers shared by the tests: resources from the source tree, temporary folders.
#include "core/lang/resources.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace storyline::test_support {

inline void use_source_resources() { set_resource_root(STORYLINE_SOURCE_DIR); }

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
