#pragma once
// A rapidjson document whose values and parse stack start in per-thread buffers: documents
// parsed one after another (a JSONL line, a stored layer) then cost no malloc/free of rapidjson's
// 64 KB pools each. A document nested inside another on the same thread gets heap pools.
#include <rapidjson/document.h>

#include <cstddef>

namespace storyline {

using PooledDocument =
    rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<>, rapidjson::MemoryPoolAllocator<>>;

class PooledJson {
public:
    PooledJson()
        : m_nested(t_in_use), m_values(m_nested ? rapidjson::MemoryPoolAllocator<>() : pooled(t_values, sizeof t_values)),
          m_stack(m_nested ? rapidjson::MemoryPoolAllocator<>() : pooled(t_stack, sizeof t_stack)),
          m_doc(&m_values, sizeof t_stack / 2, &m_stack) {
        t_in_use = true;
    }
    ~PooledJson() {
        if (!m_nested) t_in_use = false;
    }
    PooledJson(const PooledJson&) = delete;
    PooledJson& operator=(const PooledJson&) = delete;

    PooledDocument& doc() { return m_doc; }

private:
    static rapidjson::MemoryPoolAllocator<> pooled(char* buffer, std::size_t size) {
        return rapidjson::MemoryPoolAllocator<>(buffer, size);
    }
    alignas(8) static inline thread_local char t_values[64 * 1024];
    alignas(8) static inline thread_local char t_stack[8 * 1024];
    static inline thread_local bool t_in_use = false;

    bool m_nested;
    rapidjson::MemoryPoolAllocator<> m_values, m_stack;
    PooledDocument m_doc;
}; // class PooledJson

} // namespace storyline
