#pragma once
// An importer turns the bytes of one input file into articles. Importers never open files:
// they get the bytes plus what is known about the source, so tests feed them strings.
#include "core/model/article.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

struct SourceInfo {
    std::string path;        // as given on the command line, for messages and source_key
    std::string extension;   // lower-case, without the dot ("html", "jsonl", "gz" stripped first)
    std::string forced_lang; // --lang when not "auto"
    std::string forced_date; // --date YYYY-MM-DD
};

class Importer {
public:
    virtual ~Importer() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;
    // How sure this importer is that it can read these bytes: 0 = no, 100 = certain from the
    // content alone; the extension alone is worth 10. The registry picks the highest score.
    [[nodiscard]] virtual int sniff(std::string_view bytes, const SourceInfo& src) const = 0;
    // Throws ImportError for a file that cannot be read at all; per-record problems go into
    // ImportResult::issues.
    [[nodiscard]] virtual ImportResult parse(std::string_view bytes, const SourceInfo& src) const = 0;
}; // class Importer

struct ImportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace storyline
