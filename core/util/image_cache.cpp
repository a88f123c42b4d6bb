#include "core/util/image_cache.hpp"

#include "core/lang/resources.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <elf.h>
#include <fcntl.h>
#include <fstream>
#include <link.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#include <xxhash.h>

namespace storyline {
namespace {

// The file: this header, then the payload.
struct Header {
    char magic[8];
    std::uint64_t key_lo, key_hi;
    std::uint64_t payload_size;
    std::uint64_t payload_hash;   // XXH3-64 of the payload
    std::uint64_t unused[3];      // the payload starts 64 bytes into the file: a page-aligned
                                  // mapping gives its arrays the alignment they were written with
};
static_assert(sizeof(Header) == 64);
constexpr char k_magic[8] = {'S', 'L', 'I', 'M', 'A', 'G', 'E', '2'};

std::optional<std::filesystem::path> cache_dir() {
    if (const char* dir = std::getenv("STORYLINE_CACHE_DIR")) {
        if (std::string_view(dir) == "off" || !*dir) return std::nullopt;
        return std::filesystem::path(dir);
    }
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "storyline";
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".cache" / "storyline";
    return std::nullopt;
}

std::filesystem::path image_path(const std::filesystem::path& dir, std::string_view name, const std::string& hex) {
    return dir / (std::string(name) + "-" + hex + ".bin");
}

std::string find_build_id() {
    std::string id;
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* data) -> int {
            auto& out = *static_cast<std::string*>(data);
            for (int i = 0; i < info->dlpi_phnum; ++i) {
                const ElfW(Phdr)& ph = info->dlpi_phdr[i];
                if (ph.p_type != PT_NOTE) continue;
                const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
                const char* const end = p + ph.p_memsz;
                while (p + sizeof(ElfW(Nhdr)) <= end) {
                    ElfW(Nhdr) note;
                    std::memcpy(&note, p, sizeof note);
                    const char* name = p + sizeof note;
                    const char* desc = name + ((note.n_namesz + 3) & ~3u);
                    if (desc > end || note.n_descsz > static_cast<std::size_t>(end - desc)) break;
                    if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                        out.assign(desc, note.n_descsz);
                        return 1;
                    }
                    p = desc + ((note.n_descsz + 3) & ~3u);
                }
            }
            return 1;   // the first object is the program itself: the libraries do not matter
        },
        &id);
    return id;
}

} // namespace

std::string_view program_build_id() {
    static const std::string id = find_build_id();
    return id;
}

struct ImageKey::State {
    State() : xxh(XXH3_createState()) {}
    ~State() { XXH3_freeState(xxh); }
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    XXH3_state_t* xxh;
};

ImageKey::ImageKey() : m_state(std::make_unique<State>()) {
    XXH3_128bits_reset(m_state->xxh);
    const std::string_view id = program_build_id();
    m_usable = !id.empty();
    add(id);
}
ImageKey::~ImageKey() = default;
ImageKey::ImageKey(ImageKey&&) noexcept = default;
ImageKey& ImageKey::operator=(ImageKey&&) noexcept = default;

void ImageKey::add(std::string_view bytes) {
    // Each part's length first: ("ab", "c") and ("a", "bc") are different keys.
    const std::uint64_t n = bytes.size();
    XXH3_128bits_update(m_state->xxh, &n, sizeof n);
    XXH3_128bits_update(m_state->xxh, bytes.data(), bytes.size());
}

void ImageKey::add_folder(const std::filesystem::path& dir) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    add(ec ? "unreadable folder" : files.empty() ? "empty folder" : "folder");
    for (const auto& f : files) {
        add(f.lexically_relative(dir).string());
        std::optional<std::string> bytes;
        try {
            bytes = read_data_file(f);
        } catch (const std::exception&) {   // a read error: this key then matches no image
        }
        add(bytes ? std::string_view(*bytes) : std::string_view("unreadable file"));
    }
}

std::pair<std::uint64_t, std::uint64_t> ImageKey::digest() const {
    const XXH128_hash_t h = XXH3_128bits_digest(m_state->xxh);
    return {h.low64, h.high64};
}

std::string ImageKey::hex() const {
    const auto [lo, hi] = digest();
    char out[33];
    std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(hi), static_cast<unsigned long long>(lo));
    return out;
}

bool image_cache_enabled() { return !program_build_id().empty() && cache_dir().has_value(); }

CachedImage::~CachedImage() {
    if (m_map) munmap(const_cast<void*>(m_map), m_map_size);
}

std::unique_ptr<CachedImage> read_cached_image(std::string_view name, const ImageKey& key) {
    const auto dir = cache_dir();
    if (!dir || !key.usable()) return nullptr;
    const int fd = open(image_path(*dir, name, key.hex()).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    struct stat st {};
    void* map = MAP_FAILED;
    if (fstat(fd, &st) == 0 && static_cast<std::size_t>(st.st_size) >= sizeof(Header))
        map = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED) return nullptr;
    const auto size = static_cast<std::size_t>(st.st_size);
    auto image = std::make_unique<CachedImage>(map, size);   // unmaps on every way out
    Header h;
    std::memcpy(&h, map, sizeof h);
    const auto [lo, hi] = key.digest();
    if (std::memcmp(h.magic, k_magic, sizeof k_magic) != 0 || h.key_lo != lo || h.key_hi != hi ||
        h.payload_size != size - sizeof(Header))
        return nullptr;
    const std::string_view payload(static_cast<const char*>(map) + sizeof(Header), size - sizeof(Header));
    if (XXH3_64bits(payload.data(), payload.size()) != h.payload_hash) return nullptr;
    image->m_payload = payload;
    return image;
}

void write_cached_image(std::string_view name, const ImageKey& key, std::string_view payload) {
    const auto dir = cache_dir();
    if (!dir || !key.usable()) return;
    std::error_code ec;
    std::filesystem::create_directories(*dir, ec);
    if (ec) return;
    const auto [lo, hi] = key.digest();
    Header h{};
    std::memcpy(h.magic, k_magic, sizeof k_magic);
    h.key_lo = lo;
    h.key_hi = hi;
    h.payload_size = payload.size();
    h.payload_hash = XXH3_64bits(payload.data(), payload.size());
    const auto final_path = image_path(*dir, name, key.hex());
    // A name of this process's own, renamed over the final one when whole: two processes
    // writing at once each rename a complete image.
    auto tmp = final_path;
    tmp += ".tmp" + std::to_string(getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(&h), sizeof h);
        out.write(payload.data(), static_cast<std::streamsize>(payload.size()));
        out.close();
        if (!out) {
            std::filesystem::remove(tmp, ec);
            return;
        }
    }
    std::filesystem::rename(tmp, final_path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return;
    }
    // Older images of this name: the four newest stay (builds used side by side, a benchmark's
    // two binaries), the rest go.
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> images;
    const std::string prefix = std::string(name) + "-";
    // increment(ec), not a range-for: its ++ throws, and the cache must never fail a run.
    for (std::filesystem::directory_iterator it(*dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        if (file.starts_with(prefix) && file.ends_with(".bin")) images.emplace_back(it->last_write_time(ec), it->path());
    }
    std::sort(images.begin(), images.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 4; i < images.size(); ++i) std::filesystem::remove(images[i].second, ec);
}

} // namespace storyline
