// The gazetteer as a byte image (core/util/binary_image.hpp), cached between runs
// (core/util/image_cache.hpp). Built from its files, the gazetteer costs each process about
// 95 M instructions and 20-30 ms of a core (23,000 cities parsed, folded and indexed: 2 % of a
// whole Reuters import's CPU, and most of a one-file import's); read from its image, about 3 ms,
// its hash tables left in place (views of the mapped file). docs/gazetteer.md, "The cached image".
#include "annotators/entities/gazetteer_image.hpp"
#include "core/lang/resources.hpp"
#include "core/util/image_cache.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

namespace storyline::entities {

struct GazetteerImage {
    // A field added to these without being written below would be silently lost from the
    // image: the sizes make the build fail instead, until this file is brought up to date.
    static_assert(sizeof(GazEntry) == 4 * sizeof(std::string) + alignof(long) + sizeof(long) + 2 * sizeof(double),
                  "GazEntry changed: update gazetteer_image.cpp");
    static_assert(sizeof(TranslitRule) == 2 * sizeof(std::string) + alignof(std::string),
                  "TranslitRule changed: update gazetteer_image.cpp");
#if defined(__x86_64__) && defined(__GLIBCXX__)
    static_assert(sizeof(Lexicon) == 872, "Lexicon changed: update gazetteer_image.cpp");
    static_assert(sizeof(Gazetteer) == 1560, "Gazetteer changed: update gazetteer_image.cpp");
#endif

    static void write(ImageWriter& out, const ShortList& l) {
        out.strs(l.m_words);
        out.pod(l.m_bits);
    }
    static void read(ImageReader& in, ShortList& l) {
        in.strs(l.m_words);
        l.m_bits = in.pod<std::uint64_t>();
    }

    // Hash containers in key order: the same gazetteer always gives the same image.
    template <typename Set>
    static void write_set(ImageWriter& out, const Set& set) {
        std::vector<std::string_view> keys(set.begin(), set.end());
        std::sort(keys.begin(), keys.end());
        out.strs(keys);
    }
    template <typename Map>
    static void write_map(ImageWriter& out, const Map& map) {
        std::vector<const typename Map::value_type*> items;
        for (const auto& item : map) items.push_back(&item);
        std::sort(items.begin(), items.end(), [](auto* a, auto* b) { return a->first < b->first; });
        out.size(items.size());
        for (const auto* item : items) {
            out.str(item->first);
            out.pod(item->second);
        }
    }
    template <typename Map>
    static void read_map(ImageReader& in, Map& map) {
        const std::size_t n = in.size(sizeof(std::uint64_t));
        map.reserve(n);
        for (std::size_t i = 0; i < n && in.ok(); ++i) {
            std::string k = in.str();
            map.emplace(std::move(k), in.pod<typename Map::mapped_type>());
        }
    }

    static void write(ImageWriter& out, const Lexicon& lex) {
        lex.words.write_image(out);
        lex.common.write_image(out);
        write_set(out, lex.stop_words);
        write_set(out, lex.titles);
        lex.title_phrases.write_image(out);
        out.size(lex.title_max_tokens);
        write_map(out, lex.honorifics);
        write_map(out, lex.cues);
        write_map(out, lex.accented_cues);
        write_set(out, lex.misc_words);
        write_set(out, lex.determiners);
        for (const ShortList* l : {&lex.name_particles, &lex.list_particles, &lex.name_joiners, &lex.title_articles})
            write(out, *l);
        out.strs(lex.adjective_endings);
        for (bool b : {lex.elision, lex.title_in_span, lex.bare_cue_is_name, lex.unknown_single_is_person,
                       lex.apposition_in_span, lex.split_dashed_words})
            out.pod(b);
    }
    static void read(ImageReader& in, Lexicon& lex, bool view) {
        lex.words.read_image(in, view);
        lex.common.read_image(in, view);
        in.strs(lex.stop_words);
        in.strs(lex.titles);
        lex.title_phrases.read_image(in, view);
        lex.title_max_tokens = in.size(0);
        read_map(in, lex.honorifics);
        read_map(in, lex.cues);
        read_map(in, lex.accented_cues);
        in.strs(lex.misc_words);
        in.strs(lex.determiners);
        for (ShortList* l : {&lex.name_particles, &lex.list_particles, &lex.name_joiners, &lex.title_articles}) read(in, *l);
        in.strs(lex.adjective_endings);
        for (bool* b : {&lex.elision, &lex.title_in_span, &lex.bare_cue_is_name, &lex.unknown_single_is_person,
                        &lex.apposition_in_span, &lex.split_dashed_words})
            *b = in.pod<bool>();
    }

