#include "importers/html_metadata.hpp"

#include "core/text/utf8.hpp"
#include "importers/date_text.hpp"
#include "importers/html_dom.hpp"
#include "importers/html_hints.hpp"
#include "importers/publication_date.hpp"

#include <date/date.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <unordered_set>
#include <vector>

namespace storyline::html {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// <meta> keys (property, name or itemprop) that carry the publication time, most trusted first.
constexpr std::array published_keys{
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "published_time", "publishdate", "publish-date", "publish_date", "pubdate",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "citation_publication_date",
    "citation_date", "parsely-pub-date", "sailthru.date", "article.published", "originalpublicationdate",
    "article_date_original", "rnews:datepublished", "og:pubdate", "published-date", "date", "dc.date",
    "dcterms.date", "creation_date", "created"};

// Any spelling a page uses for a date: ISO, RFC 822, day-first numbers, words.
std::optional<std::string> parse_any_date(std::string_view raw, bool month_first) {
    const std::string s = squeeze_spaces(raw);
    if (s.empty()) return std::nullopt;
    if (auto d = normalise_publication_date(s)) return d;
    // 20210303 or 2021-03-03T... variants normalise_publication_date does not know
    if (s.size() >= 8 && std::all_of(s.begin(), s.begin() + 8, [](unsigned char c) { return std::isdigit(c); }) &&
        (s.size() == 8 || !std::isdigit(static_cast<unsigned char>(s[8])))) {
        if (auto d = normalise_publication_date(s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2))) return d;
    }
    if (auto d = find_date(fold(s), month_first, false)) return d->day;
    return std::nullopt;
}

struct Collected {
    std::string og_title, title_tag, h1, site_name, html_lang, meta_lang, canonical, og_url, author;
    std::vector<std::string> json_ld;
    std::array<std::string, published_keys.size()> meta_dates;
    std::string time_published, time_first;   // <time> marked as published / first usable one
    std::string byline, date_line;            // after a byline word / in a date-line element
    std::string bare_date;                    // a short block that is nothing but a date
    bool month_first = false;
    std::vector<std::string> zoned;   // every machine-readable timestamp seen (for local days)
    std::unordered_set<const GumboNode*> around_main;   // the main-text container and its ancestors
};

bool json_type_is_article(const rapidjson::Value& v) {
    auto it = v.FindMember("@type");
    if (it == v.MemberEnd()) return false;
    auto check = [](std::string_view t) {
        return t.find("Article") != std::string_view::npos || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting" ||
               t == "Posting" || t == "SocialMediaPosting";
    };
    if (it->value.IsString()) return check(it->value.GetString());
    if (it->value.IsArray()) {
        for (const auto& e : it->value.GetArray()) {
            if (e.IsString() && check(e.GetString())) return true;
        }
    }
    return false;
}

std::string json_string_or_name(const rapidjson::Value& v) {
    if (v.IsString()) return v.GetString();
    if (v.IsObject()) {
        auto it = v.FindMember("name");
        if (it != v.MemberEnd() && it->value.IsString()) return it->value.GetString();
    }
    if (v.IsArray() && !v.Empty()) return json_string_or_name(v[0]);
    return {};
}

struct JsonLdFacts {
    std::string article_date, any_date, headline, lang, author, publisher;
};

void scan_json_ld(const rapidjson::Value& v, JsonLdFacts& f, int depth) {
    if (depth > 20) return;
    if (v.IsArray()) {
        for (const auto& e : v.GetArray()) scan_json_ld(e, f, depth + 1);
        return;
    }
    if (!v.IsObject()) return;
    const bool article = json_type_is_article(v);
    auto date = v.FindMember("datePublished");
    if (date != v.MemberEnd() && date->value.IsString() && date->value.GetStringLength() > 0) {
        if (article && f.article_date.empty()) f.article_date = date->value.GetString();
        if (f.any_date.empty()) f.any_date = date->value.GetString();
    }
    if (article) {
        if (auto h = v.FindMember("headline"); h != v.MemberEnd() && h->value.IsString() && f.headline.empty())
            f.headline = h->value.GetString();
        if (auto l = v.FindMember("inLanguage"); l != v.MemberEnd() && f.lang.empty()) f.lang = json_string_or_name(l->value);
        if (auto a = v.FindMember("author"); a != v.MemberEnd() && f.author.empty()) f.author = json_string_or_name(a->value);
        if (auto p = v.FindMember("publisher"); p != v.MemberEnd() && f.publisher.empty())
            f.publisher = json_string_or_name(p->value);
    }
    for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {
        if (m->value.IsObject() || m->value.IsArray()) scan_json_ld(m->value, f, depth + 1);
    }
}

