#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"
#include "store/store_module.hpp"

#include <filesystem>
#include <string_view>

namespace storyline {
namespace {

// `postgresql://…` and `postgres://…` are libpq connection URIs; `postgresql:` alone means
// "connect with the PG* environment variables". Anything else is a file path.
bool is_postgres_spec(std::string_view spec) {
    return spec == "postgresql:" || spec.starts_with("postgresql://") || spec.starts_with("postgres://");
}

} // namespace

std::unique_ptr<Store> open_store(const std::string& spec) {
    if (is_postgres_spec(spec)) return open_module_store("storyline-postgres.so", "PostgreSQL", spec);
    return std::make_unique<SqliteStore>(spec);
}

bool store_exists(const std::string& spec) {
    if (is_postgres_spec(spec)) return true;
    std::error_code ec;
    return std::filesystem::exists(spec, ec);
}

} // namespace storyline
