#include "importers/json_importer.hpp"

#include "importers/input_checks.hpp"
#include "importers/json_record.hpp"

#include <rapidjson/error/en.h>

namespace storyline {

int JsonImporter::sniff(std::string_view bytes, const SourceInfo& src) const {
    if (src.extension == "jsonl" || src.extension == "ndjson") return 0;
    const bool looks = starts_with_any(bytes, "{[");
    if (src.extension == "json") return looks ? 60 : 10;
    return looks ? 30 : 0;
}

ImportResult JsonImporter::parse(std::string_view bytes, const SourceInfo&) const {
    require_utf8_text(bytes);
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseStopWhenDoneFlag>(bytes.data(), bytes.size());
    if (doc.HasParseError()) {
        throw ImportError(std::string("invalid JSON at byte ") + std::to_string(doc.GetErrorOffset()) + ": " +
                          rapidjson::GetParseError_En(doc.GetParseError()));
    }
    ImportResult r;
    auto take = [&](const rapidjson::Value& v, const std::string& where) {
        Article a;
        std::string error;
        if (article_from_json(v, a, error)) r.articles.push_back(std::move(a));
        else r.issues.push_back({where, error});
    };
    if (doc.IsArray()) {
        std::size_t n = 0;
        for (const auto& v : doc.GetArray()) take(v, "item " + std::to_string(++n));
    } else if (doc.IsObject()) {
        std::string error;
        Article a;
        if (!article_from_json(doc, a, error)) throw ImportError(error);
        r.articles.push_back(std::move(a));
    } else {
        throw ImportError("JSON is neither an object nor an array of objects");
    }
    return r;
}

} // namespace storyline
