#pragma once
// Near-duplicate articles: the same wire story under two outlets, with another headline, an
// outlet's tag line, one sentence changed or other line breaks. The store keeps every copy (each
// source's own text); the graph folds them, so the story is one article node listing every
// source and its events are counted once.
//
// Decided over all documents at once, never on import: the outcome depends only on the stored
// documents, not on the order they were imported in nor on how many --shard workers wrote them.
// Two passes: add() every document (a MinHash signature is kept, no text), then find().
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

struct NearDuplicateSettings {
    std::size_t shingle_words = 5;   // a shingle is this many consecutive folded words
    std::size_t min_words = 30;      // shorter bodies are never folded: too little evidence
    double threshold = 0.75;         // estimated Jaccard similarity of the shingle sets (docs/graph.md)
    // Two copies published further apart than this are not folded: the same text weeks later is a
    // recurring notice ("the central bank left its rates unchanged"), not another outlet's copy.
    int max_days_apart = 3;
};

struct NearDuplicates {
    struct Cluster {
        // The member the graph keeps: a dated one if any (its events keep their dates), then the
        // smallest article id. Depends on the members' content only, never on the import order.
        std::string representative;
        std::vector<std::string> members;   // every article id, the representative included, sorted
        std::vector<std::string> sources;   // the union of the members' source keys, sorted (collect_sources)
    };
    std::vector<Cluster> clusters;          // clusters of two or more articles, dated representatives first
    // Confirmed pairs (a < b) with their estimated Jaccard, sorted: what `stats --near-duplicates` shows.
    struct Pair {
        std::string a, b;
        double similarity = 0.0;
    };
    std::vector<Pair> pairs;
    // Candidate pairs (same LSH band, same language) by estimated Jaccard, tenths 0..10: how far
    // the confirmed pairs are from the rest, for choosing the threshold.
    std::array<std::size_t, 11> candidates_by_tenth{};

    // True for a member that is not its cluster's representative: left out of the graph.
    [[nodiscard]] bool folded(const std::string& article_id) const;
    // The sources to list on this article's node: its cluster's when it represents one, else null.
    [[nodiscard]] const std::vector<std::string>* cluster_sources(const std::string& article_id) const;
    // Articles in clusters (representatives included).
    [[nodiscard]] std::size_t clustered_articles() const;
    // Fills each cluster's sources from the store's list per article (only members are asked, so
    // pass 1 keeps no source keys).
    void collect_sources(const std::function<std::vector<std::string>(const std::string& article_id)>& sources_of);

    std::map<std::string, std::size_t> cluster_of;   // article id → index into clusters
};

class NearDuplicateFinder {
public:
    static constexpr std::size_t hashes = 128;
    static constexpr std::size_t bands = 21;          // LSH: 21 bands of 6 hashes (126 of the 128)
    static constexpr std::size_t rows = 6;

    explicit NearDuplicateFinder(NearDuplicateSettings settings = {});
    // Pass 1: one call per article, in any order. `text` is the body (the headline is left out:
    // outlets rewrite it); `published` = its publication date (ISO 8601) when known. The text is
    // copied and signed later, a few MB of articles at a time on every core.
    void add(const std::string& article_id, const std::string& lang, std::string_view text,
             std::string_view published = {});
    // The clusters: connected components of the pairs whose estimated Jaccard ≥ threshold.
    [[nodiscard]] NearDuplicates find();
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }

private:
    struct Entry {
        std::string id, lang;
        bool dated = false;
        int day = 0;                             // days since 1970-01-01 when dated
        bool eligible = false;                   // enough words to be compared at all
        std::array<std::uint32_t, hashes> mins{};
    };
    // The signatures of the articles added since the last call, computed side by side.
    void sign_pending();

    NearDuplicateSettings m_settings;
    std::vector<Entry> m_entries;
    std::vector<std::pair<std::size_t, std::string>> m_pending;   // entry index, text to sign
    std::size_t m_pending_bytes = 0;
}; // class NearDuplicateFinder

// The MinHash estimate of the Jaccard similarity of two bodies (tests, measuring); -1 when either
// is too short to be compared.
double near_duplicate_similarity(std::string_view a, std::string_view b, NearDuplicateSettings settings = {});

} // namespace storyline
