// The PostgreSQL store as a module (store/store_module.hpp): the binary loads it, and with it
// libpqxx and libpq, only when a postgresql:// database is opened.
#include "store/postgres/postgres_store.hpp"
#include "store/store_module.hpp"

#define STORYLINE_MODULE_EXPORT __attribute__((visibility("default")))

extern "C" {

STORYLINE_MODULE_EXPORT const char* storyline_store_module_version() { return STORYLINE_VERSION; }

// A StoreError thrown here (no server, bad credentials) reaches the caller as one.
STORYLINE_MODULE_EXPORT storyline::Store* storyline_store_module_open(const std::string& spec) {
    return new storyline::PostgresStore(spec);
}

} // extern "C"
