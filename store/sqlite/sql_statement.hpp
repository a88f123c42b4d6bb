#pragma once
// A statement prepared once on the raw SQLite API, for the writer's per-article work: text is
// bound as a view without a copy, which SQLiteCpp only offers for NUL-terminated strings.
// Errors throw SQLite::Exception, as SQLiteCpp does.
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace storyline {

class SqlStatement {
public:
    SqlStatement(sqlite3* db, const char* sql) : m_db(db) {
        const int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
        if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
    }
    ~SqlStatement() { sqlite3_finalize(m_stmt); }
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    // One use of the statement: bind, step, read; the statement is reset when the use ends (an
    // exception included), so it holds no read snapshot and its next use starts clean. Bound
    // text must outlive the use; every parameter is bound again by the next one.
    class Use {
    public:
        explicit Use(SqlStatement& s) : m_s(s) {}
        ~Use() { sqlite3_reset(m_s.m_stmt); }
        Use(const Use&) = delete;
        Use& operator=(const Use&) = delete;

        Use& bind(int index, std::string_view text) {
            if (text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
                throw SQLite::Exception("text too long to store");
            check(sqlite3_bind_text(m_s.m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC));
            return *this;
        }
        // True while there is a row to read.
        bool step() {
            const int rc = sqlite3_step(m_s.m_stmt);
            if (rc == SQLITE_ROW) return true;
            if (rc != SQLITE_DONE) throw SQLite::Exception(m_s.m_db, rc);
            return false;
        }
        [[nodiscard]] bool null(int column) const { return sqlite3_column_type(m_s.m_stmt, column) == SQLITE_NULL; }
        [[nodiscard]] std::string text(int column) const {
            const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_s.m_stmt, column));
            return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(m_s.m_stmt, column))) : std::string();
        }
        [[nodiscard]] std::int64_t integer(int column) const { return sqlite3_column_int64(m_s.m_stmt, column); }

    private:
        void check(int rc) const {
            if (rc != SQLITE_OK) throw SQLite::Exception(m_s.m_db, rc);
        }
        SqlStatement& m_s;
    }; // class Use

    [[nodiscard]] Use use() { return Use(*this); }

private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
}; // class SqlStatement

} // namespace storyline