JsonLdFacts read_json_ld(const std::vector<std::string>& scripts) {
    JsonLdFacts f;
    for (const auto& s : scripts) {
        rapidjson::Document doc;
        doc.Parse<rapidjson::kParseCommentsFlag | rapidjson::kParseTrailingCommasFlag | rapidjson::kParseNanAndInfFlag>(
            s.data(), s.size());
        if (doc.HasParseError()) continue;   // broken JSON-LD is common; other evidence remains
        scan_json_ld(doc, f, 0);
    }
    return f;
}

bool in_nodate_region(const GumboNode* n, const std::unordered_set<const GumboNode*>& around_main) {
    for (const GumboNode* p = n; p && is_element(p); p = p->parent) {
        const GumboTag t = tag(p);
        // Page-wide classes ("single has-sidebar") describe the layout, not this region.
        if (t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML || t == GUMBO_TAG_MAIN) return false;
        if (t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER) return true;
        if (around_main.count(p)) return false;   // what holds the article is not a sidebar
        if (nodate_hints().matches(class_and_id(p))) return true;
    }
    return false;
}

bool marked_modified(const GumboNode* n) {
    const std::string marks = lower(std::string(attr(n, "itemprop")) + " " + class_and_id(n));
    return marks.find("modif") != std::string::npos || marks.find("updat") != std::string::npos;
}

