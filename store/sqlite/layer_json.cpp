#include "store/sqlite/layer_json.hpp"

#include "core/util/json_line.hpp"
#include "core/util/pooled_json.hpp"

#include <rapidjson/document.h>

#include <array>
#include <cmath>
#include <cstring>
#include <optional>

namespace storyline::layer_json {
namespace {

using Value = rapidjson::Value;

// The bytes of `sentence` in `text`, or nothing when the span does not fit the text.
std::optional<std::string_view> sentence_text(std::string_view text, Span sentence) {
    if (sentence.begin > sentence.end || sentence.end > text.size()) return std::nullopt;
    return text.substr(sentence.begin, sentence.size());
}

// Confidences take a handful of distinct values, and rapidjson's shortest round-trip dtoa costs
// a few hundred instructions a number: each value's text is kept (per thread) and copied.
class NumberCache {
public:
    void write(JsonLine& out, double x) {
        std::uint64_t bits = 0;
        std::memcpy(&bits, &x, sizeof bits);
        Entry& e = m_entries[(bits ^ (bits >> 23) ^ (bits >> 45)) % m_entries.size()];
        if (e.bits == bits) {
            for (std::size_t k = 0; k < e.size; ++k) out.raw(e.text[k]);
            return;
        }
        const std::size_t before = out.view().size();
        out.number(x);
        const std::string_view text = out.view().substr(before);
        if (text.size() > e.text.size()) return;
        e.bits = bits;
        e.size = text.size();
        std::memcpy(e.text.data(), text.data(), text.size());
    }

private:
    struct Entry {
        std::uint64_t bits = ~std::uint64_t{0};   // a NaN: never a finite value written here
        std::size_t size = 0;
        std::array<char, 32> text{};
    };
    std::array<Entry, 64> m_entries{};
}; // class NumberCache

// The values of one item, with the commas between them.
class Writer {
public:
    explicit Writer(JsonLine& out) : m_out(out) {}
    void span(Span s) {
        uint(s.begin);
        uint(s.end);
    }
    void uint(std::uint32_t v) {
        separate();
        m_out.uint(v);
    }
    void integer(int v) {
        separate();
        m_out.integer(v);
    }
    void string(std::string_view s) {
        separate();
        m_out.string(s);
    }
    void null() {
        separate();
        m_out.raw("null");
    }
    // JSON has no NaN or infinity; -0 is written as 0, as SQLite REALs (schema v1) and the
    // PostgreSQL store give it back.
    void number(double x) {
        separate();
        thread_local NumberCache numbers;
        numbers.write(m_out, std::isfinite(x) && x != 0.0 ? x : 0.0);
    }
    void ints(const std::vector<int>& v) {
        separate();
        m_out.raw('[');
        for (std::size_t k = 0; k < v.size(); ++k) {
            if (k) m_out.raw(',');
            m_out.integer(v[k]);
        }
        m_out.raw(']');
    }

private:
    void separate() {
        if (m_any) m_out.raw(',');
        m_any = true;
    }
    JsonLine& m_out;
    bool m_any = false;
}; // class Writer

// [[item values], ...]: the bytes rapidjson's Writer gave, from core/util/json_line.hpp.
template <class Items, class Fn>
void encode(JsonLine& out, const Items& items, Fn&& element) {
    out.raw('[');
    bool first = true;
    for (const auto& item : items) {
        if (!first) out.raw(',');
        first = false;
        out.raw('[');
        Writer w(out);
        element(w, item);
        out.raw(']');
    }
    out.raw(']');
}

// Checked access to element `i` of one layer item: a damaged database reports, never crashes.
class Item {
public:
    Item(const Value& v, rapidjson::SizeType arity, const char* layer) : m_v(v), m_layer(layer) {
        if (!v.IsArray() || v.Size() != arity) fail();
    }
    std::uint32_t offset(rapidjson::SizeType i) const {
        if (!m_v[i].IsUint()) fail();
        return m_v[i].GetUint();
    }
    Span span(rapidjson::SizeType i) const { return Span{offset(i), offset(i + 1)}; }
    bool is_null(rapidjson::SizeType i) const { return m_v[i].IsNull(); }
    int integer(rapidjson::SizeType i) const {
        if (!m_v[i].IsInt()) fail();
        return m_v[i].GetInt();
    }
    double number(rapidjson::SizeType i) const {
        if (!m_v[i].IsNumber()) fail();
        return m_v[i].GetDouble();
    }
    std::string string(rapidjson::SizeType i) const {
        if (!m_v[i].IsString()) fail();
        return std::string(m_v[i].GetString(), m_v[i].GetStringLength());
    }
    std::vector<int> ints(rapidjson::SizeType i) const {
        if (!m_v[i].IsArray()) fail();
        std::vector<int> out;
        for (const auto& x : m_v[i].GetArray()) {
            if (!x.IsInt()) fail();
            out.push_back(x.GetInt());
        }
        return out;
    }
    template <class T>
    T known(std::optional<T> parsed) const {
        if (!parsed) fail();
        return *parsed;
    }
    [[noreturn]] void fail() const { throw LayerError(std::string("damaged ") + m_layer + " layer in the database"); }

private:
    const Value& m_v;
    const char* m_layer;
};

template <class Fn>
void decode(std::string_view json, const char* layer, rapidjson::SizeType arity, Fn&& element) {
    PooledJson pooled;   // four layers per article: no fresh rapidjson pools for each
    PooledDocument& d = pooled.doc();
    // Full precision: confidences must read back as the very doubles that were written.
    d.Parse<rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
    if (d.HasParseError() || !d.IsArray()) throw LayerError(std::string("damaged ") + layer + " layer in the database");
    for (const auto& v : d.GetArray()) element(Item(v, arity, layer));
}

} // namespace

EncodedLayers::EncodedLayers(const Document& doc) {
    // Typical sizes per item (Reuters), so that the buffer rarely grows.
    JsonLine out(64 + 12 * doc.sentences.size() + 48 * doc.timexes.size() + 64 * doc.entities.size() +
                 192 * doc.events.size());
    encode(out, doc.sentences, [](Writer& w, const Sentence& s) { w.span(s.span); });
    m_ends[1] = out.view().size();
    encode(out, doc.timexes, [](Writer& w, const Timex& t) {
        w.span(t.span);
        w.string(to_string(t.type));
        w.string(t.value);
        w.string(t.mod);
        w.string(t.freq);
        w.integer(t.relative ? 1 : 0);
    });
    m_ends[2] = out.view().size();
    encode(out, doc.entities, [](Writer& w, const EntityMention& m) {
        w.span(m.span);
        w.string(to_string(m.type));
        w.string(m.key);
        w.string(m.canonical);
        w.string(m.kb_id);
        w.number(m.confidence);
    });
    m_ends[3] = out.view().size();
    // A summary that is its sentence's own bytes (99.7 % of Reuters events) is written as null
    // and read back from the text: a quarter of the layers' bytes.
    const std::string_view text = doc.article.text;
    encode(out, doc.events, [&](Writer& w, const EventMention& e) {
        w.span(e.trigger);
        w.span(e.sentence);
        w.string(e.type);
        w.string(e.lemma);
        const std::optional<std::string_view> own = sentence_text(text, e.sentence);
        if (own && (e.summary.empty() || e.summary == *own)) w.null();   // empty: the sentence's (EventMention)
        else w.string(e.summary);
        w.ints(e.agents);
        w.ints(e.targets);
        w.ints(e.places);
        w.integer(e.timex);
        w.string(e.time_value);
        w.string(to_string(e.time_source));
        w.string(to_string(e.modality));
        w.number(e.confidence);
    });
    m_ends[4] = out.view().size();
    m_text = std::move(out).take();
}

void decode_sentences(std::string_view json, Document& doc) {
    decode(json, "sentence", 2, [&](const Item& it) { doc.sentences.push_back(Sentence{it.span(0)}); });
}

void decode_timexes(std::string_view json, Document& doc) {
    decode(json, "temporal expression", 7, [&](const Item& it) {
        Timex t;
        t.span = it.span(0);
        t.type = it.known(timex_type_from(it.string(2)));
        t.value = it.string(3);
        t.mod = it.string(4);
        t.freq = it.string(5);
        t.relative = it.integer(6) != 0;
        doc.timexes.push_back(std::move(t));
    });
}

void decode_entities(std::string_view json, Document& doc) {
    decode(json, "entity", 7, [&](const Item& it) {
        EntityMention m;
        m.span = it.span(0);
        m.type = it.known(entity_type_from(it.string(2)));
        m.key = it.string(3);
        m.canonical = it.string(4);
        m.kb_id = it.string(5);
        m.confidence = it.number(6);
        doc.entities.push_back(std::move(m));
    });
}

void decode_events(std::string_view json, Document& doc) {
    decode(json, "event", 15, [&](const Item& it) {
        EventMention e;
        e.trigger = it.span(0);
        e.sentence = it.span(2);
        e.type = it.string(4);
        e.lemma = it.string(5);
        if (it.is_null(6)) {
            const std::optional<std::string_view> sentence = sentence_text(doc.article.text, e.sentence);
            if (!sentence) it.fail();
            e.summary = *sentence;
        } else {
            e.summary = it.string(6);
        }
        e.agents = it.ints(7);
        e.targets = it.ints(8);
        e.places = it.ints(9);
        e.timex = it.integer(10);
        e.time_value = it.string(11);
        e.time_source = it.known(time_source_from(it.string(12)));
        e.modality = it.known(modality_from(it.string(13)));
        e.confidence = it.number(14);
        doc.events.push_back(std::move(e));
    });
}

namespace {

// A field of a layer item as written: a string's bytes without its quotes (still escaped), or a
// number's or nested array's raw text.
struct RawField {
    std::string_view text;
    bool string = false;
    bool escaped = false;
};

// One pass over a layer's array with no tree built, calling on_item(fields, n) per item: counting
// mentions this way is several times faster than parsing them. Returns false on anything it
// does not expect; callers then run the full parser, which names the damage.
template <class Fn>
bool scan_items(std::string_view s, Fn&& on_item) {
    constexpr std::size_t max_fields = 16;
    std::array<RawField, max_fields> fields{};
    std::size_t i = 0, n = 0;
    const std::size_t size = s.size();
    auto skip_space = [&] {
        while (i < size && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    };
    // After an element of a list: ',' means another follows (`more`), ']' closes the list;
    // anything else is a damaged layer (false).
    auto after_element = [&](bool& more) {
        skip_space();
        if (i == size) return false;
        const char c = s[i++];
        more = c == ',';
        return c == ',' || c == ']';
    };
    skip_space();
    if (i == size || s[i++] != '[') return false;
    skip_space();
    if (i < size && s[i] == ']') {   // no items
        ++i;
        skip_space();
        return i == size;
    }
    for (;;) {   // items
        skip_space();
        if (i == size || s[i++] != '[') return false;
        n = 0;
        skip_space();
        if (i < size && s[i] == ']') {
            ++i;
        } else {
            for (;;) {   // fields
                skip_space();
                if (i == size || n == max_fields) return false;
                RawField f;
                if (s[i] == '"') {
                    const std::size_t from = ++i;
                    while (i < size && s[i] != '"') {
                        if (s[i] == '\\') {
                            f.escaped = true;
                            ++i;
                        }
                        ++i;
                    }
                    if (i >= size) return false;
                    f.text = s.substr(from, i - from);
                    f.string = true;
                    ++i;
                } else if (s[i] == '[') {   // a list of indices: no strings inside
                    const std::size_t from = i;
                    while (i < size && s[i] != ']') {
                        if (s[i] == '"' || (s[i] == '[' && i != from)) return false;
                        ++i;
                    }
                    if (i >= size) return false;
                    f.text = s.substr(from, ++i - from);
                } else {
                    const std::size_t from = i;
                    while (i < size && s[i] != ',' && s[i] != ']' && s[i] != ' ') ++i;
                    if (i == from) return false;
                    f.text = s.substr(from, i - from);
                }
                fields[n++] = f;
                bool more = false;
                if (!after_element(more)) return false;
                if (!more) break;
            }
        }
        on_item(fields, n);
        bool more = false;
        if (!after_element(more)) return false;
        if (more) continue;
        skip_space();
        return i == size;
    }
}

std::string unescape(std::string_view raw) {
    std::string quoted = "\"" + std::string(raw) + "\"";
    rapidjson::Document d;
    d.Parse(quoted.data(), quoted.size());
    if (d.HasParseError() || !d.IsString()) throw LayerError("damaged layer in the database");
    return std::string(d.GetString(), d.GetStringLength());
}

} // namespace

std::size_t count_items(std::string_view json) {
    std::size_t count = 0;
    if (scan_items(json, [&](const auto&, std::size_t) { ++count; })) return count;
    rapidjson::Document d;
    d.Parse(json.data(), json.size());
    if (d.HasParseError() || !d.IsArray()) throw LayerError("damaged layer in the database");
    return d.Size();
}

void for_each_entity_key(std::string_view json, const std::function<void(std::string_view, std::string_view)>& fn) {
    bool well_formed = true;
    std::vector<std::pair<std::string, std::string>> keys;   // collected first: a scan may still fail at the end
    const bool scanned = scan_items(json, [&](const auto& f, std::size_t n) {
        if (n != 7 || !f[2].string || !f[3].string) {
            well_formed = false;
            return;
        }
        keys.emplace_back(f[2].escaped ? unescape(f[2].text) : std::string(f[2].text),
                          f[3].escaped ? unescape(f[3].text) : std::string(f[3].text));
    });
    if (scanned && well_formed) {
        for (const auto& [type, key] : keys) fn(type, key);
        return;
    }
    rapidjson::Document d;
    d.Parse(json.data(), json.size());
    if (d.HasParseError() || !d.IsArray()) throw LayerError("damaged entity layer in the database");
    for (const auto& v : d.GetArray()) {
        const Item it(v, 7, "entity");
        if (!v[2].IsString() || !v[3].IsString()) it.fail();
        fn(std::string_view(v[2].GetString(), v[2].GetStringLength()), std::string_view(v[3].GetString(), v[3].GetStringLength()));
    }
}

} // namespace storyline::layer_json
