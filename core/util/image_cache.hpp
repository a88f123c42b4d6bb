#pragma once
// Images of data a process builds from the resource files at each start (binary_image.hpp),
// kept between runs in the user's cache folder: $STORYLINE_CACHE_DIR, else
// $XDG_CACHE_HOME/storyline, else ~/.cache/storyline ("off" for STORYLINE_CACHE_DIR: no cache).
// An image is keyed by the running binary's build id and by everything it was built from, so
// a new build or an edited data file never meets an old image; a damaged one fails its checksum
// and is rebuilt. The cache only ever saves time: any failure to read or write it is silent and
// the data is built from its files as without it.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace storyline {

// What an image was built from, hashed (XXH3, 128 bits). Starts with the binary's build id.
class ImageKey {
public:
    ImageKey();
    ~ImageKey();
    ImageKey(ImageKey&&) noexcept;
    ImageKey& operator=(ImageKey&&) noexcept;

    // False when the binary has no build id: its images could not be told apart from another
    // build's, so none is read or written.
    [[nodiscard]] bool usable() const { return m_usable; }
    void add(std::string_view bytes);
    // Every regular file under `dir` (recursively, in path order): its path relative to `dir`
    // and its bytes. A missing folder adds its absence.
    void add_folder(const std::filesystem::path& dir);
    // The key's 128 bits, and as 32 hex digits.
    [[nodiscard]] std::pair<std::uint64_t, std::uint64_t> digest() const;
    [[nodiscard]] std::string hex() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
    bool m_usable = false;
}; // class ImageKey

// A cached image's payload, mapped read-only from its file.
class CachedImage {
public:
    CachedImage(const void* map, std::size_t map_size) : m_map(map), m_map_size(map_size) {}
    ~CachedImage();
    CachedImage(const CachedImage&) = delete;
    CachedImage& operator=(const CachedImage&) = delete;
    [[nodiscard]] std::string_view payload() const { return m_payload; }

private:
    friend std::unique_ptr<CachedImage> read_cached_image(std::string_view name, const ImageKey& key);
    const void* m_map;
    std::size_t m_map_size;
    std::string_view m_payload;
}; // class CachedImage

// False when STORYLINE_CACHE_DIR is "off", no cache folder can be named or the binary has no
// build id: then no key need be made.
bool image_cache_enabled();
// The image `name` (a word: "gazetteer") for `key`, or nullptr: none, caching off, or damaged.
std::unique_ptr<CachedImage> read_cached_image(std::string_view name, const ImageKey& key);
// Writes it (atomically: a reader sees the whole image or none) and keeps the four newest
// images of that name, for builds used side by side.
void write_cached_image(std::string_view name, const ImageKey& key, std::string_view payload);

// The running program's GNU build id (the linker's hash of the binary), empty when it has none.
std::string_view program_build_id();

} // namespace storyline
