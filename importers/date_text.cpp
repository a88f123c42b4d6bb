#include "importers/date_text.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"

#include <date/date.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace storyline {
namespace {

struct DateWords {
    std::unordered_map<std::string, int> months;
    std::vector<std::string> published, modified;
};

const DateWords& date_words() {
    static DateWords w;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const auto& lang : available_languages()) {
            for (const auto& line : read_optional_data_lines(language_file(lang, "pubdate/months.txt"))) {
                const auto sp = line.rfind(' ');
                if (sp == std::string::npos) continue;
                const int m = std::atoi(line.c_str() + sp + 1);
                if (m >= 1 && m <= 12) w.months.emplace(fold(line.substr(0, sp)), m);
            }
            for (const auto& line : read_optional_data_lines(language_file(lang, "pubdate/bylines.txt"))) {
                const auto sp = line.find(' ');
                if (sp == std::string::npos) continue;
                std::string words = fold(squeeze_spaces(line.substr(sp + 1)));
                if (line.starts_with("published")) w.published.push_back(std::move(words));
                else if (line.starts_with("modified")) w.modified.push_back(std::move(words));
            }
        }
    });
    return w;
}

enum class Kind { number, word, punct };
struct Token {
    Kind kind;
    std::string_view text;
    std::size_t begin, end;
};

bool is_word_byte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t j = i + 1;
        Kind k = Kind::punct;
        if (std::isdigit(c)) {
            k = Kind::number;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        } else if (is_word_byte(c)) {
            k = Kind::word;
            while (j < s.size() && is_word_byte(static_cast<unsigned char>(s[j]))) ++j;
        } else if (std::isspace(c)) {
            ++i;
            continue;
        }
        out.push_back({k, s.substr(i, j - i), i, j});
        i = j;
    }
    return out;
}

