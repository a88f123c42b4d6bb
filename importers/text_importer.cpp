#include "importers/text_importer.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "importers/date_text.hpp"
#include "importers/input_checks.hpp"
#include "importers/publication_date.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <mutex>
#include <unordered_set>
#include <vector>

namespace storyline {
namespace {

// Boilerplate patterns of every language (the language is not known yet at import time).
// A pattern ending in * matches any line starting with it, one between two * a line of at most
// 100 bytes holding it (as in the HTML importer); matching is on folded text.
struct Boilerplate {
    std::unordered_set<std::string> exact;
    std::array<std::vector<std::string>, 256> prefixes;   // by first byte: a line is tried on a few
    std::vector<std::string> inner;
    // Cheap tests that spare most lines the folding: the first two bytes of the exact and
    // prefix patterns (a one-byte pattern by its byte; ASCII folds to ASCII, so a line opening
    // with two ASCII bytes is tried on these only), and for each inner pattern an ASCII byte
    // folding leaves as it is (':' in "*Tags:*") that the raw line must then contain, with a
    // byte before it that may fold to the pattern's byte before it.
    std::bitset<65536> first_two;
    std::bitset<256> first_one;
    struct Keep {
        char byte;
        std::bitset<256> after;   // raw bytes that may stand right before it
        bool opens = false;       // some pattern starts with it: any byte may
    };
    std::vector<Keep> keeps;
    bool inner_unfiltered = false;
    std::size_t longest = 0;   // bytes of the longest exact or prefix pattern
    static constexpr std::size_t inner_line_limit = 100;

