#include "cli/annotate_record.hpp"

#include "core/lang/language_id.hpp"
#include "core/text/utf8.hpp"
#include "core/util/json_line.hpp"
#include "core/util/pooled_json.hpp"
#include "importers/publication_date.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

namespace storyline::cli {
namespace {

// {"start":…,"end":…,"text":… without the closing brace.
void write_span(JsonLine& out, std::string_view text, Span s) {
    out.raw("{\"start\":");
    out.uint(s.begin);
    out.raw(",\"end\":");
    out.uint(s.end);
    out.raw(",\"text\":");
    out.string(s.in(text));
}

void write_document(JsonLine& out, const Document& doc) {
    const std::string_view text = doc.article.text;
    out.raw("{\"id\":");
    out.string(doc.article.id);
    out.raw(",\"timex\":[");
    for (std::size_t k = 0; k < doc.timexes.size(); ++k) {
        const auto& t = doc.timexes[k];
        if (k > 0) out.raw(',');
        write_span(out, text, t.span);
        out.raw(",\"type\":");
        out.string(to_string(t.type));
        out.raw(",\"value\":");
        out.string(t.value);
        if (!t.mod.empty()) {
            out.raw(",\"mod\":");
            out.string(t.mod);
        }
        out.raw('}');
    }
    out.raw("],\"entities\":[");
    for (std::size_t k = 0; k < doc.entities.size(); ++k) {
        const auto& e = doc.entities[k];
        if (k > 0) out.raw(',');
        write_span(out, text, e.span);
        out.raw(",\"type\":");
        out.string(to_string(e.type));
        out.raw(",\"key\":");
        out.string(e.key);
        if (!e.kb_id.empty()) {
            out.raw(",\"kb_id\":");
            out.string(e.kb_id);
        }
        out.raw('}');
    }
    out.raw("],\"events\":[");
    auto names = [&](const std::vector<int>& list) {
        for (std::size_t k = 0; k < list.size(); ++k) {
            if (k > 0) out.raw(',');
            out.string(doc.entities[static_cast<std::size_t>(list[k])].span.in(text));
        }
    };
    for (std::size_t k = 0; k < doc.events.size(); ++k) {
        const auto& ev = doc.events[k];
        if (k > 0) out.raw(',');
        write_span(out, text, ev.trigger);
        out.raw(",\"type\":");
        out.string(ev.type);
        out.raw(",\"lemma\":");
        out.string(ev.lemma);
        out.raw(",\"date\":");
        out.string(ev.time_value);
        out.raw(",\"time_source\":");
        out.string(to_string(ev.time_source));
        out.raw(",\"modality\":");
        out.string(to_string(ev.modality));
        out.raw(",\"agents\":[");
        names(ev.agents);
        out.raw("],\"targets\":[");
        names(ev.targets);
        out.raw("],\"places\":[");
        names(ev.places);
        out.raw("]}");
    }
    out.raw("]}");
}

std::string string_field(const rapidjson::Value& obj, const char* name) {
    auto it = obj.FindMember(name);
    if (it == obj.MemberEnd() || !it->value.IsString()) return {};
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

// The fields of a line the annotator reads (a missing one is empty).
struct LineFields {
    std::string_view id, text, lang, dct;
    std::string scratch[4];   // decoded values of fields with escapes
};

bool json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Four hex digits at s[i]; -1 when they are not.
long hex4(std::string_view s, std::size_t i) {
    if (i + 4 > s.size()) return -1;
    long v = 0;
    for (std::size_t k = i; k < i + 4; ++k) {
        const int d = hex_digit(s[k]);
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

// `cp` as UTF-8 at `o`; returns the end.
char* put_utf8(char* o, char32_t cp) {
    if (cp < 0x80) {
        *o++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
        *o++ = static_cast<char>(0xC0 | (cp >> 6));
        *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = static_cast<char>(0xE0 | (cp >> 12));
        *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        *o++ = static_cast<char>(0xF0 | (cp >> 18));
        *o++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
    return o;
}

// The string at s[i] (an opening quote): `value` is its bytes in the line when it has no escape,
// else its decoded bytes in `scratch`. false on what the fast path leaves to rapidjson: a control
// byte, an unknown escape, a lone surrogate, a missing closing quote.
bool scan_string(std::string_view s, std::size_t& i, std::string_view& value, std::string& scratch) {
    // Bytes that end a run of plain ones: '"', '\\' and control bytes.
    static constexpr auto stops = [] {
        std::array<bool, 256> t{};
        for (std::size_t c = 0; c < 0x20; ++c) t[c] = true;
        t['"'] = t['\\'] = true;
        return t;
    }();
    const std::size_t begin = ++i;
    std::size_t k = i;
    for (; k + 8 <= s.size(); k += 8) {   // eight plain bytes at a time
        std::uint64_t eight = 0;
        std::memcpy(&eight, s.data() + k, 8);
        if (JsonLine::has_json_special(eight)) break;
    }
    while (k < s.size() && !stops[static_cast<unsigned char>(s[k])]) ++k;
    i = k;
    if (k >= s.size()) return false;
    if (s[k] == '"') {
        value = s.substr(begin, k - begin);
        ++i;
        return true;
    }
    // Escapes: decoded into `scratch`, which they never make longer than the rest of the line.
    scratch.resize(s.size() - begin);
    char* const start = scratch.data();
    std::memcpy(start, s.data() + begin, k - begin);
    char* o = start + (k - begin);
    while (true) {
        if (s[k] == '"') {
            value = std::string_view(start, static_cast<std::size_t>(o - start));
            i = k + 1;
            return true;
        }
        if (s[k] != '\\' || k + 1 >= s.size()) return false;
        const char e = s[k + 1];
        k += 2;
        switch (e) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            long cp = hex4(s, k);
            if (cp < 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
            k += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) {   // a surrogate pair
                if (k + 2 > s.size() || s[k] != '\\' || s[k + 1] != 'u') return false;
                const long low = hex4(s, k + 2);
                if (low < 0xDC00 || low > 0xDFFF) return false;
                k += 6;
                cp = (((cp - 0xD800) << 10) | (low - 0xDC00)) + 0x10000;
            }
            o = put_utf8(o, static_cast<char32_t>(cp));
            break;
        }
        default: return false;
        }
        for (; k + 8 <= s.size(); k += 8, o += 8) {
            std::uint64_t eight = 0;
            std::memcpy(&eight, s.data() + k, 8);
            if (JsonLine::has_json_special(eight)) break;
            std::memcpy(o, &eight, 8);
        }
        while (k < s.size() && !stops[static_cast<unsigned char>(s[k])]) *o++ = s[k++];
        if (k >= s.size()) return false;
    }
}

// The common line, one flat object whose values are all strings, read without building a tree.
// Returns true only for a line rapidjson accepts and reads the same way (keys without escapes,
// the first of duplicate keys wins); anything else goes to rapidjson, with its error messages.
bool scan_flat_line(std::string_view s, LineFields& out) {
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < s.size() && json_space(s[i])) ++i;
    };
    skip_space();
    if (i == s.size() || s[i++] != '{') return false;
    skip_space();
    std::array<std::string_view*, 4> slots{&out.id, &out.text, &out.lang, &out.dct};
    std::array<bool, 4> seen{};
    std::string skipped;   // decoded values of the other keys, dropped
    if (i < s.size() && s[i] == '}') {
        ++i;
    } else {
        while (true) {
            if (i == s.size() || s[i] != '"') return false;
            std::string_view key;
            const char* const key_at = s.data() + i + 1;
            if (!scan_string(s, i, key, skipped) || key.data() != key_at) return false;   // escaped key: rapidjson
            skip_space();
            if (i == s.size() || s[i++] != ':') return false;
            skip_space();
            if (i == s.size() || s[i] != '"') return false;
            std::size_t field = 4;
            if (key == "id") field = 0;
            else if (key == "text") field = 1;
            else if (key == "lang") field = 2;
            else if (key == "dct") field = 3;
            const bool keep = field < 4 && !seen[field];
            std::string_view value;
            if (!scan_string(s, i, value, keep ? out.scratch[field] : skipped)) return false;
            if (keep) {
                seen[field] = true;
                *slots[field] = value;
            }
            skip_space();
            if (i == s.size()) return false;
            const char c = s[i++];
            if (c == '}') break;
            if (c != ',') return false;
            skip_space();
        }
    }
    skip_space();
    return i == s.size();
}

} // namespace

std::optional<Document> parse_annotate_line(std::string_view line, std::string& error) {
    Document doc;
    std::string dct;
    if (LineFields f; scan_flat_line(line, f)) {
        doc.article.id = f.id;
        doc.article.text = repair_utf8(f.text);
        doc.article.lang = f.lang;
        dct = f.dct;
    } else {
        PooledJson pooled;
        PooledDocument& json = pooled.doc();
        json.Parse(line.data(), line.size());
        if (json.HasParseError() || !json.IsObject()) {
            error = json.HasParseError() ? rapidjson::GetParseError_En(json.GetParseError()) : "not an object";
            return std::nullopt;
        }
        doc.article.id = string_field(json, "id");
        doc.article.text = repair_utf8(string_field(json, "text"));
        doc.article.lang = string_field(json, "lang");
        dct = string_field(json, "dct");
    }
    if (doc.article.lang.empty()) doc.article.lang = identify_language(doc.article.text);
    if (auto d = normalise_publication_date(dct)) doc.article.published = {*d, "record"};
    return doc;
}

std::string annotation_json(const Document& doc) {
    // Most of a line is the quoted text of spans: a few dozen bytes per annotation.
    JsonLine out(256 + 96 * (doc.timexes.size() + doc.entities.size()) + 192 * doc.events.size());
    write_document(out, doc);
    return std::move(out).take();
}

} // namespace storyline::cli
