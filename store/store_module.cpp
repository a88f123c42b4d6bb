#include "store/store_module.hpp"

#include <algorithm>
#include <cstring>
#include <dlfcn.h>
#include <filesystem>
#include <vector>

namespace storyline {
namespace {

std::vector<std::filesystem::path> module_dirs() {
    std::vector<std::filesystem::path> dirs;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        dirs.push_back(exe.parent_path());
        dirs.push_back(exe.parent_path().parent_path() / "lib" / "storyline");
    }
    if (std::filesystem::path built = STORYLINE_MODULE_BUILD_DIR; std::find(dirs.begin(), dirs.end(), built) == dirs.end())
        dirs.push_back(std::move(built));
    return dirs;
}

// dlsym's object pointer as a function pointer (the cast itself is only conditionally supported).
template <typename Fn>
Fn symbol(void* handle, const char* name) {
    void* p = dlsym(handle, name);
    Fn fn = nullptr;
    if (p) std::memcpy(&fn, &p, sizeof fn);
    return fn;
}

} // namespace

std::unique_ptr<Store> open_module_store(std::string_view file, std::string_view what, const std::string& spec) {
    const std::string support = std::string(what) + " support";
    std::string looked;
    void* handle = nullptr;
    std::filesystem::path path;
    for (const auto& dir : module_dirs()) {
        path = dir / file;
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            looked += (looked.empty() ? "" : ", ") + dir.string();
            continue;
        }
        // Loaded once per process (dlopen counts references) and never unloaded: the stores it
        // makes run its code until the process ends.
        handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) throw StoreError(support + ": cannot load " + path.string() + ": " + dlerror());
        break;
    }
    if (!handle) throw StoreError(support + " is not installed: " + std::string(file) + " is not in " + looked);
    const auto version = symbol<storyline_store_module_version_fn>(handle, "storyline_store_module_version");
    const auto open = symbol<storyline_store_module_open_fn>(handle, "storyline_store_module_open");
    if (!version || !open) throw StoreError(support + ": " + path.string() + " is not a storyline store module");
    if (std::string_view(version()) != STORYLINE_VERSION)
        throw StoreError(support + ": " + path.string() + " is of storyline " + version() + ", this binary of " +
                         STORYLINE_VERSION);
    return std::unique_ptr<Store>(open(spec));
}

} // namespace storyline