void collect(const GumboNode* root, Collected& c) {
    bool in_body = false;
    walk(root, [&](const GumboNode* n) {
        const GumboTag t = tag(n);
        switch (t) {
        case GUMBO_TAG_HTML:
            c.html_lang = lower(attr(n, "lang"));
            return true;
        case GUMBO_TAG_BODY:
            in_body = true;
            return true;
        case GUMBO_TAG_TITLE:
            if (c.title_tag.empty()) c.title_tag = text_of(n);
            return false;
        case GUMBO_TAG_H1:
            if (c.h1.empty()) c.h1 = text_of(n);
            return true;
        case GUMBO_TAG_LINK:
            if (lower(attr(n, "rel")) == "canonical" && c.canonical.empty()) c.canonical = attr(n, "href");
            return false;
        case GUMBO_TAG_SCRIPT:
            if (lower(attr(n, "type")).find("ld+json") != std::string::npos && n->v.element.children.length > 0) {
                const auto* text = static_cast<const GumboNode*>(n->v.element.children.data[0]);
                if (text->type == GUMBO_NODE_TEXT || text->type == GUMBO_NODE_CDATA || text->type == GUMBO_NODE_WHITESPACE)
                    c.json_ld.emplace_back(text->v.text.text);
            }
            return false;
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
            return false;
        case GUMBO_TAG_META: {
            std::string key = lower(attr(n, "property"));
            if (key.empty()) key = lower(attr(n, "name"));
            if (key.empty()) key = lower(attr(n, "itemprop"));
            if (key.empty()) key = lower(attr(n, "http-equiv"));
            const std::string_view content = attr(n, "content");
            if (key.empty() || content.empty()) return false;
            if (key == "og:title" && c.og_title.empty()) c.og_title = squeeze_spaces(content);
            else if (key == "og:site_name" && c.site_name.empty()) c.site_name = squeeze_spaces(content);
            else if (key == "og:url" && c.og_url.empty()) c.og_url = content;
            else if ((key == "content-language" || key == "language" || key == "og:locale") && c.meta_lang.empty())
                c.meta_lang = lower(content);
            else if (key == "author" && c.author.empty()) c.author = squeeze_spaces(content);
            else if (!in_body || !in_nodate_region(n, c.around_main)) {
                for (std::size_t i = 0; i < published_keys.size(); ++i) {
                    if (key == published_keys[i] && c.meta_dates[i].empty()) c.meta_dates[i] = content;
                }
            }
            return false;
        }
        default:
            break;
        }
        if (!in_body || is_hidden(n)) return true;
        if (in_nodate_region(n, c.around_main)) return false;
        // Microdata on any element: <span itemprop="datePublished" content="...">
        const std::string itemprop = lower(attr(n, "itemprop"));
        if (itemprop == "datepublished") {
            std::string v(attr(n, "content"));
            if (v.empty()) v = attr(n, "datetime");
            if (v.empty()) v = attr(n, "title");   // <abbr itemprop="datePublished" title="...">
            if (!v.empty() && c.time_published.empty()) c.time_published = v;
        }
        if (t == GUMBO_TAG_TIME && !attr(n, "datetime").empty()) c.zoned.emplace_back(attr(n, "datetime"));
        if (t == GUMBO_TAG_TIME && !marked_modified(n)) {
            std::string v(attr(n, "datetime"));
            if (v.empty()) v = text_of(n);
            const bool published = itemprop == "datepublished" || gumbo_get_attribute(&n->v.element.attributes, "pubdate") ||
                                   class_and_id(n).find("publi") != std::string::npos;
            // "Updated 4 March" written next to a <time>: the words sit in its parent.
            const std::string around = n->parent ? fold(text_of(n->parent, 300)) : std::string();
            const bool says_modified = mentions_modification(around) && !find_byline_date(around);
            if (published && c.time_published.empty()) c.time_published = v;
            if (!says_modified && c.time_first.empty()) c.time_first = v;
        }
        // Bylines and date lines are short blocks of text.
        if (is_block(t) || t == GUMBO_TAG_SPAN || t == GUMBO_TAG_TIME || t == GUMBO_TAG_SMALL || t == GUMBO_TAG_EM) {
            const std::string text = text_of(n, 600);
            if (!text.empty() && text.size() <= 240) {
                const std::string f = fold(text);
                if (c.byline.empty()) {
                    if (auto d = find_byline_date(f, c.month_first)) c.byline = *d;
                }
                if (c.date_line.empty() && dateclass_hints().matches(class_and_id(n)) && !mentions_modification(f)) {
                    if (auto d = find_date(f, c.month_first, false)) c.date_line = d->day;
                    // "3 hours ago" shown, the date itself in a tooltip
                    for (const char* a : {"title", "datetime", "content"}) {
                        if (!c.date_line.empty()) break;
                        if (auto d = parse_any_date(attr(n, a), c.month_first)) c.date_line = d->substr(0, 10);
                    }
                }
                // A short line that is a date, or opens with one ("January 13, 2020 at 08:45 AM | ...")
                if (c.bare_date.empty() && f.size() <= 100 && !mentions_modification(f)) {
                    const auto d = find_date(f, c.month_first, false);
                    if (d && (d->begin == 0 || (d->end - d->begin) * 10 >= f.size() * 6)) c.bare_date = d->day;
                }
            }
        }
        return true;
    });
}

