#include "importers/gzip.hpp"

#include "importers/importer.hpp"

#include <zlib.h>

namespace storyline {

bool is_gzip(std::string_view bytes) { return bytes.size() >= 3 && bytes.starts_with("\x1F\x8B\x08"); }

std::string gunzip(std::string_view bytes, std::size_t limit) {
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK) throw ImportError("gzip: cannot initialise zlib");
    std::string out;
    char buf[1 << 16];
    // zlib's API is not const-correct; it never writes through next_in.
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    zs.avail_in = static_cast<uInt>(bytes.size());
    int rc = Z_OK;
    while (true) {
        zs.next_out = reinterpret_cast<Bytef*>(buf);
        zs.avail_out = sizeof buf;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) break;
        out.append(buf, sizeof buf - zs.avail_out);
        if (out.size() > limit) {
            inflateEnd(&zs);
            throw ImportError("gzip: inflated size exceeds " + std::to_string(limit >> 20) + " MiB");
        }
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0 || !is_gzip(std::string_view(reinterpret_cast<const char*>(zs.next_in), zs.avail_in))) break;
            inflateReset(&zs);   // another gzip member follows
        }
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) throw ImportError("gzip: corrupt or truncated data");
    return out;
}

} // namespace storyline
