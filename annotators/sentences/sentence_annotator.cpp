#include "annotators/sentences/sentence_annotator.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "core/util/last_lookup.hpp"

#include <array>
#include <bit>
#include <map>
#include <mutex>
#include <set>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace storyline {
namespace {

// Transparent: probed with string_views into the text, no string built per probe.
using Abbreviations = std::set<std::string, std::less<>>;

// Abbreviations per language, loaded once; words are stored without their final period.
const Abbreviations& load_abbreviations(std::string_view lang) {
    static std::mutex mutex;
    static std::map<std::string, Abbreviations, std::less<>> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(lang);
    if (it == cache.end()) {
        Abbreviations words;
        for (auto& line : read_optional_data_lines(language_file(lang, "abbreviations.txt"))) {
            if (!line.empty() && line.back() == '.') line.pop_back();
            words.insert(line);
        }
        it = cache.emplace(std::string(lang), std::move(words)).first;
    }
    return it->second;
}

// This thread's last language's abbreviations, without the mutex.
const Abbreviations& abbreviations(std::string_view lang) {
    static const LastLookup<Abbreviations> last;
    return *last.get(lang, [](std::string_view l) { return &load_abbreviations(l); });
}

bool is_closing(char32_t cp) {
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0xBB || cp == 0x201D || cp == 0x2019;
}

bool opens_sentence(char32_t cp) {
    return is_upper(cp) || is_digit(cp) || cp == '"' || cp == 0xAB || cp == 0x201C || cp == '(' || cp == '[' ||
           cp == '-' || cp == 0x2014 || cp == 0x2013;
}

// Whether `w` or its folded form is a listed abbreviation. ASCII words are folded on the
// stack (fold() lower-cases ASCII and turns \t \n \r into spaces): a fold() per period
// allocated twice.
bool is_abbreviation(const Abbreviations& abbrev, std::string_view w) {
    if (abbrev.contains(w)) return true;
    constexpr std::size_t on_stack = 32;
    if (w.size() <= on_stack) {
        char folded[on_stack];
        bool ascii = true, changed = false;
        for (std::size_t k = 0; k < w.size() && ascii; ++k) {
            char c = w[k];
            if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
            else if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
            else if (c == '\t' || c == '\n' || c == '\r') c = ' ';
            changed |= c != w[k];
            folded[k] = c;
        }
        if (ascii) return changed && abbrev.contains(std::string_view(folded, w.size()));
    }
    return abbrev.contains(fold(w));
}

// Bytes where the splitter may have something to do: line breaks, terminal punctuation and
// the lead byte of "…" (U+2026). No other code point starts with one of these bytes, and
// none of them occurs inside a multi-byte sequence, so the scan skips the rest byte-wise
// instead of decoding every code point.
constexpr auto stop_byte = [] {
    std::array<bool, 256> t{};
    for (const unsigned char c : {'\n', '.', '!', '?'}) t[c] = true;
    t[0xE2] = true;
    return t;
}();

// The first stop byte at or after i, else text.size(). Sixteen bytes per step with SSE2: most
// of a text has none (a non-ASCII byte is a stop candidate, checked against the table).
std::size_t next_stop(std::string_view text, std::size_t i) {
    const std::size_t n = text.size();
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n'), dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'),
                  ask = _mm_set1_epi8('?');
    while (i + 16 <= n) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, dot)),
                                         _mm_or_si128(_mm_cmpeq_epi8(v, bang), _mm_cmpeq_epi8(v, ask)));
        // movemask of v itself: the high bit of every non-ASCII byte.
        auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit) | _mm_movemask_epi8(v));
        while (mask != 0) {
            const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(mask));
            if (stop_byte[static_cast<unsigned char>(text[at])]) return at;
            mask &= mask - 1;
        }
        i += 16;
    }
#endif
    while (i < n && !stop_byte[static_cast<unsigned char>(text[i])]) ++i;
    return i;
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
    // News sentences run to a hundred bytes and more: room for most texts' sentences at once.
    out.reserve(text.size() / 64 + 1);
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
        i = next_stop(text, i);
        if (i >= text.size()) break;
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
                is_abbreviation(abbrev, w)) {
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