// /2021/03/03/, /2021-03-03-, /20210303/ and /2021/mar/03/ in a URL path.
std::optional<std::string> date_in_url(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme != std::string_view::npos) {
        const auto slash = url.find('/', scheme + 3);
        url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
    }
    const std::string u = lower(url);
    for (std::size_t i = 0; i + 10 <= u.size(); ++i) {
        if (u[i] != '/' && u[i] != '-' && u[i] != '_') continue;
        const std::string_view s = std::string_view(u).substr(i + 1);
        auto digits = [&](std::size_t from, std::size_t n) {
            if (from + n > s.size()) return false;
            for (std::size_t k = from; k < from + n; ++k) {
                if (!std::isdigit(static_cast<unsigned char>(s[k]))) return false;
            }
            return true;
        };
        if (!digits(0, 4) || (s[0] != '1' && s[0] != '2')) continue;
        std::string y(s.substr(0, 4)), m, d;
        std::size_t end = 0;
        if (s.size() >= 10 && (s[4] == '/' || s[4] == '-' || s[4] == '_') && digits(5, 2) && s[7] == s[4] && digits(8, 2)) {
            m = s.substr(5, 2);
            d = s.substr(8, 2);
            end = 10;
        } else if (digits(0, 8)) {
            m = s.substr(4, 2);
            d = s.substr(6, 2);
            end = 8;
        } else if (s.size() >= 11 && s[4] == '/' && s[8] == '/' && digits(9, 2)) {
            static constexpr std::array mons{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
            for (std::size_t k = 0; k < mons.size(); ++k) {
                if (s.substr(5, 3) == mons[k]) {
                    m = (k < 9 ? "0" : "") + std::to_string(k + 1);
                    d = s.substr(9, 2);
                    end = 11;
                }
            }
        }
        if (end == 0 || (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end])))) continue;
        if (auto day = normalise_publication_date(y + "-" + m + "-" + d)) {
            if (day->substr(0, 4) >= "1995" && day->substr(0, 4) <= "2099") return day;
        }
    }
    return std::nullopt;
}

std::string two_letter(std::string_view code) {
    std::string c = lower(code);
    const auto cut = c.find_first_of("-_");
    if (cut != std::string::npos) c.resize(cut);
    if (c.size() != 2 || !std::isalpha(static_cast<unsigned char>(c[0])) || !std::isalpha(static_cast<unsigned char>(c[1])))
        return {};
    return c;
}

// Minutes since the epoch of a normalised "YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)"; nullopt without a zone.
std::optional<long long> instant(std::string_view v) {
    if (v.size() < 17 || v[10] != 'T') return std::nullopt;
    auto n = [&](std::size_t at, std::size_t len) { return std::stoi(std::string(v.substr(at, len))); };
    std::size_t zone = v.size() >= 19 && v[16] == ':' ? 19 : 16;
    int offset = 0;
    if (v.substr(zone) == "Z") offset = 0;
    else if (v.size() == zone + 6 && (v[zone] == '+' || v[zone] == '-'))
        offset = (v[zone] == '-' ? -1 : 1) * (n(zone + 1, 2) * 60 + n(zone + 4, 2));
    else return std::nullopt;
    const date::sys_days day{date::year{n(0, 4)} / n(5, 2) / n(8, 2)};
    return static_cast<long long>(day.time_since_epoch().count()) * 1440 + n(11, 2) * 60 + n(14, 2) - offset;
}

bool is_utc(std::string_view v) { return v.ends_with("Z") || v.ends_with("+00:00"); }

std::string day_before(std::string_view day) {
    const date::sys_days d{date::year{std::stoi(std::string(day.substr(0, 4)))} / std::stoi(std::string(day.substr(5, 2))) /
                           std::stoi(std::string(day.substr(8, 2)))};
    return date::format("%F", d - date::days{1});
}

// A UTC timestamp late in the American evening is the next day in UTC: the publisher's own day
// is the one a local rendering of the same instant shows, or the day in the URL.
void prefer_local_day(PublicationDate& p, const std::vector<std::string>& zoned, const std::string& url_day) {
    if (!p.known() || !is_utc(p.value)) return;
    const auto t = instant(p.value);
    if (!t) return;
    for (const auto& raw : zoned) {
        const auto v = normalise_publication_date(raw);
        if (!v || is_utc(*v)) continue;
        const auto u = instant(*v);
        if (u && std::llabs(*u - *t) <= 1 && v->substr(0, 10) != p.day()) {
            p.value = *v;
            return;
        }
    }
    if (!url_day.empty() && url_day == day_before(p.day()) && std::stoi(p.value.substr(11, 2)) < 7) p = {url_day, "url"};
}

} // namespace

