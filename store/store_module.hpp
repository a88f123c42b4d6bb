#pragma once
// Stores whose client libraries are heavy are built as modules beside the `storyline` binary
// and loaded only when a database of theirs is opened. libpqxx and libpq pull in 21 more shared
// libraries (TLS, Kerberos, LDAP, SASL...): linked into the binary, loading them cost every
// process about 7 ms, SQLite users included (docs/store.md, "Modules").
#include "store/store.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace storyline {

// Opens `spec` with the store in module `file` (for example "storyline-postgres.so"), looked for
// beside the running binary, then in ../lib/storyline/ from it (an installed tree), then in the
// build tree the binary was built in. `what` names
// the backend in errors. Throws StoreError when the module is missing, cannot be loaded or
// belongs to another version; the module's own errors (a refused connection) pass through.
std::unique_ptr<Store> open_module_store(std::string_view file, std::string_view what, const std::string& spec);

} // namespace storyline

// What a store module defines (store/postgres/postgres_module.cpp): its version, which must be
// the binary's, and the store's constructor. C names, so that dlsym finds them unmangled.
extern "C" {
using storyline_store_module_version_fn = const char* (*)();
using storyline_store_module_open_fn = storyline::Store* (*)(const std::string& spec);
}
