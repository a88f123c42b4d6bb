#pragma once
// The one document model every importer produces and every later stage reads.
#include <cstdint>
#include <string>
#include <vector>

namespace storyline {

// Where a publication date came from, in decreasing order of trust for HTML; kept as a
// string in the store so a new importer can add a source without a schema change.
// Known values: "cli", "record", "front-matter", "json-ld", "meta", "time-element",
// "byline", "feed", "url", "" (no date).
struct PublicationDate {
    std::string value;   // ISO 8601: YYYY-MM-DD, optionally THH:MM[:SS] and a zone (Z, +01:00)
    std::string source;  // see above

    [[nodiscard]] bool known() const { return value.size() >= 10; }
    [[nodiscard]] std::string day() const { return known() ? value.substr(0, 10) : std::string(); }
};

struct Article {
    std::string id;            // stable: the record's own id, else derived from the content hash
    std::string title;
    std::string text;          // body, UTF-8; every annotation offset points into these bytes
    std::string lang;          // ISO 639-1 ("fr", "en"), empty when unknown
    PublicationDate published;
    std::string url;
    std::string author;
    std::string source_name;   // outlet or feed title where given
    std::string format;        // importer that produced it ("txt", "json", "html", ...)
    std::string source_key;    // path (+ "#n" for the n-th record of a multi-record file)
    std::string content_hash;  // hex digest of title + text: "unchanged" detection and ids
};

// What an importer returns for one input file: zero or more articles and, for inputs that
// hold several records, the per-record problems that did not stop the rest.
struct ImportIssue {
    std::string where;   // "line 12", "item 3", "" for the whole file
    std::string reason;
};

struct ImportResult {
    std::vector<Article> articles;
    std::vector<ImportIssue> issues;
};

} // namespace storyline
