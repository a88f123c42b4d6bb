#pragma once
// Copies committed WAL frames into the database file on its own thread and connection, so that
// a writer's commit is only an append to the WAL. With SQLite's automatic checkpoint the commit
// that crossed 1,000 frames did the copy and two fsyncs itself (0.2-0.4 s each time for a
// Reuters import) while the annotation workers, their queue to the writer full, stood idle
// (docs/store.md).
//
// SQLite starts the WAL over only when a write transaction begins with every frame already
// copied. A writer that begins its next batch right after a commit never sees that, so the WAL
// would grow with the import: once it holds more than `max_wal_bytes`, the writer calls
// wait_until_copied() before its next batch — by then only the last batch is left to copy.
#include <SQLiteCpp/Database.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace storyline {

class WalCheckpointer {
public:
    static constexpr std::int64_t max_wal_bytes = std::int64_t{64} << 20;

    // Opens a second connection to `path` (a database in WAL mode) and starts the thread.
    explicit WalCheckpointer(const std::string& path);
    // Stops the thread after the checkpoint under way; whatever is left is copied by the last
    // connection to close, as SQLite always does.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // A transaction was committed and the WAL now holds `wal_frames` frames: copy them (PASSIVE:
    // never waits for the writer or a reader, copies what it can).
    void committed(int wal_frames);
    // Whether the WAL has outgrown max_wal_bytes, so the writer should let it start over.
    [[nodiscard]] bool wal_too_long() const;
    // Whether a checkpoint is asked for or under way.
    [[nodiscard]] bool busy() const;
    // Waits until the checkpoint of everything committed so far has run.
    void wait_until_copied();

private:
    void run();

    SQLite::Database m_db;
    std::int64_t m_page_size = 4096;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;   // the thread: work or stop
    std::condition_variable m_idle;   // the writer: the last checkpoint asked for has run
    bool m_pending = false;
    bool m_running = false;
    bool m_stop = false;
    int m_wal_frames = 0;
    std::thread m_thread;   // started once the connection reads the file as WAL
}; // class WalCheckpointer

} // namespace storyline
