#include "store/sqlite/wal_checkpointer.hpp"

#include <sqlite3.h>

namespace storyline {

WalCheckpointer::WalCheckpointer(const std::string& path) : m_db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX) {
    // A connection learns that the file is in WAL mode when it first reads it; until then a
    // checkpoint through it does nothing (and reports -1 frames).
    (void)m_db.execAndGet("PRAGMA journal_mode");
    m_page_size = m_db.execAndGet("PRAGMA page_size").getInt64();
    m_thread = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void WalCheckpointer::committed(int wal_frames) {
    {
        const std::lock_guard lock(m_mutex);
        m_pending = true;
        m_wal_frames = wal_frames;
    }
    m_wake.notify_one();
}

bool WalCheckpointer::wal_too_long() const {
    const std::lock_guard lock(m_mutex);
    return m_wal_frames * m_page_size > max_wal_bytes;
}

bool WalCheckpointer::busy() const {
    const std::lock_guard lock(m_mutex);
    return m_pending || m_running;
}

void WalCheckpointer::wait_until_copied() {
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [&] { return (!m_pending && !m_running) || m_stop; });
}

void WalCheckpointer::run() {
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_pending || m_stop; });
            if (m_stop) break;
            m_pending = false;
            m_running = true;
        }
        // A failure (disk full, I/O error) leaves the frames in the WAL, where readers still
        // find them and the next checkpoint or the last close copies them: nothing is lost.
        sqlite3_wal_checkpoint_v2(m_db.getHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        {
            const std::lock_guard lock(m_mutex);
            m_running = false;
        }
        m_idle.notify_all();
    }
    m_idle.notify_all();
}

} // namespace storyline
