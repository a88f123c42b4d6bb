#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace storyline {

std::unique_ptr<Store> open_store(const std::string& spec) {
    // Server databases will be chosen here by their URL scheme; a plain path is SQLite.
    return std::make_unique<SqliteStore>(spec);
}

} // namespace storyline
