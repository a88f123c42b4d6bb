#include "importers/text_importer.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "importers/date_text.hpp"
#include "importers/input_checks.hpp"
#include "importers/publication_date.hpp"

#include <mutex>
#include <vector>

namespace storyline {
namespace {

// Boilerplate patterns of every language (the language is not known yet at import time).
// A pattern ending in * matches any line starting with it, one between two * a line of at most
// 100 bytes holding it (as in the HTML importer); matching is on folded text.
struct Boilerplate {
    std::vector<std::string> exact, prefixes, inner;
    [[nodiscard]] bool matches(std::string_view line) const {
        const std::string f = fold(squeeze_spaces(line));
        for (const auto& e : exact) {
            if (f == e) return true;
        }
        for (const auto& p : prefixes) {
            if (f.starts_with(p)) return true;
        }
        if (f.size() <= 100) {
            for (const auto& in : inner) {
                if (f.find(in) != std::string::npos) return true;
            }
        }
        return false;
    }
};

const Boilerplate& boilerplate() {
    static Boilerplate b;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const auto& lang : available_languages()) {
            for (const auto& line : read_optional_data_lines(language_file(lang, "boilerplate.txt"))) {
                std::string f = fold(squeeze_spaces(line));
                if (f.size() > 2 && f.front() == '*' && f.back() == '*') {
                    b.inner.push_back(f.substr(1, f.size() - 2));
                } else if (!f.empty() && f.back() == '*') {
                    f.pop_back();
                    b.prefixes.push_back(std::move(f));
                } else {
                    b.exact.push_back(std::move(f));
                }
            }
        }
    });
    return b;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string unquote(std::string_view v) {
    v = trim(v);
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
    return std::string(v);
}

// YAML front matter between "---" lines: only flat "key: value" pairs are read.
std::string_view read_front_matter(std::string_view text, Article& a) {
    if (!text.starts_with("---\n")) return text;
    const auto close = text.find("\n---", 3);
    if (close == std::string_view::npos) return text;
    std::string_view block = text.substr(4, close - 3);
    while (!block.empty()) {
        const auto nl = block.find('\n');
        const std::string_view line = block.substr(0, nl);
        block = nl == std::string_view::npos ? std::string_view() : block.substr(nl + 1);
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view key = trim(line.substr(0, colon));
        const std::string value = unquote(line.substr(colon + 1));
        if (key == "title") a.title = value;
        else if (key == "date" || key == "published") {
            if (auto d = normalise_publication_date(value)) a.published = {*d, "front-matter"};
        } else if (key == "lang" || key == "language") a.lang = value;
        else if (key == "url") a.url = value;
        else if (key == "author") a.author = value;
        else if (key == "source") a.source_name = value;
    }
    auto after = text.find('\n', close + 4);
    return after == std::string_view::npos ? std::string_view() : text.substr(after + 1);
}

// A date line near the top of a copied article ("March 01, 2008", "Publié le 02/11/2023 à
// 15h57", "Published 3 March 2021 | Reuters"): a short paragraph of its own that is a byline
// with a date, or mostly a date. Its text stays in the body. Only the first few lines are looked
// at, and a line of a wrapped paragraph never counts ("... bond due on\nAugust 18, 1993"), so a
// date of the story itself is not taken for the publication date.
std::optional<std::string> dateline_date(std::string_view line) {
    if (line.size() > 100) return std::nullopt;
    const std::string f = fold(squeeze_spaces(line));
    if (mentions_modification(f)) return std::nullopt;
    if (auto d = find_byline_date(f)) return d;
    const auto d = find_date(f);
    if (d && (d->end - d->begin) * 10 >= f.size() * 6) return d->day;
    return std::nullopt;
}
constexpr int dateline_reach = 3;   // lines after the title

} // namespace

int TextImporter::sniff(std::string_view bytes, const SourceInfo& src) const {
    if (src.extension == "txt" || src.extension == "md" || src.extension == "text" || src.extension == "markdown") return 10;
    if (starts_with_any(bytes, "<{[")) return 0;
    return 1;   // anything else that turns out to be text
}

ImportResult TextImporter::parse(std::string_view bytes, const SourceInfo&) const {
    require_utf8_text(bytes);
    const std::string normalised = normalise_newlines(bytes);
    Article a;
    std::string_view rest = read_front_matter(normalised, a);

    std::vector<std::string_view> lines;
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        lines.push_back(rest.substr(0, nl));
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
    const Boilerplate& bp = boilerplate();
    std::string body;
    bool pending_blank = false;
    int after_title = 0;
    bool paragraph_start = true;   // the previous line was blank (or the title)
    auto blank = [](std::string_view line) { return squeeze_spaces(trim(line)).empty(); };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view t = trim(lines[i]);
        const bool starts = paragraph_start;
        paragraph_start = blank(t);
        if (paragraph_start) {
            pending_blank = !body.empty();
            continue;
        }
        if (bp.matches(t)) continue;
        if (a.title.empty()) {
            a.title = squeeze_spaces(t);
            paragraph_start = true;
            continue;
        }
        if (body.empty() && squeeze_spaces(t) == a.title) continue;   // title repeated above the body
        if (a.published.day().empty() && after_title++ < dateline_reach && starts &&
            (i + 1 == lines.size() || blank(lines[i + 1]))) {
            if (auto d = dateline_date(t)) a.published = {*d, "dateline"};
        }
        if (!body.empty()) body += pending_blank ? "\n\n" : "\n";
        pending_blank = false;
        body.append(t);
    }
    if (body.empty() && a.title.empty()) throw ImportError("no text (only white space or boilerplate)");
    a.text = std::move(body);
    ImportResult r;
    r.articles.push_back(std::move(a));
    return r;
}

} // namespace storyline