    static void write(ImageWriter& out, const Gazetteer& g) {
        out.size(g.m_entries.size());
        for (const GazEntry& e : g.m_entries) {
            out.str(e.id);
            out.pod(e.kind);
            out.str(e.canonical);
            out.str(e.country);
            out.pod(e.population);
            out.pod(e.latitude);
            out.pod(e.longitude);
            out.str(e.region_kind);
        }
        g.m_by_id.write_image(out);
        out.size(g.m_phrases.size());
        for (const auto& p : g.m_phrases) {
            out.pod(p.hash);
            out.pod(p.one_word);
            out.pods(p.entries);
        }
        g.m_phrase_index.write_image(out);
        g.m_first_index.write_image(out);
        g.m_given.write_image(out);
        for (const auto& list : g.m_key_words) out.strs(list);
        std::vector<std::string_view> langs;
        for (const auto& entry : g.m_lexicons) langs.push_back(entry.first);
        std::sort(langs.begin(), langs.end());
        out.size(langs.size());
        for (const auto lang : langs) {
            out.str(lang);
            write(out, g.m_lexicons.at(std::string(lang)));
        }
        write(out, g.m_empty);
        out.size(g.m_translit.size());
        for (const auto& r : g.m_translit) {
            out.str(r.from);
            out.str(r.to);
            out.pod(r.at_end);
        }
    }
    // False when the image does not hold a whole gazetteer (`g` is then to be dropped). With
    // `view`, the hash tables stay in the image (FlatTable::read_image).
    static bool read(ImageReader& in, Gazetteer& g, bool view) {
        const std::size_t entries = in.size(sizeof(std::uint64_t));
        g.m_entries.resize(entries);
        for (GazEntry& e : g.m_entries) {
            e.id = in.str();
            e.kind = in.pod<EntryKind>();
            e.canonical = in.str();
            e.country = in.str();
            e.population = in.pod<long>();
            e.latitude = in.pod<double>();
            e.longitude = in.pod<double>();
            e.region_kind = in.str();
        }
        bool tables = g.m_by_id.read_image(in, view);
        const std::size_t phrases = in.size(sizeof(std::uint64_t));
        g.m_phrases.resize(phrases);
        for (auto& p : g.m_phrases) {
            p.hash = in.pod<std::uint64_t>();
            p.one_word = in.pod<bool>();
            p.entries = in.pods<std::uint32_t>();
        }
        tables = g.m_phrase_index.read_image(in, view) && tables;
        tables = g.m_first_index.read_image(in, view) && tables;
        tables = g.m_given.read_image(in, view) && tables;
        for (auto& list : g.m_key_words) in.strs(list);
        const std::size_t langs = in.size(sizeof(std::uint64_t));
        for (std::size_t i = 0; i < langs && in.ok(); ++i) {
            std::string lang = in.str();
            read(in, g.m_lexicons[std::move(lang)], view);
        }
        read(in, g.m_empty, view);
        const std::size_t rules = in.size(sizeof(std::uint64_t));
        g.m_translit.resize(rules);
        for (auto& r : g.m_translit) {
            r.from = in.str();
            r.to = in.str();
            r.at_end = in.pod<bool>();
        }
        return tables && in.ok() && in.at_end();
    }

    // The mapped image `g`'s tables are views of, kept as long as `g`.
    static void keep(Gazetteer& g, std::shared_ptr<const void> image) { g.m_backing = std::move(image); }

    // The build and every file the gazetteer is made of.
    static ImageKey key() {
        ImageKey key;
        key.add("gazetteer");
        key.add_folder(data_file("gazetteer"));
        for (const auto& lang : available_languages()) {
            key.add(lang);
            key.add_folder(language_file(lang, "entities"));
        }
        return key;
    }
}; // struct GazetteerImage

std::string gazetteer_image(const Gazetteer& g) {
    ImageWriter out;
    GazetteerImage::write(out, g);
    return out.take();
}

std::unique_ptr<Gazetteer> gazetteer_from_image(std::string_view image, bool view) {
    auto g = std::make_unique<Gazetteer>(Gazetteer::Empty{});
    ImageReader in(image);
    if (!GazetteerImage::read(in, *g, view)) return nullptr;
    return g;
}

std::unique_ptr<Gazetteer> load_gazetteer() {
    if (!image_cache_enabled()) return std::make_unique<Gazetteer>();
    std::optional<ImageKey> key;
    // The cache only saves time: whatever goes wrong with it (a folder that cannot be listed,
    // memory), the gazetteer is built from its files as without it.
    try {
        key.emplace(GazetteerImage::key());
        if (std::shared_ptr<const CachedImage> cached = read_cached_image("gazetteer", *key)) {
            if (auto g = gazetteer_from_image(cached->payload(), true)) {
                GazetteerImage::keep(*g, std::move(cached));
                return g;
            }
        }
    } catch (const std::exception&) {
        key.reset();
    }
    auto g = std::make_unique<Gazetteer>();   // its own errors (a missing data file) are the run's
    if (key) {
        try {
            write_cached_image("gazetteer", *key, gazetteer_image(*g));
        } catch (const std::exception&) {
        }
    }
    return g;
}

} // namespace storyline::entities
