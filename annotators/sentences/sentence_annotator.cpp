#include "annotators/sentences/sentence_annotator.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"

#include <map>
#include <mutex>
#include <set>
#include <string>

namespace storyline {
namespace {

// Abbreviations per language, loaded once; words are stored without their final period.
const std::set<std::string>& abbreviations(std::string_view lang) {
    static std::mutex mutex;
    static std::map<std::string, std::set<std::string>, std::less<>> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(lang);
    if (it == cache.end()) {
        std::set<std::string> words;
        for (auto& line : read_optional_data_lines(language_file(lang, "abbreviations.txt"))) {
            if (!line.empty() && line.back() == '.') line.pop_back();
            words.insert(line);
        }
        it = cache.emplace(std::string(lang), std::move(words)).first;
    }
    return it->second;
}

bool is_closing(char32_t cp) {
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0xBB || cp == 0x201D || cp == 0x2019;
}

bool opens_sentence(char32_t cp) {
    return is_upper(cp) || is_digit(cp) || cp == '"' || cp == 0xAB || cp == 0x201C || cp == '(' || cp == '[' ||
           cp == '-' || cp == 0x2014 || cp == 0x2013;
}

// The word ending right before `end` (letters and inner periods), e.g. "M" or "U.S".
std::string_view word_before(std::string_view text, std::size_t end) {
    std::size_t b = end;
    while (b > 0) {
        const char c = text[b - 1];
        if (c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '"') break;
        --b;
    }
    return text.substr(b, end - b);
}

class SentenceAnnotator final : public Annotator {
public:
    std::string_view name() const override { return "sentences"; }
    std::string_view reads() const override { return "text"; }
    std::string_view writes() const override { return "sentences"; }
    void annotate(Document& doc) const override { doc.sentences = split_sentences(doc.article.text, doc.article.lang); }
};

} // namespace

std::vector<Sentence> split_sentences(std::string_view text, std::string_view lang) {
    const auto& abbrev = abbreviations(lang.empty() ? "en" : lang);
    std::vector<Sentence> out;
    std::size_t start = 0;
    auto emit = [&](std::size_t end) {
        // Trim white space on both sides; keep only sentences with some content.
        std::size_t b = start, e = end;
        while (b < e) {
            std::size_t i = b;
            if (!is_space(next_code_point(text, i))) break;
            b = i;
        }
        while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\r' || text[e - 1] == '\t')) --e;
        if (e > b) out.push_back(Sentence{Span{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)}});
        start = end;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t at = i;
        const char32_t cp = next_code_point(text, i);
        if (cp == '\n') {
            emit(at);
            continue;
        }
        if (cp != '.' && cp != '!' && cp != '?' && cp != 0x2026) continue;
        // Swallow repeated terminal punctuation and closing quotes/brackets.
        std::size_t j = i;
        while (j < text.size()) {
            std::size_t k = j;
            const char32_t next = next_code_point(text, k);
            if (next == '.' || next == '!' || next == '?' || next == 0x2026 || is_closing(next)) {
                j = k;
                continue;
            }
            // A space before a closing » or ” is French typography, not a boundary.
            if (is_space(next) && next != '\n') {
                std::size_t l = k;
                char32_t after = next;
                while (l < text.size() && is_space(after) && after != '\n') after = next_code_point(text, l);
                if (after == 0xBB || after == 0x201D) {
                    j = l;
                    continue;
                }
            }
            break;
        }
        // A boundary needs white space then a sentence opener.
        std::size_t k = j;
        bool spaced = false;
        char32_t next = 0;
        while (k < text.size()) {
            std::size_t l = k;
            next = next_code_point(text, l);
            if (!is_space(next) || next == '\n') break;
            spaced = true;
            k = l;
        }
        if (k >= text.size()) break;
        if (next == '\n') { i = j; continue; }
        if (!spaced || !opens_sentence(next)) { i = j; continue; }
        if (cp == '.') {
            const std::string_view w = word_before(text, at);
            // Initials ("J. Smith") and listed abbreviations ("M.", "Mr.", "U.S.") do not end a sentence.
            std::size_t wl = 0;
            if (!w.empty()) next_code_point(w, wl);
            if ((wl == w.size() && !w.empty() && is_upper(static_cast<unsigned char>(w[0]))) ||
                abbrev.count(std::string(w)) || abbrev.count(fold(w))) {
                i = j;
                continue;
            }
        }
        emit(j);
        i = k;
        start = k;
    }
    emit(text.size());
    return out;
}

std::unique_ptr<Annotator> make_sentence_annotator() { return std::make_unique<SentenceAnnotator>(); }

} // namespace storyline