std::string strip_site_suffix(std::string title, const std::string& site_name) {
    title = squeeze_spaces(title);
    static constexpr std::array seps{" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / "};
    if (!site_name.empty()) {
        for (const char* sep : seps) {
            const std::string suffix = std::string(sep) + site_name;
            if (title.size() > suffix.size() && title.ends_with(suffix)) return title.substr(0, title.size() - suffix.size());
            const std::string prefix = site_name + sep;
            if (title.size() > prefix.size() && title.starts_with(prefix)) return title.substr(prefix.size());
        }
    }
    for (const char* sep : seps) {
        const auto p = title.rfind(sep);
        if (p == std::string::npos) continue;
        const std::string head = title.substr(0, p), tail = title.substr(p + std::string_view(sep).size());
        // The site name is the short side, usually last.
        if (tail.size() < head.size() && tail.size() <= 40) return head;
        if (head.size() * 2 <= tail.size() && head.size() <= 40) return tail;
    }
    return title;
}

PageMetadata read_page_metadata(const GumboNode* root, const GumboNode* main_container) {
    Collected c;
    for (const GumboNode* p = main_container; p && is_element(p); p = p->parent) c.around_main.insert(p);
    // Nor what holds the page's headline.
    const GumboNode* h1 = nullptr;
    walk(root, [&](const GumboNode* n) {
        if (!h1 && tag(n) == GUMBO_TAG_H1) h1 = n;
        return !h1;
    });
    for (const GumboNode* p = h1; p && is_element(p); p = p->parent) c.around_main.insert(p);
    // US-style numbers (03/04/2021 = March 4) only on pages that say they are American English.
    walk(root, [&](const GumboNode* n) {
        if (tag(n) == GUMBO_TAG_HTML) c.month_first = lower(attr(n, "lang")) == "en-us";
        return false;
    });
    collect(root, c);
    const JsonLdFacts ld = read_json_ld(c.json_ld);
    PageMetadata m;
    m.site_name = !c.site_name.empty() ? c.site_name : squeeze_spaces(ld.publisher);
    std::string title = !c.og_title.empty() ? c.og_title : !ld.headline.empty() ? ld.headline : !c.h1.empty() ? c.h1 : c.title_tag;
    m.title = strip_site_suffix(title, m.site_name);
    m.url = !c.canonical.empty() ? c.canonical : c.og_url;
    m.author = !c.author.empty() ? c.author : squeeze_spaces(ld.author);
    if (m.author.starts_with("http")) m.author.clear();
    m.lang = two_letter(c.html_lang);
    if (m.lang.empty()) m.lang = two_letter(ld.lang);
    if (m.lang.empty()) m.lang = two_letter(c.meta_lang);

    auto set = [&](const std::string& raw, const char* source) {
        if (m.published.known() || raw.empty()) return;
        if (auto d = parse_any_date(raw, c.month_first)) m.published = {*d, source};
    };
    set(ld.article_date, "json-ld");
    set(ld.any_date, "json-ld");
    for (const auto& v : c.meta_dates) set(v, "meta");
    set(c.time_published, "time-element");
    set(c.time_first, "time-element");
    set(c.byline, "byline");
    set(c.date_line, "byline");
    if (!m.published.known()) {
        for (const std::string& u : {c.canonical, c.og_url}) {
            if (auto d = date_in_url(u)) {
                m.published = {*d, "url"};
                break;
            }
        }
    }
    set(c.bare_date, "byline");
    std::string url_day;
    for (const std::string& u : {c.canonical, c.og_url}) {
        if (auto d = date_in_url(u); d && url_day.empty()) url_day = *d;
    }
    std::vector<std::string> zoned = c.zoned;
    for (const auto& v : c.meta_dates) zoned.push_back(v);
    zoned.push_back(ld.article_date);
    prefer_local_day(m.published, zoned, url_day);
    return m;
}

} // namespace storyline::html
