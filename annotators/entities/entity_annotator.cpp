#include "annotators/entities/entity_annotator.hpp"

#include "annotators/entities/gazetteer.hpp"
#include "annotators/entities/recognizer.hpp"
#include "annotators/entities/resolution.hpp"
#include "annotators/entities/text_fold.hpp"
#include "annotators/entities/tokenizer.hpp"

#include <algorithm>

namespace storyline {
namespace {

class EntityAnnotator final : public Annotator {
public:
    // Loading here, not on first use, so a missing data file fails at start-up.
    EntityAnnotator() : m_gaz(entities::gazetteer()) {}

    [[nodiscard]] std::string_view name() const override { return "entities"; }
    [[nodiscard]] std::string_view reads() const override { return "sentences"; }
    [[nodiscard]] std::string_view writes() const override { return "entities"; }

    void annotate(Document& doc) const override {
        const std::string& text = doc.article.text;
        const std::string lang = doc.article.lang.empty() ? "en" : doc.article.lang;
        // One token buffer per thread, reused from article to article (docs/performance-history.md,
        // sixteenth session); let go of after an unusually long text.
        thread_local entities::Tokens tokens;
        entities::tokenize_into(text, m_gaz.lexicon(lang).split_dashed_words, tokens);
        auto candidates = entities::recognize(text, tokens, lang, m_gaz);
        doc.entities = entities::resolve(text, tokens, std::move(candidates), lang, m_gaz);
        if (tokens.capacity() > k_kept_tokens) tokens = entities::Tokens();
    }

private:
    static constexpr std::size_t k_kept_tokens = 65536;   // 2.6 MB: a text of about 250 KB
    const entities::Gazetteer& m_gaz;
}; // class EntityAnnotator

const char* kind_name(const entities::GazEntry& g) {
    switch (g.kind) {
    case entities::EntryKind::country: return "country";
    case entities::EntryKind::city: return "city";
    case entities::EntryKind::region: return g.region_kind.empty() ? "region" : g.region_kind.c_str();
    case entities::EntryKind::organisation: return "organisation";
    case entities::EntryKind::agency: return "agency";
    case entities::EntryKind::demonym: return "country";
    }
    return "";
}

} // namespace

std::unique_ptr<Annotator> make_entity_annotator() { return std::make_unique<EntityAnnotator>(); }

std::optional<PlaceInfo> lookup_place(const std::string& kb_id) {
    const auto* g = entities::gazetteer().by_id(kb_id);
    if (!g) return std::nullopt;
    PlaceInfo p;
    p.id = g->id;
    p.name = g->canonical;
    p.kind = kind_name(*g);
    p.country = g->country;
    p.latitude = g->latitude;
    p.longitude = g->longitude;
    p.population = g->population;
    return p;
}

std::string entity_key(std::string_view surface, EntityType type, std::string_view lang) {
    const auto& gaz = entities::gazetteer();
    const auto& lex = gaz.lexicon(lang);
    const auto tokens = entities::tokenize(surface);
    std::vector<std::string> folds;
    for (const auto& t : tokens) {
        if (t.shape == entities::Shape::punct && t.fold != "&") continue;
        folds.emplace_back(t.fold);
    }
    // Leading articles, honorifics and titles say nothing about who is meant.
    std::size_t from = 0;
    while (from + 1 < folds.size()) {
        std::string f = folds[from];
        if (f == "le" || f == "la" || f == "les" || f == "l'" || f == "the" || lex.honorifics.count(f) ||
            lex.titles.count(f)) {
            ++from;
            continue;
        }
        break;
    }
    folds.erase(folds.begin(), folds.begin() + static_cast<std::ptrdiff_t>(from));
    std::string phrase;
    for (const auto& f : folds) {
        if (!phrase.empty()) phrase.push_back(' ');
        phrase += f;
    }
    if (type != EntityType::person) {
        if (const auto* list = gaz.find(phrase)) {
            const entities::GazEntry* best = nullptr;
            for (auto e : *list) {
                const auto& g = gaz.entry(e);
                if (!best || g.kind < best->kind ||
                    (g.kind == best->kind && g.population > best->population)) {
                    best = &g;
                }
            }
            if (best) return best->id;
        }
    }
    switch (type) {
    case EntityType::person: return entities::person_key(folds, gaz);
    case EntityType::organization: return "org:" + entities::transliterate(phrase, gaz);
    case EntityType::location: return "loc:" + phrase;
    case EntityType::misc: return "misc:" + phrase;
    }
    return phrase;
}

} // namespace storyline
