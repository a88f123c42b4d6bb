#pragma once
// Plain byte images of data built once and read back at each start (the gazetteer's tables):
// values in this machine's byte order and layout, a string or array as its length then its
// bytes. An image is only read by the build that wrote it (image_cache.hpp keys it by the
// binary's build id), so no field needs a version of its own. Reading never goes past the end:
// a short or damaged image makes ok() false, and its reader must then discard what it read.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace storyline {

class ImageWriter {
public:
    template <typename T>
    void pod(const T& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        m_bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void size(std::size_t n) { pod(static_cast<std::uint64_t>(n)); }
    void bytes(const void* p, std::size_t n) { m_bytes.append(static_cast<const char*>(p), n); }
    void str(std::string_view s) {
        size(s.size());
        bytes(s.data(), s.size());
    }
    template <typename T>
    void pods(const std::vector<T>& v) {
        static_assert(std::is_trivially_copyable_v<T>);
        size(v.size());
        bytes(v.data(), v.size() * sizeof(T));
    }
    // An array a reader may use in place (ImageReader::pod_array): its bytes start at a multiple
    // of 64 from the image's start, which a reader's image must itself be aligned to.
    template <typename T>
    void pod_array(const T* p, std::size_t n) {
        static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= 64);
        size(n);
        m_bytes.append((64 - m_bytes.size() % 64) % 64, '\0');
        if (n) bytes(p, n * sizeof(T));
    }
    template <typename Strings>
    void strs(const Strings& list) {
        size(list.size());
        for (const auto& s : list) str(s);
    }
    [[nodiscard]] const std::string& data() const { return m_bytes; }
    [[nodiscard]] std::string take() { return std::move(m_bytes); }

private:
    std::string m_bytes;
}; // class ImageWriter

class ImageReader {
public:
    explicit ImageReader(std::string_view bytes) : m_bytes(bytes) {}

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] bool at_end() const { return m_at == m_bytes.size(); }

    template <typename T>
    T pod() {
        static_assert(std::is_trivially_copyable_v<T>);
        T v{};
        if (const char* p = take(sizeof v)) std::memcpy(&v, p, sizeof v);
        return v;
    }
    // A count of items of `item_bytes` each, 0 (and not ok) when the image cannot hold them.
    std::size_t size(std::size_t item_bytes = 1) {
        const auto n = pod<std::uint64_t>();
        if (item_bytes != 0 && n > (m_bytes.size() - m_at) / item_bytes) {
            m_ok = false;
            return 0;
        }
        return static_cast<std::size_t>(n);
    }
    std::string str() {
        const std::size_t n = size();
        const char* p = take(n);
        return p ? std::string(p, n) : std::string();
    }
    template <typename T>
    std::vector<T> pods() {
        static_assert(std::is_trivially_copyable_v<T>);
        const std::size_t n = size(sizeof(T));
        std::vector<T> v(n);
        if (const char* p = take(n * sizeof(T)); p && n) std::memcpy(v.data(), p, n * sizeof(T));
        return v;
    }
    // An array written by ImageWriter::pod_array, in place: a pointer into the image (nullptr and
    // not ok when it is short or the array would be misaligned in memory).
    template <typename T>
    const T* pod_array(std::size_t& n) {
        n = size(sizeof(T));
        take((64 - m_at % 64) % 64);
        const char* p = take(n * sizeof(T));
        if (!p || reinterpret_cast<std::uintptr_t>(p) % alignof(T) != 0) {
            m_ok = false;
            n = 0;
            return nullptr;
        }
        return reinterpret_cast<const T*>(p);
    }
    // Strings into any container with insert(end(), string) (vector, set).
    template <typename Strings>
    void strs(Strings& out) {
        const std::size_t n = size(sizeof(std::uint64_t));
        for (std::size_t i = 0; i < n && m_ok; ++i) out.insert(out.end(), str());
    }

private:
    const char* take(std::size_t n) {
        if (!m_ok || n > m_bytes.size() - m_at) {
            m_ok = false;
            return nullptr;
        }
        const char* p = m_bytes.data() + m_at;
        m_at += n;
        return p;
    }
    std::string_view m_bytes;
    std::size_t m_at = 0;
    bool m_ok = true;
}; // class ImageReader

} // namespace storyline
