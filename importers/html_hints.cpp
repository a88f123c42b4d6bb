#include "importers/html_hints.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"

#include <cctype>
#include <mutex>

namespace storyline::html {
namespace {

constexpr std::size_t max_meta_line = 100;   // bytes: "*label:*" entries only match lines this short

struct AllHints {
    TokenHints negative, positive, nodate, dateclass, boilerplate;
};

void add(TokenHints& h, std::string word) {
    if (word.size() > 2 && word.front() == '*' && word.back() == '*') {
        h.inner.push_back(word.substr(1, word.size() - 2));
    } else if (!word.empty() && word.back() == '*') {
        word.pop_back();
        h.prefixes.push_back(std::move(word));
    } else {
        h.exact.push_back(std::move(word));
    }
}

const AllHints& hints() {
    static AllHints all;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const auto& line : read_optional_data_lines(data_file("importers/html_hints.txt"))) {
            const auto sp = line.find(' ');
            if (sp == std::string::npos) continue;
            const std::string kind = line.substr(0, sp), word = line.substr(sp + 1);
            if (kind == "negative") add(all.negative, word);
            else if (kind == "positive") add(all.positive, word);
            else if (kind == "nodate") add(all.nodate, word);
            else if (kind == "dateclass") add(all.dateclass, word);
        }
        for (const auto& lang : available_languages()) {
            for (const auto& line : read_optional_data_lines(language_file(lang, "boilerplate.txt")))
                add(all.boilerplate, fold(squeeze_spaces(line)));
        }
    });
    return all;
}

} // namespace

bool TokenHints::matches_token(std::string_view token) const {
    for (const auto& e : exact) {
        if (token == e) return true;
    }
    for (const auto& p : prefixes) {
        if (token.starts_with(p)) return true;
    }
    return false;
}

bool TokenHints::matches(std::string_view s) const {
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
        std::size_t j = i;
        while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
        if (j > i && matches_token(s.substr(i, j - i))) return true;
        i = j;
    }
    return false;
}

const TokenHints& negative_hints() { return hints().negative; }
const TokenHints& positive_hints() { return hints().positive; }
const TokenHints& nodate_hints() { return hints().nodate; }
const TokenHints& dateclass_hints() { return hints().dateclass; }

bool is_boilerplate_line(std::string_view line) {
    if (line.size() > 200) return false;
    const std::string f = fold(squeeze_spaces(line));
    const TokenHints& bp = hints().boilerplate;
    if (bp.matches_token(f)) return true;
    // A labelled field ("Category : Press", "Tags: a, b") inside a short line of metadata
    // ("News date : 04/21/2022 Category : Press Releases"); prose lines are longer.
    if (f.size() <= max_meta_line) {
        for (const auto& in : bp.inner) {
            if (f.find(in) != std::string::npos) return true;
        }
    }
    return false;
}

} // namespace storyline::html
