#include "importers/json_record.hpp"

#include "core/text/utf8.hpp"
#include "importers/publication_date.hpp"

#include <array>
#include <string_view>

namespace storyline {
namespace {

constexpr std::array title_fields{"title", "headline", "name"};
constexpr std::array text_fields{"text", "body", "content", "maintext", "articleBody", "article", "description"};
constexpr std::array date_fields{"date", "published", "date_publish", "datePublished", "pubDate", "published_at",
                                 "publication_date", "dct"};
constexpr std::array url_fields{"url", "link", "source_url"};
constexpr std::array lang_fields{"lang", "language"};
constexpr std::array id_fields{"id", "doc_id", "uuid"};
constexpr std::array source_fields{"source", "source_domain", "outlet", "site", "publisher"};
constexpr std::array author_fields{"author", "authors", "byline"};

template <std::size_t N>
std::string first_string(const rapidjson::Value& obj, const std::array<const char*, N>& names) {
    for (const char* name : names) {
        auto it = obj.FindMember(name);
        if (it == obj.MemberEnd()) continue;
        const auto& v = it->value;
        if (v.IsString() && v.GetStringLength() > 0) return repair_utf8(std::string_view(v.GetString(), v.GetStringLength()));
        if (v.IsNumber()) return v.IsInt64() ? std::to_string(v.GetInt64()) : std::to_string(v.GetDouble());
        if (v.IsArray() && !v.Empty() && v[0].IsString()) {   // "authors": ["A", "B"]
            std::string joined;
            for (const auto& e : v.GetArray()) {
                if (!e.IsString()) continue;
                if (!joined.empty()) joined += ", ";
                joined += repair_utf8(e.GetString());
            }
            return joined;
        }
    }
    return {};
}

std::string normalise_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') {
            out += '\n';
            if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

} // namespace

bool article_from_json(const rapidjson::Value& obj, Article& a, std::string& error) {
    if (!obj.IsObject()) {
        error = "not a JSON object";
        return false;
    }
    a.title = squeeze_spaces(first_string(obj, title_fields));
    a.text = normalise_text(first_string(obj, text_fields));
    if (a.text.empty() && a.title.empty()) {
        error = "no text field (expected one of text, body, content, maintext)";
        return false;
    }
    a.id = first_string(obj, id_fields);
    a.url = first_string(obj, url_fields);
    a.lang = first_string(obj, lang_fields);
    a.source_name = first_string(obj, source_fields);
    a.author = first_string(obj, author_fields);
    if (const std::string raw = first_string(obj, date_fields); !raw.empty()) {
        if (auto d = normalise_publication_date(raw)) a.published = {*d, "record"};
    }
    return true;
}

} // namespace storyline
