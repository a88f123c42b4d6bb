#include "store/store_module.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace storyline {
namespace {

// A backend whose module is not beside the binary is a clear StoreError naming the file and
// where it was looked for, not a crash or a dlopen message alone.
TEST(test_store_module, missing_module_is_a_store_error_naming_the_file) {
    try {
        open_module_store("storyline-no-such-backend.so", "Nothing", "nothing://here");
        FAIL() << "expected a StoreError";
    } catch (const StoreError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("Nothing support is not installed"), std::string::npos) << what;
        EXPECT_NE(what.find("storyline-no-such-backend.so"), std::string::npos) << what;
    }
}

// A file that is no shared object is reported as such, with the loader's reason.
TEST(test_store_module, unloadable_module_is_a_store_error) {
    const auto dir = std::filesystem::read_symlink("/proc/self/exe").parent_path();
    const auto file = dir / "storyline-test-broken-module.so";
    { std::ofstream(file) << "not an ELF file"; }
    try {
        open_module_store(file.filename().string(), "Broken", "broken://");
        FAIL() << "expected a StoreError";
    } catch (const StoreError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("Broken support: cannot load"), std::string::npos) << what;
    }
    std::filesystem::remove(file);
}

} // namespace
} // namespace storyline