std::optional<std::string> ymd(int y, int m, int d) {
    if (y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    const date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
    if (!day.ok()) return std::nullopt;
    return date::format("%F", date::sys_days(day));
}

int num(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

int month_of(const Token& t) {
    if (t.kind != Kind::word) return 0;
    const auto& months = date_words().months;
    const auto it = months.find(std::string(t.text));
    return it == months.end() ? 0 : it->second;
}

bool is_ordinal_suffix(const Token& t) {
    return t.kind == Kind::word && (t.text == "st" || t.text == "nd" || t.text == "rd" || t.text == "th" || t.text == "er");
}

int year_of(const Token& t, bool short_years) {
    if (t.kind != Kind::number) return -1;
    if (t.text.size() == 4) return num(t.text);
    if (short_years && t.text.size() == 2) return 2000 + num(t.text);
    return -1;
}

bool small(const Token& t) { return t.kind == Kind::number && t.text.size() <= 2 && num(t.text) >= 1; }

bool is_sep(const Token& t) { return t.kind == Kind::punct && (t.text == "/" || t.text == "-" || t.text == "."); }

// Tries every pattern at token i; on success sets `last` to the final token used.
std::optional<std::string> date_at(const std::vector<Token>& t, std::size_t i, bool month_first, bool short_years,
                                   std::size_t& last) {
    const std::size_t n = t.size();
    auto at = [&](std::size_t k) -> const Token* { return k < n ? &t[k] : nullptr; };
    // 2023-11-02, 2023/11/02
    if (t[i].kind == Kind::number && t[i].text.size() == 4 && at(i + 4) && is_sep(t[i + 1]) && small(t[i + 2]) &&
        t[i + 3].text == t[i + 1].text && small(t[i + 4])) {
        last = i + 4;
        return ymd(num(t[i].text), num(t[i + 2].text), num(t[i + 4].text));
    }
    // 02/11/2023, 11/02/2023 (US), 02.11.23
    if (small(t[i]) && at(i + 4) && is_sep(t[i + 1]) && small(t[i + 2]) && t[i + 3].text == t[i + 1].text) {
        const int y = year_of(t[i + 4], short_years || t[i + 1].text != "-");
        if (y > 0) {
            int a = num(t[i].text), b = num(t[i + 2].text);
            const bool swap = (month_first && b <= 31 && a <= 12) || b > 12;
            if (swap) std::swap(a, b);
            last = i + 4;
            return ymd(y, b, a);
        }
    }
    // 3 March 2021, 3rd of March, 2021, 1er novembre 2023, 27 Mar 20
    if (small(t[i])) {
        std::size_t k = i + 1;
        if (at(k) && (is_ordinal_suffix(t[k]) || t[k].text == ".")) ++k;   // 3rd, 1er, 11. (German)
        if (at(k) && t[k].text == "of") ++k;
        if (at(k) && month_of(t[k])) {
            const int m = month_of(t[k]);
            ++k;
            while (at(k) && (t[k].text == "." || t[k].text == ",")) ++k;
            if (at(k)) {
                const int y = year_of(t[k], short_years);
                if (y > 0) {
                    last = k;
                    return ymd(y, m, num(t[i].text));
                }
            }
        }
    }
    // March 3, 2021
    if (month_of(t[i])) {
        const int m = month_of(t[i]);
        std::size_t k = i + 1;
        if (at(k) && t[k].text == ".") ++k;
        if (at(k) && small(t[k])) {
            const int d = num(t[k].text);
            ++k;
            if (at(k) && is_ordinal_suffix(t[k])) ++k;
            if (at(k) && t[k].text == ",") ++k;
            if (at(k)) {
                const int y = year_of(t[k], false);
                if (y > 0) {
                    last = k;
                    return ymd(y, m, d);
                }
            }
        }
    }
    return std::nullopt;
}

// Positions just after each occurrence of `words` in `s`, on word boundaries.
std::vector<std::size_t> occurrences(std::string_view s, std::string_view words) {
    std::vector<std::size_t> out;
    for (std::size_t p = s.find(words); p != std::string_view::npos; p = s.find(words, p + 1)) {
        const bool left = p == 0 || !is_word_byte(static_cast<unsigned char>(s[p - 1]));
        const std::size_t e = p + words.size();
        const bool right = e >= s.size() || !is_word_byte(static_cast<unsigned char>(s[e]));
        if (left && right) out.push_back(e);
    }
    return out;
}

} // namespace

std::optional<DateInText> find_date(std::string_view folded, bool month_first, bool short_years) {
    const auto tokens = tokenize(folded);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::size_t last = i;
        if (auto d = date_at(tokens, i, month_first, short_years, last)) return DateInText{*d, tokens[i].begin, tokens[last].end};
    }
    return std::nullopt;
}

std::optional<std::string> find_byline_date(std::string_view folded, bool month_first, std::size_t window) {
    const DateWords& w = date_words();
    // Where each "modified" phrase ends: a date starting right after one is not taken.
    std::vector<std::pair<std::size_t, std::size_t>> modified;   // [start, end) of the phrase
    for (const auto& m : w.modified) {
        for (std::size_t e : occurrences(folded, m)) modified.emplace_back(e - m.size(), e);
    }
    std::optional<std::pair<std::size_t, std::string>> best;   // earliest by position
    for (const auto& p : w.published) {
        for (std::size_t e : occurrences(folded, p)) {
            if (best && e >= best->first) break;
            const bool inside_modified = std::any_of(modified.begin(), modified.end(),
                                                     [&](const auto& r) { return e - p.size() >= r.first && e <= r.second; });
            if (inside_modified) continue;
            const std::string_view after = folded.substr(e, window);
            const auto d = find_date(after, month_first, true);
            if (!d) continue;
            // A "modified" phrase between the byline word and the date takes the date away.
            const bool claimed = std::any_of(modified.begin(), modified.end(), [&](const auto& r) {
                return r.first >= e && r.first < e + d->begin;
            });
            if (!claimed) best = {e, d->day};
        }
    }
    if (best) return best->second;
    return std::nullopt;
}

bool mentions_modification(std::string_view folded) {
    for (const auto& m : date_words().modified) {
        if (!occurrences(folded, m).empty()) return true;
    }
    return false;
}

} // namespace storyline
