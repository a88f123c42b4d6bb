#include "importers/input_checks.hpp"

#include "core/text/utf8.hpp"
#include "importers/importer.hpp"

namespace storyline {

void require_utf8_text(std::string_view bytes) {
    if (bytes.empty()) throw ImportError("empty file");
    std::size_t control = 0;
    const std::size_t probe = std::min<std::size_t>(bytes.size(), 65536);
    for (std::size_t i = 0; i < probe; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0) throw ImportError("binary file (NUL bytes)");
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
    }
    if (control * 10 > probe) throw ImportError("binary file (control characters)");
    if (!valid_utf8(bytes)) throw ImportError("not UTF-8 text");
}

std::string normalise_newlines(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    std::string out;
    out.reserve(bytes.size());
    // Runs between carriage returns are copied whole (most files have none).
    while (!bytes.empty()) {
        const auto cr = bytes.find('\r');
        out.append(bytes.substr(0, cr));
        if (cr == std::string_view::npos) break;
        out += '\n';
        bytes.remove_prefix(cr + 1);
        if (bytes.starts_with('\n')) bytes.remove_prefix(1);
    }
    return out;
}

bool starts_with_any(std::string_view bytes, std::string_view chars) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    for (char c : bytes) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
        return chars.find(c) != std::string_view::npos;
    }
    return false;
}

} // namespace storyline
