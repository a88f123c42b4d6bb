#include "importers/encoding.hpp"

#include "core/text/utf8.hpp"
#include "importers/importer.hpp"
#include "importers/input_checks.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <memory>

namespace storyline {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Browsers read Latin-1 and ASCII labels as windows-1252 (WHATWG): so do we.
std::string canonical_charset(std::string label) {
    label = lower(label);
    if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8") return "UTF-8";
    if (label == "iso-8859-1" || label == "latin1" || label == "latin-1" || label == "iso8859-1" || label == "l1" ||
        label == "us-ascii" || label == "ascii" || label == "cp1252" || label == "windows-1252" || label == "x-cp1252" ||
        label == "iso_8859-1")
        return "windows-1252";
    return label;
}

// Counts well-formed multi-byte sequences and stray bytes.
void utf8_census(std::string_view s, std::size_t& good, std::size_t& bad) {
    good = bad = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char32_t cp = next_code_point(s, i);
        if (cp == 0xFFFD && !(i - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD")) ++bad;
        else ++good;
    }
}

std::string convert(std::string_view bytes, const std::string& charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(charset.c_str(), &status);
    if (U_FAILURE(status)) return {};
    const std::unique_ptr<UConverter, decltype(&ucnv_close)> guard(conv, &ucnv_close);
    const icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv, status);
    if (U_FAILURE(status)) return {};
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string detect_with_uchardet(std::string_view bytes) {
    uchardet_t ud = uchardet_new();
    if (!ud) return {};
    const std::size_t n = std::min<std::size_t>(bytes.size(), 256 * 1024);
    uchardet_handle_data(ud, bytes.data(), n);
    uchardet_data_end(ud);
    std::string cs = uchardet_get_charset(ud) ? uchardet_get_charset(ud) : "";
    uchardet_delete(ud);
    return cs;
}

} // namespace

std::string declared_charset(std::string_view bytes) {
    const std::string head = lower(bytes.substr(0, std::min<std::size_t>(bytes.size(), 4096)));
    auto value_after = [&](std::size_t pos) {
        while (pos < head.size() && (head[pos] == ' ' || head[pos] == '=' || head[pos] == '"' || head[pos] == '\'')) ++pos;
        std::size_t end = pos;
        while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' || head[end] == '_' || head[end] == '.' || head[end] == ':'))
            ++end;
        return head.substr(pos, end - pos);
    };
    if (head.starts_with("<?xml")) {
        const auto close = head.find("?>");
        const auto enc = head.find("encoding");
        if (enc != std::string::npos && enc < close) return value_after(enc + 8);
    }
    for (std::size_t pos = head.find("<meta"); pos != std::string::npos; pos = head.find("<meta", pos + 5)) {
        const auto close = head.find('>', pos);
        const auto cs = head.find("charset", pos);
        if (cs != std::string::npos && cs < close) return value_after(cs + 7);
    }
    return {};
}

std::string normalise_unicode(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    std::string composed;   // only when NFC changes the text
    // ASCII is NFC already (most English text). Other text is checked and composed on its UTF-8:
    // a round trip through UTF-16 copied all of it twice (for a JSON Lines dump decoded whole,
    // 48 MB of UTF-16 for 24 MB of text, about a fifth of its `import --dry-run`).
    const bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii && U_SUCCESS(status)) {
        const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
        if (!nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) {
            status = U_ZERO_ERROR;
            icu::StringByteSink<std::string> sink(&composed);
            nfc->normalizeUTF8(0, piece, sink, nullptr, status);
            if (U_FAILURE(status)) composed.clear();
        }
    }
    const std::string_view s = composed.empty() ? utf8 : std::string_view(composed);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7F) {   // a run of printable ASCII stays as it is
            std::size_t j = i + 1;
            while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x20 && static_cast<unsigned char>(s[j]) < 0x7F) ++j;
            out.append(s.data() + i, j - i);
            i = j;
            continue;
        }
        const std::size_t start = i;
        const char32_t cp = next_code_point(s, i);
        if (cp == '\r') {
            out += '\n';
            if (i < s.size() && s[i] == '\n') ++i;
        } else if (cp == 0xFEFF || cp == 0x200B || cp == 0x00AD || (cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F) {
            // BOM, zero-width space, soft hyphen and stray controls carry no text
        } else if (cp == 0x00A0 || cp == 0x2007 || cp == 0x2009 || cp == 0x202F || cp == 0x200A || cp == 0x2002 ||
                   cp == 0x2003 || cp == 0x205F || cp == 0x3000) {
            out += ' ';
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

struct StreamDecoder::Impl {
    UConverter* from = nullptr;
    UConverter* to = nullptr;
    UChar pivot[1024];
    UChar* pivot_source = pivot;
    UChar* pivot_target = pivot;
    bool first = true;
    ~Impl() {
        if (from) ucnv_close(from);
        if (to) ucnv_close(to);
    }
};

StreamDecoder::StreamDecoder(const std::string& charset) : m(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    m->from = ucnv_open(charset.c_str(), &status);
    if (U_SUCCESS(status)) m->to = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) throw ImportError("unreadable " + charset + " text");
}

StreamDecoder::~StreamDecoder() = default;

void StreamDecoder::decode(std::string_view bytes, std::string& out, bool last) {
    const char* source = bytes.data();
    const char* const source_end = source + bytes.size();
    for (;;) {
        const std::size_t old = out.size();
        const std::size_t room = 2 * bytes.size() + 64;   // UTF-16 to UTF-8: 3 bytes for 2 at most
        out.resize(old + room);
        char* target = out.data() + old;
        UErrorCode status = U_ZERO_ERROR;
        ucnv_convertEx(m->to, m->from, &target, out.data() + old + room, &source, source_end, m->pivot, &m->pivot_source,
                       &m->pivot_target, m->pivot + std::size(m->pivot), m->first, last, &status);
        m->first = false;
        out.resize(static_cast<std::size_t>(target - out.data()));
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;   // the rest, into more room
        if (U_FAILURE(status)) throw ImportError(std::string("unreadable text: ") + u_errorName(status));
        return;
    }
}

DecodedText decode_text(std::string_view bytes) {
    if (bytes.empty()) throw ImportError("empty file");
    DecodedText d;
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        d.charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        const std::string raw = convert(bytes.substr(2), d.charset);
        if (raw.empty()) throw ImportError("unreadable " + d.charset + " text");
        require_not_binary(raw);
        d.text = normalise_unicode(raw);
        return d;
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (plain_ascii_text(bytes)) {   // valid, not binary and normalised already: one pass, one copy
        d.charset = "UTF-8";
        d.text.assign(bytes);
        return d;
    }
    require_not_binary(bytes);
    if (valid_utf8(bytes)) {
        d.charset = "UTF-8";
        d.text = normalise_unicode(bytes);
        return d;
    }
    std::size_t good = 0, bad = 0;
    utf8_census(bytes, good, bad);
    std::string cs = canonical_charset(declared_charset(bytes));
    if (cs == "UTF-8" && good < bad * 4) cs.clear();   // declared UTF-8 but plainly is not
    if (cs.empty() && good > 0 && good >= bad * 4) cs = "UTF-8";
    if (cs.empty()) {
        cs = canonical_charset(detect_with_uchardet(bytes));
        if (cs == "UTF-8" || cs.empty() || cs == "ascii/unknown") cs = "windows-1252";
    }
    std::string raw = cs == "UTF-8" ? repair_utf8(bytes) : convert(bytes, cs);
    if (raw.empty()) {   // a label ICU does not know
        cs = "windows-1252";
        raw = convert(bytes, cs);
    }
    d.charset = cs;
    d.text = normalise_unicode(repair_utf8(raw));
    return d;
}

} // namespace storyline
