#include "core/lang/language_id.hpp"

#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "core/text/words.hpp"

#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace storyline {
namespace {

struct Profile {
    std::string lang;
    std::unordered_set<std::string> words;
};

const std::vector<Profile>& profiles() {
    static std::vector<Profile> all;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const auto& lang : available_languages()) {
            Profile p{lang, {}};
            for (const auto& w : read_optional_data_lines(language_file(lang, "function_words.txt"))) p.words.insert(fold(w));
            if (!p.words.empty()) all.push_back(std::move(p));
        }
    });
    return all;
}

constexpr std::size_t sample_bytes = 4096;
constexpr int min_hits = 3;

} // namespace

std::string identify_language(std::string_view text) {
    // The first few KB decide; cut on a character boundary.
    std::size_t end = std::min(text.size(), sample_bytes);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    const std::string_view sample = text.substr(0, end);
    const auto words = words_in(sample, Span{0, static_cast<std::uint32_t>(sample.size())});
    std::string best;
    int best_hits = 0;
    for (const auto& p : profiles()) {
        int hits = 0;
        for (const auto& w : words) {
            if (w.span.size() <= 8 && p.words.count(fold(w.span.in(sample)))) ++hits;
        }
        if (hits > best_hits) {
            best_hits = hits;
            best = p.lang;
        }
    }
    return best_hits >= min_hits ? best : std::string();
}

} // namespace storyline
