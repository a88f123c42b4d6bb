#include "importers/import_bytes.hpp"

#include "core/lang/language_id.hpp"
#include "core/util/hash.hpp"
#include "importers/encoding.hpp"
#include "importers/gzip.hpp"
#include "importers/registry.hpp"

#include <algorithm>
#include <cctype>

namespace storyline {

void finish_article(Article& a, const SourceInfo& src, std::size_t record, std::size_t records) {
    a.content_hash = hash_hex({a.title, "\x1f", a.text});   // as of title + '\x1f' + text, joined
    const bool own_id = !a.id.empty();
    // Content-derived id unless the record carries its own: the same article under two paths
    // (or two outlets) is one article with two sources.
    if (!own_id) a.id = "art-" + a.content_hash.substr(0, 12);
    if (a.source_key.empty()) {
        a.source_key = src.path;
        // Records of a multi-record file are keyed by their own id when they have one, so that
        // inserting a line does not make every later record look changed.
        if (records > 1) a.source_key += "#" + (own_id ? a.id : std::to_string(record + 1));
    }
    if (!src.forced_lang.empty()) a.lang = src.forced_lang;
    if (a.lang.empty()) a.lang = identify_language(a.title, a.text);
    if (!a.published.known() && !src.forced_date.empty()) a.published = {src.forced_date, "cli"};
}

std::string format_extension(std::string_view path) {
    // A file name's extension, lower-cased, without its dot; none for ".bashrc".
    auto extension = [](std::string_view name) {
        const std::size_t dot = name.rfind('.');
        std::string ext(dot == std::string_view::npos || dot == 0 ? std::string_view() : name.substr(dot + 1));
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return ext;
    };
    const std::string_view name = path.substr(path.rfind('/') + 1);   // npos + 1: the whole path
    const std::string ext = extension(name);
    return ext == "gz" ? extension(name.substr(0, name.size() - 3)) : ext;
}

bool article_too_large(const Article& a, std::string& reason) {
    const std::size_t size = a.title.size() + a.text.size();
    if (size <= max_article_bytes) return false;
    reason = "article too large (" + std::to_string(size >> 20) + " MB of text; the limit is " +
             std::to_string(max_article_bytes >> 20) + " MB)";
    return true;
}

FileImport import_bytes(std::string_view raw, const SourceInfo& given) {
    if (raw.empty()) throw ImportError("empty file");
    SourceInfo src = given;
    std::string inflated;
    if (is_gzip(raw)) {
        inflated = gunzip(raw);
        raw = inflated;
        if (raw.empty()) throw ImportError("empty file (once gunzipped)");
    }
    if (src.extension == "gz") src.extension = format_extension(src.path);
    // Every importer reads UTF-8: decode once here, whatever the file's encoding.
    const DecodedText decoded = decode_text(raw);
    inflated.clear();
    const std::string_view bytes = decoded.text;
    const Importer* importer = pick_importer(bytes, src);
    if (!importer) throw ImportError("unknown format (no importer recognises this file)");
    FileImport out{std::string(importer->name()), importer->parse(bytes, src)};
    auto& articles = out.result.articles;
    // An article past the limit is a dump or a scraping accident; annotating it would take
    // minutes and hundreds of MB, so it is reported instead.
    const std::size_t records = articles.size();
    std::string reason;
    for (std::size_t i = records; i-- > 0;) {
        if (!article_too_large(articles[i], reason)) continue;
        out.result.issues.push_back({records > 1 ? "record " + std::to_string(i + 1) : std::string(), reason});
        articles.erase(articles.begin() + static_cast<std::ptrdiff_t>(i));
    }
    for (std::size_t i = 0; i < articles.size(); ++i) {
        articles[i].format = out.format;
        finish_article(articles[i], src, i, articles.size());
    }
    if (articles.empty() && out.result.issues.empty()) throw ImportError("no article text found");
    return out;
}

} // namespace storyline
