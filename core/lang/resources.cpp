#include "core/lang/resources.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <unistd.h>

namespace storyline {
namespace {

std::mutex g_mutex;
std::filesystem::path g_root;

bool looks_like_root(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::is_directory(p / "lang", ec);
}

std::filesystem::path find_root() {
    if (const char* env = std::getenv("STORYLINE_RESOURCES"); env && *env) return env;
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto installed = exe.parent_path().parent_path() / "share" / "storyline";
        if (looks_like_root(installed)) return installed;
    }
    return STORYLINE_RESOURCE_DIR;
}

std::vector<std::string> read_lines(const std::filesystem::path& file, bool optional) {
    const auto content = read_data_file(file);
    if (!content) {
        if (optional) return {};
        throw std::runtime_error(file.string() + ": cannot read language data file");
    }
    std::vector<std::string> lines;
    lines.reserve(content->size() / 32 + 1);   // a guess: counting the lines first cost more than regrowth
    for_each_data_line(*content, [&](std::string_view line) { lines.emplace_back(line); });
    return lines;
}

} // namespace

// The whole file at once: line-by-line getline cost more than parsing the lines.
std::optional<std::string> read_data_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string content;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec) {
        content.resize(static_cast<std::size_t>(size));
        in.read(content.data(), static_cast<std::streamsize>(size));
        content.resize(static_cast<std::size_t>(in.gcount()));
    } else {
        std::ostringstream whole;   // not a regular file: read it as a stream
        whole << in.rdbuf();
        content = whole.str();
    }
    if (in.bad()) throw std::runtime_error(file.string() + ": read error");
    return content;
}

std::filesystem::path resource_root() {
    std::lock_guard lock(g_mutex);
    if (g_root.empty()) g_root = find_root();
    return g_root;
}

void set_resource_root(std::filesystem::path root) {
    std::lock_guard lock(g_mutex);
    g_root = std::move(root);
}

std::filesystem::path language_file(std::string_view lang, std::string_view relative) {
    return resource_root() / "lang" / std::string(lang) / std::string(relative);
}

std::filesystem::path data_file(std::string_view relative) {
    return resource_root() / "data" / std::string(relative);
}

std::vector<std::string> available_languages() {
    std::vector<std::string> langs;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(resource_root() / "lang", ec)) {
        if (entry.is_directory()) langs.push_back(entry.path().filename().string());
    }
    std::sort(langs.begin(), langs.end());
    return langs;
}

std::vector<std::string> read_data_lines(const std::filesystem::path& file) { return read_lines(file, false); }
std::vector<std::string> read_optional_data_lines(const std::filesystem::path& file) { return read_lines(file, true); }

} // namespace storyline
