// The order of the recognizer's passes and the look-ups they share: word facts, lines of
// capitals, candidates and the gazetteer entry a phrase stands for.
#include "annotators/entities/recognizer_class.hpp"

#include "annotators/entities/text_fold.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace storyline::entities {

std::vector<Candidate> Recognizer::run() {
    // Prefetch each word's slot a few words ahead of the look-up (the tokenizer hashed every
    // word): the word table does not fit in the cache, and waiting for memory is most of this
    // stage's time.
    constexpr std::size_t ahead = 8;
    for (std::size_t i = 0; i < std::min(ahead, m_toks.size()); ++i) m_lex.words.prefetch(m_toks[i].hash);
    m_info.resize(m_toks.size());
    std::size_t capitals = 0;
    for (std::size_t i = 0; i < m_toks.size(); ++i) {
        if (i + ahead < m_toks.size()) m_lex.words.prefetch(m_toks[i + ahead].hash);
        const Token& t = m_toks[i];
        m_info[i] = t.is_word() ? m_lex.words.find(t.hash) : nullptr;
        capitals += t.upper_initial() ? 1 : 0;
    }
    // Capitalised words this article also writes in lower case (only those are looked up).
    ArticleHashMap<bool> capitalised(capitals);
    for (const Token& t : m_toks) {
        if (t.upper_initial()) capitalised.emplace(t.hash, true);
    }
    m_lower_seen = ArticleHashMap<bool>(capitals);
    for (const Token& t : m_toks) {
        if (t.shape == Shape::lower && capitalised.contains(t.hash)) m_lower_seen.emplace(t.hash, true);
    }
    mark_lines();
    mark_titles_and_honorifics();
    first_pass();
    document_pass();
    initial_dots();
    if (m_lex.apposition_in_span) extend_appositions();
    std::sort(m_out.begin(), m_out.end(),
              [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    return std::move(m_out);
}

void Recognizer::mark_lines() {
    std::size_t line_begin = 0;
    bool has_lower = false;
    auto close = [&](std::size_t end) {
        for (std::size_t k = line_begin; k < end; ++k) {
            m_caps_line[k] = !has_lower && tok(k).shape == Shape::all_caps;
        }
    };
    for (std::size_t i = 0; i < m_toks.size(); ++i) {
        if (tok(i).line_start && i > 0) {
            close(i);
            line_begin = i;
            has_lower = false;
        }
        if (tok(i).shape == Shape::lower) has_lower = true;
    }
    close(m_toks.size());
}

// The entry a phrase stands for: places and organisations before demonyms, countries before
// regions before cities, bigger cities first.
int Recognizer::best_entry(const std::vector<std::uint32_t>& list) const {
    int best = -1;
    long best_score = -1;
    for (auto e : list) {
        const GazEntry& g = m_gaz.entry(e);
        long score = 0;
        switch (g.kind) {
        case EntryKind::country: score = 4'000'000'000L; break;
        case EntryKind::organisation: case EntryKind::agency: score = 3'900'000'000L; break;
        case EntryKind::region: score = 3'800'000'000L; break;
        case EntryKind::city: score = g.population; break;
        case EntryKind::demonym: score = g.population / 1000; break;  // below every place
        }
        if (score > best_score) {
            best_score = score;
            best = static_cast<int>(e);
        }
    }
    return best;
}

void Recognizer::emit(std::size_t first, std::size_t last, EntityType type, Form form, int entry,
                      double confidence, bool weak) {
    if (first >= last) return;
    Candidate c;
    c.first = first;
    c.last = last;
    c.name_first = first;
    if (type == EntityType::person && m_span_start[first] >= 0) {
        c.first = static_cast<std::size_t>(m_span_start[first]);
        // "général de Gaulle": the particle belongs to the name, the title does not
        while (c.name_first > c.first && m_particles.has(tok(c.name_first - 1))) --c.name_first;
    }
    // "Frédéric III", "Jean-Paul II"
    if (type == EntityType::person && last < m_toks.size() && roman(last) && !tok(last).sentence_start) ++last;

    c.last = last;
    c.name_last = last;
    c.begin = tok(c.first).begin;
    c.end = tok(last - 1).end;
    c.type = type;
    c.form = form;
    c.entry = entry;
    c.confidence = confidence;
    c.weak = weak;
    for (std::size_t k = c.first; k < last; ++k) m_covered[k] = true;
    m_out.push_back(c);
}

bool Recognizer::is_adjective(std::size_t j) const {
    const Token& t = tok(j);
    if (t.shape != Shape::lower || stop(j)) return false;
    if (m_info[j] && m_info[j]->demonym) return true;
    for (const auto& end : m_lex.adjective_endings) {   // French lists them, English none
        if (t.fold.size() > end.size() + 2 && t.fold.ends_with(end)) return true;
    }
    return false;
}

bool Recognizer::country_inside(std::size_t s, std::size_t e) const {
    for (std::size_t k = s; k < e; ++k) {
        auto [n, list] = match(k, e - k);
        if (n == 0) continue;
        for (auto x : *list) if (m_gaz.entry(x).kind == EntryKind::country) return true;
    }
    return false;
}

int Recognizer::numbers_in_line(std::size_t i) const {
    std::size_t b = i, e = i;
    while (b > 0 && !tok(b).line_start) --b;
    while (e + 1 < m_toks.size() && !tok(e + 1).line_start) ++e;
    int n = 0;
    for (std::size_t k = b; k <= e; ++k) n += tok(k).shape == Shape::number ? 1 : 0;
    return n;
}

void Recognizer::first_pass() {
    for (std::size_t i = 0; i < m_toks.size();) {
        const Token& t = tok(i);
        if (!t.is_word() || t.shape == Shape::elision) {
            ++i;
            continue;
        }
        // Each rule's first test, made here: most words pass none, and skip the calls.
        const WordInfo* w = m_info[i];
        std::size_t used = 0;
        if (t.upper_initial() || (w && w->demonym)) used = try_gazetteer(i);
        if (!used && t.shape == Shape::lower && w && ((w->cues | w->accented_cues) & (org_head | loc_head))) {
            used = try_lower_head(i);
        }
        if (!used && t.shape == Shape::lower && has_byte(m_text, t.begin, t.end, '-')) used = try_place_prefix(i);
        if (!used && t.upper_initial()) used = try_sequence(i);
        i += used ? used : 1;
    }
}

std::vector<Candidate> recognize(std::string_view text, const std::vector<Token>& tokens,
                                 std::string_view lang, const Gazetteer& gaz) {
    return Recognizer(text, tokens, lang, gaz).run();
}

} // namespace storyline::entities