    void add_first(const std::string& f) {
        longest = std::max(longest, f.size());
        const auto b0 = static_cast<unsigned char>(f[0]);
        if (f.size() == 1) first_one[b0] = true;
        else first_two[b0 * 256u + static_cast<unsigned char>(f[1])] = true;
    }
    void add_inner(std::string f) {
        const auto keep = std::find_if(f.begin(), f.end(), [](char c) {
            const auto u = static_cast<unsigned char>(c);
            return u > ' ' && u < 0x80 && !((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
        });
        if (keep == f.end()) {
            inner_unfiltered = true;
        } else {
            auto k = std::find_if(keeps.begin(), keeps.end(), [&](const Keep& x) { return x.byte == *keep; });
            if (k == keeps.end()) k = keeps.insert(keeps.end(), Keep{*keep, {}, false});
            if (keep == f.begin()) {
                k->opens = true;
            } else {
                // The folded byte before comes from an ASCII byte of either case, from white
                // space when it is a space, or from a code point (any byte >= 0x80).
                const auto before = static_cast<unsigned char>(*(keep - 1));
                k->after[before] = true;
                if (before >= 'a' && before <= 'z') k->after[before - 32u] = true;
                if (before == ' ') {
                    for (unsigned char c = '\t'; c <= '\r'; ++c) k->after[c] = true;
                }
                for (std::size_t b = 0x80; b < 0x100; ++b) k->after[b] = true;
            }
        }
        inner.push_back(std::move(f));
    }

    static bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
    static unsigned char ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c; }

    // Whether the folded, squeezed line may start like an exact or prefix pattern.
    [[nodiscard]] bool may_start_like_pattern(std::string_view line, std::size_t start) const {
        const auto b0 = static_cast<unsigned char>(line[start]);
        if (b0 >= 0x80) return true;   // folding may make it anything
        const unsigned char f0 = ascii_lower(b0);
        if (first_one[f0]) return true;
        if (start + 1 >= line.size()) return false;
        const auto b1 = static_cast<unsigned char>(line[start + 1]);
        if (b1 >= 0x80) return true;   // a non-ASCII space, or a letter folding to anything
        return first_two[f0 * 256u + (ascii_space(b1) ? ' ' : ascii_lower(b1))];
    }
    // `ascii`: the line is known to be ASCII (folding may turn a code point into ASCII
    // punctuation, so a line with any is tried on the inner patterns).
    [[nodiscard]] bool may_hold_inner(std::string_view line, bool ascii) const {
        if (inner.empty()) return false;
        if (inner_unfiltered) return true;
        if (!ascii && std::any_of(line.begin(), line.end(), [](char b) { return static_cast<unsigned char>(b) >= 0x80; }))
            return true;
        for (const Keep& k : keeps) {
            for (auto at = line.find(k.byte); at != std::string_view::npos; at = line.find(k.byte, at + 1)) {
                if (k.opens || (at > 0 && k.after[static_cast<unsigned char>(line[at - 1])])) return true;
            }
        }
        return false;
    }

    // `ascii`: the line holds no byte >= 0x80. `f` is a buffer for the folded line, reused
    // from line to line.
    [[nodiscard]] bool matches(std::string_view line, bool ascii, std::string& f) const {
        std::size_t start = 0;
        while (start < line.size() && ascii_space(static_cast<unsigned char>(line[start]))) ++start;
        if (start == line.size()) return false;
        const bool at_start = may_start_like_pattern(line, start);
        const bool inside = may_hold_inner(line, ascii);
        if (!at_start && !inside) return false;
        // Only the head of a long line can match a pattern at its start, and an inner pattern
        // only a line of at most inner_line_limit bytes: the rest is not folded.
        fold_squeezed(line, f, inside ? std::max(longest, inner_line_limit) : longest);
        if (f.empty()) return false;
        if (at_start) {
            if (f.size() <= longest && exact.count(f)) return true;
            for (const auto& p : prefixes[static_cast<unsigned char>(f.front())]) {
                if (f.starts_with(p)) return true;
            }
        }
        if (inside && f.size() <= inner_line_limit) {
            for (const auto& in : inner) {
                if (f.find(in) != std::string::npos) return true;
            }
        }
        return false;
    }
};

// Only white space (of any script) on the line.
bool blank(std::string_view line) {
    for (std::size_t i = 0; i < line.size();) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c < 0x80) {
            if (c != ' ' && (c < '\t' || c > '\r')) return false;
            ++i;
            continue;
        }
        if (!is_space(next_code_point(line, i))) return false;
    }
    return true;
}

const Boilerplate& boilerplate() {
    static Boilerplate b;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const auto& lang : available_languages()) {
            for (const auto& line : read_optional_data_lines(language_file(lang, "boilerplate.txt"))) {
                std::string f = fold(squeeze_spaces(line));
                if (f.size() > 2 && f.front() == '*' && f.back() == '*') {
                    b.add_inner(f.substr(1, f.size() - 2));
                } else if (!f.empty() && f.back() == '*') {
                    f.pop_back();
                    if (f.empty()) continue;
                    b.add_first(f);
                    b.prefixes[static_cast<unsigned char>(f.front())].push_back(std::move(f));
                } else if (!f.empty()) {
                    b.add_first(f);
                    b.exact.insert(std::move(f));
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
    // Printable ASCII (most decoded English text) is valid, not binary and has nothing to
    // normalise; the lines are then known to be ASCII.
    const bool ascii = !bytes.empty() && plain_ascii_text(bytes);
    if (!ascii) require_utf8_text(bytes);
    // Decoded text has LF line ends and no byte order mark already: no copy then.
    std::string normalised;
    std::string_view text = bytes;
    if (text.starts_with("\xEF\xBB\xBF") || text.find('\r') != std::string_view::npos) {
        normalised = normalise_newlines(bytes);
        text = normalised;
    }
    Article a;
    std::string_view rest = read_front_matter(text, a);

    std::vector<std::string_view> lines;
    lines.reserve(rest.size() / 32 + 8);   // most texts' lines in one allocation, not a doubling chain of five
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        lines.push_back(rest.substr(0, nl));
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
    const Boilerplate& bp = boilerplate();
    std::string folded;
    std::string body;
    body.reserve(rest.size());
    bool pending_blank = false;
    int after_title = 0;
    bool paragraph_start = true;   // the previous line was blank (or the title)
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view t = trim(lines[i]);
        const bool starts = paragraph_start;
        paragraph_start = blank(t);
        if (paragraph_start) {
            pending_blank = !body.empty();
            continue;
        }
        if (bp.matches(t, ascii, folded)) continue;
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
