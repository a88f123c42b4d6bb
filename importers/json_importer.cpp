#include "importers/json_importer.hpp"

#include "importers/input_checks.hpp"
#include "importers/json_record.hpp"
#include "importers/jsonl_importer.hpp"

#include <rapidjson/encodedstream.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>

namespace storyline {

int JsonImporter::sniff(std::string_view bytes, const SourceInfo& src) const {
    if (src.extension == "jsonl" || src.extension == "ndjson") return 0;
    const bool looks = starts_with_any(bytes, "{[");
    if (src.extension == "json") return looks ? 60 : 10;
    return looks ? 30 : 0;
}

ImportResult JsonImporter::parse(std::string_view bytes, const SourceInfo& src) const {
    require_utf8_text(bytes);
    rapidjson::Document doc;
    rapidjson::MemoryStream memory(bytes.data(), bytes.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(memory);
    doc.ParseStream<rapidjson::kParseStopWhenDoneFlag>(in);
    if (doc.HasParseError()) {
        throw ImportError(std::string("invalid JSON at byte ") + std::to_string(doc.GetErrorOffset()) + ": " +
                          rapidjson::GetParseError_En(doc.GetParseError()));
    }
    // What follows the value. Another object: the file is JSON Lines under a .json name (as
    // BigQuery and many scrapers write them), read as such rather than as its first record.
    // Anything else is said, not dropped in silence.
    std::size_t after = in.Tell();
    while (after < bytes.size() && (bytes[after] == ' ' || bytes[after] == '\n' || bytes[after] == '\r' || bytes[after] == '\t')) ++after;
    if (after < bytes.size() && doc.IsObject() && bytes[after] == '{') return JsonlImporter().parse(bytes, src);
    ImportResult r;
    if (after < bytes.size())
        r.issues.push_back({"byte " + std::to_string(after), "content after the JSON value"});
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
