#include "annotators/timex/timex_tagger.hpp"

#include "annotators/timex/timex_tokenizer.hpp"

#include <date/date.h>
#include <date/iso_week.h>

#include <algorithm>
#include <forward_list>
#include <memory>
#include <array>
#include <climits>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>

namespace storyline::timex {
namespace {

using date::days;
using date::sys_days;
using date::year_month_day;

constexpr std::size_t max_elems = 16;
constexpr int window = 14;  // tokens a rule match may span at most

struct LexMatch {
    int entry;
    int ntok;
};

// No default initializers: a match path assigns every element's capture before it is read,
// and zeroing these arrays for every candidate token showed up in profiles.
struct Capture {
    bool set;
    int tb, te;
    std::string_view value;  // into the grammar, the token keys or Run::m_scratch
};

using Captures = std::array<Capture, max_elems>;

struct Best {
    int end = -1;
    int rule = -1;
    Captures caps;  // valid when end >= 0
};

// std::from_chars after an optional '+', written out: the values are a few digits, and the
// library call cost several times the loop (it runs for every number token).
int to_int(std::string_view s, int fallback = -1) {
    const char* p = s.data();
    const char* const e = p + s.size();
    if (p != e && *p == '+') ++p;
    const bool neg = p != e && *p == '-';
    if (neg) ++p;
    if (p == e) return fallback;
    const long long limit = neg ? -static_cast<long long>(INT_MIN) : INT_MAX;
    long long v = 0;
    for (; p != e; ++p) {
        const unsigned d = static_cast<unsigned char>(*p) - static_cast<unsigned>('0');
        if (d > 9) return fallback;
        v = v * 10 + d;
        if (v > limit) return fallback;
    }
    return static_cast<int>(neg ? -v : v);
}

// printf's "%0<width>d" without printf (these run for every value produced): the sign counts
// in the width, as in printf.
void append_padded(std::string& out, int v, int width) {
    char digits[12];
    int n = 0;
    unsigned u = v < 0 ? 0u - static_cast<unsigned>(v) : static_cast<unsigned>(v);
    do {
        digits[n++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) {
        out += '-';
        --width;
    }
    for (int k = n; k < width; ++k) out += '0';
    while (n) out += digits[--n];
}
std::string fmt_year(int y) {
    std::string s;
    append_padded(s, y, 4);
    return s;
}
std::string fmt_ym(int y, int m) {
    std::string s;
    append_padded(s, y, 4);
    s += '-';
    append_padded(s, m, 2);
    return s;
}
std::string fmt_day(sys_days d) {
    year_month_day ymd{d};
    std::string s;
    append_padded(s, static_cast<int>(ymd.year()), 4);
    s += '-';
    append_padded(s, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
    s += '-';
    append_padded(s, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
    return s;
}
std::string fmt_week(sys_days d) {
    iso_week::year_weeknum_weekday w{d};
    std::string s;
    append_padded(s, static_cast<int>(w.year()), 4);
    s += "-W";
    append_padded(s, static_cast<int>(static_cast<unsigned>(w.weeknum())), 2);
    return s;
}
// An amount with a fraction: "2.5", "2+1/2" (rule slots "$2+$3/$5"), "0.5". Nothing for a
// whole number or a decimal that is no simple fraction ("30.4" seconds stays a decimal).
struct Fraction {
    int whole, num, den;
};
std::optional<Fraction> fraction_of(std::string_view n) {
    if (auto plus = n.find('+'); plus != std::string_view::npos) {
        const auto slash = n.find('/', plus);
        if (slash == std::string_view::npos) return std::nullopt;
        const int w = to_int(n.substr(0, plus)), a = to_int(n.substr(plus + 1, slash - plus - 1)),
                  b = to_int(n.substr(slash + 1));
        if (w < 0 || a <= 0 || b <= a) return std::nullopt;
        return Fraction{w, a, b};
    }
    if (n.ends_with(".5")) {
        const int w = n.size() == 2 ? 0 : to_int(n.substr(0, n.size() - 2));
        if (w < 0) return std::nullopt;
        return Fraction{w, 1, 2};
    }
    return std::nullopt;
}

// The number elements (NumKind bits) a number token can fill: elem_matches and the
// candidate lists (Grammar::number_rules) both go by it.
unsigned number_kinds(const Token& t) {
    const bool plain = !t.grouped && !t.decimal && t.suffix.empty();
    const bool whole = !t.grouped && !t.decimal;
    const int v = whole ? to_int(t.key) : -1;
    unsigned k = 0;
    if (plain) k |= num_kind_bit(NumKind::integer);
    if (plain && t.digits == 4 && v >= 1000 && v <= 2099) k |= num_kind_bit(NumKind::year);
    if (whole && t.suffix != "s" && t.digits <= 2 && v >= 1 && v <= 31) k |= num_kind_bit(NumKind::day);
    if (plain && t.digits <= 2 && v >= 0 && v <= 24) k |= num_kind_bit(NumKind::hour);
    if (plain && t.digits == 2 && v >= 0 && v <= 59) k |= num_kind_bit(NumKind::minute);
    if (plain && t.digits == 2) k |= num_kind_bit(NumKind::year2);
    if (whole && t.suffix == "s" && (t.digits == 4 || t.digits == 2) && v % 10 == 0)
        k |= num_kind_bit(NumKind::decade);
    if (t.suffix.empty() && !t.grouped) k |= num_kind_bit(NumKind::amount);
    return k;
}

int iso_weekday(sys_days d) { return static_cast<int>(date::weekday{d}.iso_encoding()); }

bool is_day_value(std::string_view v) {
    return v.size() >= 10 && v[4] == '-' && v[7] == '-' && v[0] >= '0' && v[0] <= '9' && v[8] >= '0' &&
           v[8] <= '9';
}

std::optional<sys_days> parse_day(std::string_view v) {
    if (!is_day_value(v)) return std::nullopt;
    int y = to_int(v.substr(0, 4)), m = to_int(v.substr(5, 2)), d = to_int(v.substr(8, 2));
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) return std::nullopt;
    return sys_days{ymd};
}

// Slots of a matched rule after $n substitution.
struct Frame {
    std::string y, yy, m, d, wd, q, half, season, pod, h, min, ampm, dec, cent;
    std::string rel, off, anchor, keep, dir, ref, dur, unit, value, mod, week, hol, yoff, decx, quoted;
};

// Frame members in slot_names order: a rule's slots were resolved to these indices at load.
constexpr std::string Frame::*slot_members[] = {
    &Frame::y,   &Frame::yy,  &Frame::m,      &Frame::d,    &Frame::wd,  &Frame::q,   &Frame::half,
    &Frame::season, &Frame::pod, &Frame::h,   &Frame::min,  &Frame::ampm, &Frame::dec, &Frame::cent,
    &Frame::rel, &Frame::off, &Frame::anchor, &Frame::keep, &Frame::dir, &Frame::ref, &Frame::dur,
    &Frame::unit, &Frame::value, &Frame::mod, &Frame::week, &Frame::hol, &Frame::yoff, &Frame::decx,
    &Frame::quoted};
static_assert(std::size(slot_members) == std::size(slot_names));

const char* const seasons[] = {"SP", "SU", "FA", "WI"};
int season_index(std::string_view s) {
    for (int i = 0; i < 4; ++i)
        if (s == seasons[i]) return i;
    return -1;
}
int season_of_month(unsigned m) {  // meteorological-ish: Mar-May spring ...
    if (m >= 3 && m <= 5) return 0;
    if (m >= 6 && m <= 8) return 1;
    if (m >= 9 && m <= 11) return 2;
    return 3;
}

// Per token (plus a sentinel): first index in the lexicon matches, key info, its id, and the
// classes (id < 64) of the lexicon entries starting there. Filled in one pass.
struct TokIndex {
    std::uint32_t lex_begin;
    int keyid;
    std::uint64_t clsmask;
    const KeyInfo* ki;
    std::uint8_t num_kinds;  // number tokens: number_kinds()
    // A lexicon entry of several tokens or a numeral starts here: a match may take more
    // than this token before the next element, so NextFilter does not apply.
    bool multi;
};

// A thread's working memory, kept from one text to the next: allocating and freeing it for
// every text cost more than indexing the text's lexicon entries. Only grows.
struct Buffers {
    std::vector<Token> toks;
    std::unique_ptr<char[]> norm;  // token keys; not zeroed (written before read)
    std::size_t norm_size = 0;
    std::unique_ptr<TokIndex[]> idx;
    std::size_t idx_size = 0;
    std::vector<LexMatch> lex;
    std::vector<int> starts;
    std::size_t tokens_held = 0;  // tokens of the last text tokenized into `toks`

    void prepare(std::size_t text_size) {
        if (norm_size < text_size + 16) {
            norm_size = text_size + text_size / 2 + 16;
            norm = std::make_unique_for_overwrite<char[]>(norm_size);
        }
        lex.clear();
        starts.clear();
    }
    TokIndex* index_for(std::size_t ntok) {
        if (idx_size < ntok + 1) {
            idx_size = ntok + ntok / 2 + 1;
            idx = std::make_unique_for_overwrite<TokIndex[]>(idx_size);
        }
        return idx.get();
    }
};

class Run {
public:
    // `tokenized`: `b` already holds the tokens of this same text (tokens do not depend on
    // the grammar), as when several grammars tag one text.
    Run(const Grammar& g, std::string_view text, std::string_view dct, Buffers& b, bool tokenized = false)
        : m_g(g), m_text(text), m_toks(b.toks), m_lex(b.lex), m_starts(b.starts), m_buf(b) {
        if (auto d = parse_day(dct.substr(0, std::min<std::size_t>(dct.size(), 10)))) m_dct = *d;
        b.prepare(text.size());   // keeps the key buffer of a text already tokenized: same size
        if (!tokenized) b.tokens_held = tokenize_into(text, m_toks, b.norm.get());
        m_ntok = static_cast<int>(b.tokens_held);
        index_lexicon();
        m_out.reserve(8);  // growing from empty cost three moves of every Timex
    }

    std::vector<Timex> run();

private:
    const Grammar& m_g;
    std::string_view m_text;
    std::optional<sys_days> m_dct;
    std::vector<Token>& m_toks;
    std::vector<LexMatch>& m_lex;  // lexicon matches, grouped by start token
    // Tokens a rule may start at: some candidate rule, and a next token that can go on one of
    // them (most "the", "a" and numbers are followed by a word no rule names).
    std::vector<int>& m_starts;
    Buffers& m_buf;
    TokIndex* m_idx = nullptr;  // ntok() + 1 entries, each written once before use
    // Narrative state: the last day and quarter the text mentioned.
    std::optional<sys_days> m_last_day;
    // The last year and month the text mentioned at any precision ("in June 1998 ... later that
    // year"); a day mention sets them too.
    std::optional<date::year_month> m_last_month;
    int m_last_year = -1;
    std::string m_last_quarter;
    bool m_quarter_topic = false;  // the text now speaks of a quarter, not of months or years
    std::vector<Timex> m_out;
    // Composed numerals ("twenty-one" -> "21"); a list keeps them in place and, unlike a deque,
    // allocates nothing for the many texts that have none.
    mutable std::forward_list<std::string> m_scratch;

    int m_ntok = 0;  // tokens in m_toks (its size is the buffer's)
    [[nodiscard]] int ntok() const { return m_ntok; }

    void index_lexicon() {
        const int n = ntok();
        m_idx = m_buf.index_for(static_cast<std::size_t>(n));
        const Token* toks = m_toks.data();
        // Candidate rules of the token before, decided once this token is indexed.
        const NextFilter* prev_next = nullptr;
        auto lex_at = static_cast<std::uint32_t>(m_lex.size());  // kept in step with m_lex
        for (int i = 0; i < n; ++i) {
            TokIndex& ix = m_idx[static_cast<std::size_t>(i)];
            ix = TokIndex{lex_at, -1, 0, nullptr, 0, false};
            const Token& t = toks[i];
            const KeyInfo* ki = t.kind == TokKind::number ? nullptr : m_g.find_key(t.key);
            if (!ki && t.kind != TokKind::number) {  // most words: nothing starts or goes on here
                prev_next = nullptr;
                continue;
            }
            const std::vector<int>* cand = nullptr;
            const NextFilter* next = nullptr;
            if (t.kind == TokKind::number) {
                ix.num_kinds = static_cast<std::uint8_t>(number_kinds(t));
                cand = &m_g.number_rules[ix.num_kinds];
                next = &m_g.number_next[ix.num_kinds];
            } else {
                ix.ki = ki;
                ix.keyid = ki->id;
                cand = &ki->candidates;
                next = &ki->next;
                index_entries(i, ki, ix);
                lex_at = static_cast<std::uint32_t>(m_lex.size());
            }
            if (prev_next && passes(*prev_next, ix)) m_starts.push_back(i - 1);
            prev_next = nullptr;
            if (cand && !cand->empty()) {
                if (next->any || ix.multi) m_starts.push_back(i);
                else prev_next = next;
            }
        }
        if (prev_next) m_starts.push_back(n - 1);  // the last token: nothing after it to test
        m_idx[static_cast<std::size_t>(n)] = TokIndex{lex_at, -1, 0, nullptr, 0, false};
    }

    // Whether the token indexed as `nx` can go on one of the rules that `f` stands for.
    static bool passes(const NextFilter& f, const TokIndex& nx) {
        return (nx.clsmask & f.classes) || (nx.num_kinds & f.nums) ||
               (nx.keyid >= 0 && ((f.literals >> (nx.keyid & 63)) & 1));
    }

    // The lexicon entries starting at token i (key info ki) that the next tokens complete.
    void index_entries(int i, const KeyInfo* ki, TokIndex& ix) {
        const int n = ntok();
        const Token* toks = m_toks.data();
        const Token& t = toks[i];
        for (const EntryHead& h : ki->heads) {
            const int len = h.ntok;
            if (i + len > n) continue;
            if (len > 1) {  // most entries fail on the next token's length or first byte
                const Token& t1 = toks[i + 1];
                if (t1.kind == TokKind::number || t1.key.size() != h.next_len || t1.key[0] != h.next_first) continue;
            }
            const int id = h.entry;
            const LexEntry& e = m_g.entries[static_cast<std::size_t>(id)];
            bool ok = true;
            for (int k = 1; k < len && ok; ++k) {
                const Token& tk = toks[i + k];
                const std::string& ek = e.keys[static_cast<std::size_t>(k)];
                // Length and first byte before the full compare: most fail there.
                ok = tk.kind != TokKind::number && tk.key.size() == ek.size() && tk.key[0] == ek[0] && tk.key == ek;
            }
            if (ok && !e.exact_first.empty())
                ok = m_text.substr(t.begin, t.end - t.begin) == e.exact_first;
            if (ok) {
                m_lex.push_back({id, len});
                if (e.cls < 64) ix.clsmask |= std::uint64_t{1} << e.cls;
                if (len > 1 || e.cls == m_g.cls_num) ix.multi = true;
            }
        }
    }

    [[nodiscard]] bool has_class(int ti, int cls, int* len = nullptr) const {
        if (ti < 0 || ti >= ntok() || cls < 0) return false;
        // The class mask answers for most classes without a look at the entries.
        if (cls < 64 && !((m_idx[static_cast<std::size_t>(ti)].clsmask >> cls) & 1)) return false;
        for (auto k = m_idx[static_cast<std::size_t>(ti)].lex_begin; k < m_idx[static_cast<std::size_t>(ti) + 1].lex_begin; ++k) {
            const LexMatch& lm = m_lex[k];
            if (m_g.entries[static_cast<std::size_t>(lm.entry)].cls == cls) {
                if (len) *len = lm.ntok;
                return true;
            }
        }
        return false;
    }

    [[nodiscard]] bool context_holds(const ContextTest& t, int ti) const {
        if (ti < 0 || ti >= ntok()) return t.punct;
        const Token& tok = m_toks[static_cast<std::size_t>(ti)];
        if (t.punct && tok.kind == TokKind::punct) return true;
        const int kid = m_idx[static_cast<std::size_t>(ti)].keyid;
        if (kid >= 0)
            for (int l : t.literal_ids)
                if (l == kid) return true;
        for (int c : t.classes)
            if (has_class(ti, c)) return true;
        return false;
    }

    // Numeral value at ti from the lexicon ("twenty-one" composes tens and units).
    template <class F>
    void numeral_at(int ti, F&& yield) const {
        for (auto k = m_idx[static_cast<std::size_t>(ti)].lex_begin; k < m_idx[static_cast<std::size_t>(ti) + 1].lex_begin; ++k) {
            const LexMatch& lm = m_lex[k];
            const LexEntry& e = m_g.entries[static_cast<std::size_t>(lm.entry)];
            if (e.cls != m_g.cls_num) continue;
            const int v = to_int(e.value);
            int j = ti + lm.ntok;
            if (v >= 20 && v % 10 == 0 && v < 100 && j < ntok()) {
                int jj = j;
                const Token& sep = m_toks[static_cast<std::size_t>(jj)];
                if (sep.key == "-" || sep.key == "et" || sep.key == "and") ++jj;
                if (jj < ntok()) {
                    for (auto k2 = m_idx[static_cast<std::size_t>(jj)].lex_begin; k2 < m_idx[static_cast<std::size_t>(jj) + 1].lex_begin; ++k2) {
                        const LexMatch& lm2 = m_lex[k2];
                        const LexEntry& e2 = m_g.entries[static_cast<std::size_t>(lm2.entry)];
                        const int v2 = to_int(e2.value);
                        if (e2.cls == m_g.cls_num && v2 >= 1 && v2 <= 19) {
                            yield(std::string_view(m_scratch.emplace_front(std::to_string(v + v2))), jj + lm2.ntok);
                        }
                    }
                }
            }
            yield(std::string_view(e.value), j);
        }
    }

    template <class F>
    void elem_matches(const Elem& e, int ti, F&& yield) const {
        if (ti >= ntok()) return;
        const Token& t = m_toks[static_cast<std::size_t>(ti)];
        switch (e.kind) {
        case ElemKind::words:
            if (t.kind == TokKind::number) return;
            if (const int kid = m_idx[static_cast<std::size_t>(ti)].keyid; kid >= 0) {
                for (int l : e.literal_ids)
                    if (l == kid) {
                        yield(t.key, ti + 1);
                        break;
                    }
            }
            if (e.classes.empty()) return;
            if (e.mask_exact && (m_idx[static_cast<std::size_t>(ti)].clsmask & e.class_mask) == 0) return;
            for (auto k = m_idx[static_cast<std::size_t>(ti)].lex_begin; k < m_idx[static_cast<std::size_t>(ti) + 1].lex_begin; ++k) {
                const LexMatch& lm = m_lex[k];
                const LexEntry& le = m_g.entries[static_cast<std::size_t>(lm.entry)];
                for (int c : e.classes)
                    if (le.cls == c) {
                        yield(std::string_view(le.value), ti + lm.ntok);
                        break;
                    }
            }
            return;
        case ElemKind::number:
            break;
        }
        if (t.kind != TokKind::number) {
            if (e.num == NumKind::amount) numeral_at(ti, yield);
            return;
        }
        if (m_idx[static_cast<std::size_t>(ti)].num_kinds & num_kind_bit(e.num)) yield(t.key, ti + 1);
    }

    void match_rule(const Rule& r, std::size_t ei, int ti, int start, Captures& caps, Best& best) const {
        if (ei == r.elems.size()) {
            if (ti <= start) return;
            if (ti < best.end || (ti == best.end && r.order >= best.rule)) return;
            if (!r.prev.empty() && !context_holds(r.prev, start - 1)) return;
            if (!r.next.empty() && !context_holds(r.next, ti)) return;
            if (!r.not_prev.empty() && context_holds(r.not_prev, start - 1)) return;
            if (!r.not_next.empty() && context_holds(r.not_next, ti)) return;
            best.end = ti;
            best.rule = r.order;
            best.caps = caps;
            return;
        }
        const Elem& e = r.elems[ei];
        elem_matches(e, ti, [&](std::string_view value, int next) {
            Capture& c = caps[ei];
            c.set = true;
            c.tb = ti;
            c.te = next;
            c.value = value;
            match_rule(r, ei + 1, next, start, caps, best);
            caps[ei].set = false;
        });
        if (e.optional) {
            caps[ei].set = false;
            match_rule(r, ei + 1, ti, start, caps, best);
        }
    }

    // Tense around [tb, te): -1 past, +1 future, 0 unknown; the nearest cue in the sentence.
    [[nodiscard]] int cue_at(int i) const {
        const Token& t = m_toks[static_cast<std::size_t>(i)];
        if (t.kind != TokKind::word) return 0;
        if (has_class(i, m_g.cls_nocue)) return 0;
        if (has_class(i, m_g.cls_future)) {
            // A plan in the past perfect ("had been due to expire Friday") lies in the past.
            for (int k = i - 1; k >= std::max(0, i - 2); --k)
                if (has_class(k, m_g.cls_perfect)) return -1;
            return 1;
        }
        if (has_class(i, m_g.cls_past)) return -1;
        // Endings tell a verb's tense only on lower-case words: "United", "Red" are names.
        if (t.upper) return 0;
        for (const auto& s : m_g.future_suffixes)
            if (t.key.size() > s.size() + 2 && t.key.ends_with(s)) return 1;
        // After an auxiliary ("will be named", "is scheduled") the ending marks a participle,
        // not the tense: the auxiliary itself (or a cue further away) decides.
        if (i > 0 && has_class(i - 1, m_g.cls_aux)) return 0;
        for (const auto& s : m_g.past_suffixes)
            if (t.key.size() > s.size() + 2 && t.key.ends_with(s)) return -1;
        return 0;
    }
    [[nodiscard]] bool sentence_end(int i) const {
        const Token& t = m_toks[static_cast<std::size_t>(i)];
        if (t.kind != TokKind::punct) return false;
        if (t.key == "!" || t.key == "?" || t.key == ";") return true;
        if (t.key != ".") return false;
        // The period of an abbreviation ("the U.S. from Cuba", "Gov. Smith") ends nothing: it
        // follows a single letter, or a lower-case word comes next.
        const auto at = static_cast<std::size_t>(i);
        if (at > 0 && m_toks[at - 1].kind == TokKind::word && m_toks[at - 1].key.size() == 1) return false;
        if (at + 1 < static_cast<std::size_t>(ntok()) && m_toks[at + 1].kind == TokKind::word && !m_toks[at + 1].upper &&
            !m_toks[at + 1].newline_before) {
            return false;
        }
        return true;
    }
    // A comma, bracket or quote between an expression and an attribution verb ("... at 4 a.m.
    // Thursday,'' Castro said") puts the verb outside the expression's clause.
    [[nodiscard]] bool clause_break(int i) const {
        const Token& t = m_toks[static_cast<std::size_t>(i)];
        if (t.kind != TokKind::punct) return false;
        static constexpr std::string_view breaks[] = {",", "(", ")", "\"", "``", "''", "\u00ab", "\u00bb", ":"};
        for (auto b : breaks)
            if (t.key == b) return true;
        return false;
    }
    [[nodiscard]] int tense(int tb, int te) const {
        int l = tb - 1, r = te;
        bool broke_l = false, broke_r = false;
        int fallback = 0;  // an attribution verb beyond a clause break: used if nothing else is
        auto take = [&](int i, bool broke) {
            const int c = cue_at(i);
            if (c && broke && has_class(i, m_g.cls_report)) {
                if (!fallback) fallback = c;
                return 0;
            }
            return c;
        };
        for (int step = 0; step < 40; ++step) {
            bool any = false;
            if (l >= 0) {
                if (sentence_end(l) || m_toks[static_cast<std::size_t>(l + 1)].newline_before) {
                    l = -1;
                } else {
                    any = true;
                    if (int c = take(l, broke_l)) return c;
                    broke_l = broke_l || clause_break(l);
                    --l;
                }
            }
            if (r < ntok()) {
                if (sentence_end(r) || (r > te && m_toks[static_cast<std::size_t>(r)].newline_before)) {
                    r = ntok();
                } else {
                    any = true;
                    if (int c = take(r, broke_r)) return c;
                    broke_r = broke_r || clause_break(r);
                    ++r;
                }
            }
            if (!any) break;
        }
        return fallback;
    }

    [[nodiscard]] bool quarter_after_dct(std::string_view v) const {
        if (!m_dct) return false;
        const int y = to_int(v.substr(0, 4)), q = v[6] - '0';
        if (y < 0) return false;
        const auto first = sys_days{date::year{y} / date::month{static_cast<unsigned>(3 * q - 2)} / 1};
        return first + date::months{3} > *m_dct;
    }
    [[nodiscard]] sys_days narrative_anchor() const { return m_last_day ? *m_last_day : *m_dct; }

    // Whether byte `at` lies inside a quotation its paragraph opened: « » and “ ” (or „ ”) pair
    // up, straight double quotes toggle. Single quotes are not counted: ’ is also the apostrophe
    // ("aujourd’hui").
    [[nodiscard]] bool inside_quotation(std::size_t at) const {
        const std::size_t nl = m_text.rfind('\n', at);
        int depth = 0;
        bool straight = false;
        for (std::size_t k = nl == std::string_view::npos ? 0 : nl + 1; k < at; ++k) {
            const auto c = static_cast<unsigned char>(m_text[k]);
            if (c == '"') straight = !straight;
            else if (c == 0xC2 && k + 1 < at) depth += m_text[k + 1] == '\xAB' ? 1 : m_text[k + 1] == '\xBB' ? -1 : 0;
            else if (c == 0xE2 && k + 2 < at && m_text[k + 1] == '\x80')
                depth += m_text[k + 2] == '\x9C' || m_text[k + 2] == '\x9E' ? 1 : m_text[k + 2] == '\x9D' ? -1 : 0;
            depth = std::max(depth, 0);
        }
        return depth > 0 || straight;
    }
    [[nodiscard]] bool have_anchor(bool narr) const { return m_dct || (narr && m_last_day); }
    void note_mention(std::string_view v) {
        auto digits = [&](std::size_t b, std::size_t n) {
            if (v.size() < b + n) return false;
            for (std::size_t k = b; k < b + n; ++k)
                if (v[k] < '0' || v[k] > '9') return false;
            return true;
        };
        if (!digits(0, 4) || (v.size() > 4 && v[4] != '-')) return;
        m_last_year = to_int(v.substr(0, 4));
        m_last_month.reset();
        if (digits(5, 2) && (v.size() == 7 || v[7] == '-')) {
            const int mo = to_int(v.substr(5, 2));
            if (mo >= 1 && mo <= 12)
                m_last_month = date::year{m_last_year} / date::month{static_cast<unsigned>(mo)};
        }
    }

    std::optional<std::string> resolve(const Frame& f, int tb, int te, const std::string& type);
    std::optional<std::string> resolve_rel(const Frame& f, int tb, int te);
    std::optional<std::string> resolve_holiday(const Frame& f, int y, int tb, int te);
    std::string add_time_of_day(std::string v, const Frame& f) const;
    void emit(const Rule& r, const Frame& f, int tb, int te);
    Frame build_frame(const Rule& r, const Captures& caps) const;
    void ranges(const Rule& r, const Frame& f, int tb, int te);
};

Frame Run::build_frame(const Rule& r, const Captures& caps) const {
    Frame f;
    for (std::size_t si = 0; si < r.slots.size(); ++si) {
        const int id = r.slot_ids[si];
        if (id < 0) continue;
        const std::string& tmpl = r.slots[si].second;
        std::string v;
        bool ok = true;
        for (std::size_t i = 0; i < tmpl.size() && ok; ++i) {
            if (tmpl[i] == '$' && i + 1 < tmpl.size() && tmpl[i + 1] >= '1' && tmpl[i + 1] <= '9') {
                std::size_t n = static_cast<std::size_t>(tmpl[i + 1] - '0');
                if (i + 2 < tmpl.size() && tmpl[i + 2] >= '0' && tmpl[i + 2] <= '9') {
                    n = n * 10 + static_cast<std::size_t>(tmpl[i + 2] - '0');
                    ++i;
                }
                ++i;
                if (n == 0 || n > max_elems || !caps[n - 1].set) ok = false;
                else v += caps[n - 1].value;
            } else {
                v += tmpl[i];
            }
        }
        if (!ok) continue;
        // "--1" from "-$1" with a negative value; "-X" stays.
        if (v.starts_with("--")) v = v.substr(2);
        if (v.starts_with("-+")) v = "-" + v.substr(2);
        f.*slot_members[id] = std::move(v);
    }
    return f;
}

std::string Run::add_time_of_day(std::string v, const Frame& f) const {
    if (!is_day_value(v) && !v.starts_with("XXXX-XX-XX") && !(v.size() == 10 && v.starts_with("XXXX-")) &&
        v.find("-WXX-") == std::string::npos)
        return v;
    if (!f.h.empty()) {
        int h = to_int(f.h), mi = f.min.empty() ? 0 : to_int(f.min);
        if (h < 0 || mi < 0) return v;
        if (f.ampm == "pm" && h < 12) h += 12;
        if (f.ampm == "am" && h == 12) h = 0;
        v += 'T';
        append_padded(v, h, 2);
        v += ':';
        append_padded(v, mi, 2);
        return v;
    }
    if (!f.pod.empty()) return v + "T" + f.pod;
    return v;
}

std::optional<std::string> Run::resolve_rel(const Frame& f, int tb, int te) {
    const bool narr = f.anchor == "narr";
    const std::string& u = f.rel;
    if (f.off.find('X') != std::string::npos) {
        if (f.off.starts_with("-")) return std::string("PAST_REF");
        if (f.off.starts_with("+")) return std::string("FUTURE_REF");
        return std::string("PRESENT_REF");
    }
    int off = f.off.empty() ? 0 : to_int(f.off, 0);
    if (u == "H" || u == "MIN" || u == "S") {
        if (off < 0) return std::string("PAST_REF");
        if (off > 0) return std::string("FUTURE_REF");
        return std::string("PRESENT_REF");
    }
    // A year shift keeps the granularity of the quarter under discussion ("a year earlier").
    if (u == "Y" && !f.keep.empty() && !m_last_quarter.empty() && m_quarter_topic) {
        int y = to_int(std::string_view(m_last_quarter).substr(0, 4));
        return fmt_year(y + off) + m_last_quarter.substr(4);
    }
    if (!have_anchor(narr)) {
        if (u == "D") return std::string("XXXX-XX-XX");
        if (u == "W") return std::string("XXXX-WXX");
        if (u == "WE") return std::string("XXXX-WXX-WE");
        if (u == "M") return std::string("XXXX-XX");
        if (u == "Q") return std::string("XXXX-QX");
        if (u == "DE") return std::string("XXX");
        return std::string("XXXX");
    }
    const sys_days a = narr ? narrative_anchor() : *m_dct;
    const year_month_day ymd{a};
    const int y = static_cast<int>(ymd.year());
    const unsigned m = static_cast<unsigned>(ymd.month());
    if (u == "D") return fmt_day(a + days{off});
    if (u == "W") return fmt_week(a + days{7 * off});
    if (u == "WE") {
        // "the weekend" in a past clause written on a weekday is the one just gone.
        if (f.dir == "tense" && iso_weekday(a) < 6 && tense(tb, te) <= 0) off -= 1;
        return fmt_week(a + days{7 * off}) + "-WE";
    }
    if (u == "M") {
        auto ym = date::year_month{ymd.year(), ymd.month()} + date::months{off};
        if (narr && m_last_month) ym = *m_last_month + date::months{off};
        return fmt_ym(static_cast<int>(ym.year()), static_cast<int>(static_cast<unsigned>(ym.month())));
    }
    if (u == "Y") return fmt_year((narr && m_last_year >= 0 ? m_last_year : y) + off);
    if (u == "Q") {
        int qi = y * 4 + static_cast<int>((m - 1) / 3) + off;
        return fmt_year(qi / 4) + "-Q" + std::to_string(qi % 4 + 1);
    }
    if (u == "H1" || u == "H2") return fmt_year(y + off) + "-" + u;
    if (u == "DE") return std::to_string((y / 10) + off) + f.decx;
    if (u == "CE") return std::to_string(y / 100 + off);
    if (season_index(u) >= 0) {
        // "last summer": the most recent summer before the current season; "next": after it.
        const int si = season_index(u), cur = season_of_month(m);
        // January and February belong to the winter that began the year before: "last fall"
        // and "this winter" then count from that year, "this summer" is still the coming one.
        const int sy = cur == 3 && m <= 2 ? y - 1 : y;
        int yy = off == 0 && si != cur ? y : sy;
        if (off < 0 && si >= cur) yy -= 1;
        if (off > 0 && si <= cur) yy += 1;
        return fmt_year(yy) + "-" + u;
    }
    return std::nullopt;
}

std::optional<std::string> Run::resolve(const Frame& f, int tb, int te, const std::string& type) {
    if (!f.value.empty()) return f.value;
    if (!f.ref.empty()) return f.ref;
    if (!f.unit.empty() && (type == "DURATION" || type == "SET" || !f.dur.empty())) {
        std::string n = f.dur.empty() ? "1" : f.dur;
        if (n.find('X') != std::string::npos) n = "X";
        std::string u = f.unit;
        // Decades and centuries as durations are counted in years ("two decades" = P20Y), as the
        // TimeBank annotators did.
        if ((u == "DE" || u == "CE") && type == "DURATION") {
            const int per = u == "DE" ? 10 : 100;
            u = "Y";
            if (n != "X") {
                if (auto fr = fraction_of(n); fr && (fr->num * per) % fr->den == 0)
                    n = std::to_string(fr->whole * per + fr->num * per / fr->den);
                else if (const int v = to_int(n); v > 0)
                    n = std::to_string(v * per);
            }
        }
        auto fmt = [](std::string_view num, const std::string& unit) {
            return std::string(num) + (unit == "MIN" ? std::string("M") : unit);
        };
        const bool clock = u == "H" || u == "MIN" || u == "S";
        // "2 1/2 years", "two and a half hours": the whole amount, then the fraction in the next
        // smaller unit when it is a whole number of them (P2Y6M, PT5H30M); else a decimal.
        if (auto frac = fraction_of(n)) {
            const auto [whole, num, den] = *frac;
            static const struct { const char* unit; const char* sub; int per; } smaller[] = {
                {"Y", "M", 12}, {"W", "D", 7}, {"D", "H", 24}, {"H", "MIN", 60}, {"MIN", "S", 60}};
            for (const auto& sm : smaller) {
                if (u != sm.unit || (num * sm.per) % den != 0) continue;
                const std::string sub = sm.sub;
                const bool sub_clock = sub == "H" || sub == "MIN" || sub == "S";
                std::string v = "P";
                if (whole > 0) v += (clock ? "T" : "") + fmt(std::to_string(whole), u);
                if (sub_clock && v.find('T') == std::string::npos) v += "T";
                return v + fmt(std::to_string(num * sm.per / den), sub);
            }
            char buf[32];
            std::snprintf(buf, sizeof buf, "%g", whole + static_cast<double>(num) / den);
            n = buf;
        }
        if (clock) return "PT" + fmt(n, u);
        return "P" + n + u;
    }
    if (!f.rel.empty()) {
        auto v = resolve_rel(f, tb, te);
        if (!v) return v;
        return add_time_of_day(*v, f);
    }
    // Calendar fields.
    const int dct_y = m_dct ? static_cast<int>(year_month_day{*m_dct}.year()) : 0;
    const unsigned dct_m = m_dct ? static_cast<unsigned>(year_month_day{*m_dct}.month()) : 0;
    const unsigned dct_d = m_dct ? static_cast<unsigned>(year_month_day{*m_dct}.day()) : 0;
    int y = -1;
    if (!f.y.empty()) y = to_int(f.y);
    else if (!f.yy.empty()) {
        int v = to_int(f.yy);
        if (v < 0) return std::nullopt;
        // Two-digit year: the century that puts it nearest the document date (1900s otherwise).
        const int base = m_dct ? (dct_y / 100) * 100 : 1900;
        y = base + v;
        if (m_dct && y > dct_y + 20) y -= 100;
    }
    if (y < 0 && !f.yoff.empty()) {
        // "this year's third quarter", "July last year": a year relative to the document's.
        if (!m_dct) return std::nullopt;
        y = dct_y + to_int(f.yoff, 0);
    }
    if (!f.wd.empty() && f.d.empty()) {
        const int wd = to_int(f.wd);
        if (wd < 1 || wd > 7) return std::nullopt;
        if (type == "SET" || !m_dct) {
            std::string v = "XXXX-WXX-" + std::to_string(wd);
            if (!f.pod.empty()) v += "T" + f.pod;
            return v;
        }
        const sys_days a = *m_dct;
        const int w0 = iso_weekday(a);
        std::string dir = f.dir;
        if (dir.empty()) dir = tense(tb, te) > 0 ? "future" : "past";
        int delta = 0;
        if (dir == "past") delta = -((w0 - wd + 7) % 7);
        else if (dir == "future") delta = (wd - w0 + 7) % 7;
        else if (dir == "last") delta = -(((w0 - wd + 7) % 7) == 0 ? 7 : (w0 - wd + 7) % 7);
        else if (dir == "next") delta = ((wd - w0 + 7) % 7) == 0 ? 7 : (wd - w0 + 7) % 7;
        else if (dir == "this") delta = wd - w0;
        return add_time_of_day(fmt_day(a + days{delta}), f);
    }
    if (!f.q.empty()) {
        int q = -1;
        // "the 1988 period": the quarter under discussion if the text speaks of a quarter, else
        // the year ("For the nine months ... in the 1988 period").
        if (f.q == "topic" && y >= 0 && (!m_quarter_topic || m_last_quarter.empty())) return fmt_year(y);
        if (f.q == "last" || f.q == "topic") {
            if (!m_last_quarter.empty()) {
                if (y < 0) return m_last_quarter;
                return fmt_year(y) + m_last_quarter.substr(4);
            }
            if (!m_dct) return std::string("XXXX-QX");
            // Nothing mentioned yet: the latest quarter reported on is the last one that ended.
            q = static_cast<int>((dct_m - 1) / 3);
            if (q == 0 && y < 0) y = dct_y - 1;
            if (q == 0) q = 4;
        } else {
            q = to_int(f.q);
        }
        if (q < 1 || q > 4) return std::nullopt;
        if (y < 0) {
            if (!m_dct) return "XXXX-Q" + std::to_string(q);
            y = dct_y;
            if (q > static_cast<int>((dct_m - 1) / 3) + 1 && tense(tb, te) < 0) y -= 1;
        }
        return fmt_year(y) + "-Q" + std::to_string(q);
    }
    if (!f.half.empty()) {
        if (y < 0) y = m_dct ? dct_y : -1;
        return (y < 0 ? std::string("XXXX") : fmt_year(y)) + "-" + f.half;
    }
    if (!f.season.empty()) {
        if (y < 0) {
            if (!m_dct) return "XXXX-" + f.season;
            y = dct_y;
        }
        return fmt_year(y) + "-" + f.season;
    }
    if (!f.dec.empty()) {
        std::string d = f.dec;
        if (d.size() == 4) d = d.substr(0, 3);
        else if (d.size() == 2) d = "19" + d.substr(0, 1);
        else if (d.size() != 3) return std::nullopt;
        return d + f.decx;  // "196" (TimeML 1.2) or "196X" (rules ask with decx=X)
    }
    if (!f.cent.empty()) {
        int c = to_int(f.cent);
        if (c < 1) return std::nullopt;
        char buf[16];
        std::snprintf(buf, sizeof buf, "%02d", c - 1);
        return std::string(buf);
    }
    if (!f.hol.empty()) return resolve_holiday(f, y, tb, te);
    if (!f.m.empty()) {
        const int m = to_int(f.m);
        if (m < 1 || m > 12) return std::nullopt;
        const int d = f.d.empty() ? 0 : to_int(f.d);
        if (!f.d.empty() && (d < 1 || d > 31)) return std::nullopt;
        if (y < 0 && m_dct && !f.dir.empty()) {
            // "last December": the latest December before the document's month.
            const unsigned um = static_cast<unsigned>(m);
            if (f.dir == "last") y = um < dct_m ? dct_y : dct_y - 1;
            else if (f.dir == "next") y = um > dct_m ? dct_y : dct_y + 1;
            else y = dct_y;
        }
        if (y < 0 && m_dct) {
            // Year from the document date; the clause's tense moves a date lying well on the
            // wrong side of it (more than two months) to the previous or next year. Without a
            // tense cue the nearest occurrence wins (within six months of the document date).
            y = dct_y;
            const int t = tense(tb, te);
            const int cand = m * 31 + (d > 0 ? d : 15);
            const int ref = static_cast<int>(dct_m) * 31 + static_cast<int>(dct_d);
            if (t < 0 && cand > ref + 62) y -= 1;
            if (t > 0 && cand < ref - 62) y += 1;
            if (t == 0 && cand > ref + 186) y -= 1;
            if (t == 0 && cand < ref - 186) y += 1;
        }
        if (d > 0) {
            if (y >= 0) {
                year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
                if (!ymd.ok()) return std::nullopt;
                return add_time_of_day(fmt_day(sys_days{ymd}), f);
            }
            std::string v = "XXXX-";
            append_padded(v, m, 2);
            v += '-';
            append_padded(v, d, 2);
            return add_time_of_day(std::move(v), f);
        }
        return y >= 0 ? fmt_ym(y, m) : "XXXX-" + fmt_ym(0, m).substr(5);
    }
    if (y >= 0) return fmt_year(y);
    if (!f.h.empty() || !f.pod.empty()) {
        std::string day = m_last_day ? fmt_day(*m_last_day) : m_dct ? fmt_day(*m_dct) : std::string("XXXX-XX-XX");
        return add_time_of_day(day, f);
    }
    return std::nullopt;
}

// Holidays: "MM-DD" (fixed) or "MM-W-N" (N-th ISO weekday W of month MM, N = 5: the last).
std::optional<std::string> Run::resolve_holiday(const Frame& f, int y, int tb, int te) {
    const std::string& h = f.hol;
    const int m = to_int(std::string_view(h).substr(0, 2));
    if (m < 1 || m > 12 || h.size() < 4) return std::nullopt;
    auto day_in = [&](int year) -> std::optional<sys_days> {
        const auto ym = date::year{year} / date::month{static_cast<unsigned>(m)};
        if (h.size() == 5) {
            const int d = to_int(std::string_view(h).substr(3, 2));
            const year_month_day ymd{ym / date::day{static_cast<unsigned>(d)}};
            if (!ymd.ok()) return std::nullopt;
            return sys_days{ymd};
        }
        const int wd = to_int(std::string_view(h).substr(3, 1));
        const int nth = to_int(std::string_view(h).substr(5, 1));
        if (wd < 1 || wd > 7 || nth < 1 || nth > 5) return std::nullopt;
        const date::weekday w{static_cast<unsigned>(wd % 7)};
        if (nth == 5) return sys_days{ym / date::weekday_last{w}};
        const date::year_month_weekday ymw{ym / date::weekday_indexed{w, static_cast<unsigned>(nth)}};
        if (!ymw.ok()) return std::nullopt;
        return sys_days{ymw};
    };
    if (y < 0) {
        if (!m_dct) {
            if (h.size() == 5) return "XXXX-" + h;
            return std::nullopt;
        }
        y = static_cast<int>(year_month_day{*m_dct}.year());
        auto d = day_in(y);
        if (!d) return std::nullopt;
        const int t = f.dir == "last" ? -1 : f.dir == "next" ? 1 : tense(tb, te);
        if (t < 0 && *d > *m_dct) --y;
        if (t > 0 && *d < *m_dct) ++y;
    }
    auto d = day_in(y);
    if (!d) return std::nullopt;
    return fmt_day(*d);
}

void Run::emit(const Rule& r, const Frame& f, int tb, int te) {
    std::string mod = f.mod;
    // Trim punctuation the pattern allowed at the edges (",?" before an absent year).
    while (te > tb && m_toks[static_cast<std::size_t>(te - 1)].kind == TokKind::punct &&
           m_toks[static_cast<std::size_t>(te - 1)].key != "'")
        --te;
    while (tb < te && m_toks[static_cast<std::size_t>(tb)].kind == TokKind::punct) ++tb;
    if (tb >= te) return;
    auto value = resolve(f, tb, te, r.type);
    if (!value || value->empty()) return;
    // Inside a quotation the rule's `quoted` value holds (French "aujourd'hui" there is the
    // speaker's present, often "nowadays", on a day the text rarely gives). The narrative still
    // moves on to the day it resolves to, as if unquoted: later "le lendemain" counts from it.
    std::string narrative;
    if (!f.quoted.empty() && inside_quotation(m_toks[static_cast<std::size_t>(tb)].begin))
        narrative = std::exchange(*value, f.quoted);
    // A modifier just before ("early", "the end of", "fin"): part of the span, not the value.
    int start = tb;
    for (int j = tb - 1; j >= std::max(0, tb - 4); --j) {
        if (!m_out.empty() && m_toks[static_cast<std::size_t>(j)].begin < m_out.back().span.end) break;
        int len = 0;
        if (has_class(j, m_g.cls_premod, &len) && j + len == start) {
            for (auto k = m_idx[static_cast<std::size_t>(j)].lex_begin; k < m_idx[static_cast<std::size_t>(j) + 1].lex_begin; ++k) {
                const LexEntry& e = m_g.entries[static_cast<std::size_t>(m_lex[k].entry)];
                if (e.cls == m_g.cls_premod && m_lex[k].ntok == len) {
                    if (mod.empty()) mod = e.value;
                    break;
                }
            }
            start = j;
        }
    }
    Timex t;
    t.span = {m_toks[static_cast<std::size_t>(start)].begin, m_toks[static_cast<std::size_t>(te - 1)].end};
    t.type = r.type == "DATE" ? TimexType::date : r.type == "TIME" ? TimexType::time
           : r.type == "DURATION" ? TimexType::duration : TimexType::set;
    t.value = std::move(*value);
    t.mod = std::move(mod);
    if (t.type == TimexType::set) t.freq = "1X";
    t.relative = !f.rel.empty() || (!f.wd.empty() && f.d.empty()) || (f.y.empty() && f.yy.empty() && !f.m.empty()) ||
                 f.q == "last";
    if (t.type == TimexType::date || t.type == TimexType::time) {
        const std::string& said = narrative.empty() ? t.value : narrative;
        if (auto d = parse_day(said)) m_last_day = *d;
        note_mention(said);
        // Only a quarter already under way can be the one a report discusses: "losses through
        // the third quarter of 1990" written in 1989 is a forecast, not the reporting period.
        if (t.value.size() == 7 && t.value[4] == '-' && t.value[5] == 'Q' && t.value[6] >= '1' &&
            t.value[6] <= '4' && f.keep.empty() && !quarter_after_dct(t.value))
            m_last_quarter = t.value;
        if (t.value.size() == 7 && t.value[4] == '-' && t.value[5] == 'Q') m_quarter_topic = true;
        if (t.value.size() == 4 && f.q.empty()) m_quarter_topic = false;  // "Last year ...
    }
    // A span of months or years under discussion ("the first nine months", "for the year")
    // ends the quarter's: "a year earlier" after it is the year before.
    if (t.type == TimexType::duration && (t.value.ends_with("M") || t.value.ends_with("Y")) &&
        !t.value.starts_with("PT"))
        m_quarter_topic = false;
    m_out.push_back(std::move(t));
}

// "du 3 au 5 janvier", "March 3 to 5": the bare day on the other side of a range connector
// takes its month and year from the full date.
void Run::ranges(const Rule& r, const Frame& f, int tb, int te) {
    if (f.d.empty() || f.m.empty()) return;
    auto bare_day = [&](int i) -> int {
        if (i < 0 || i >= ntok()) return -1;
        const Token& t = m_toks[static_cast<std::size_t>(i)];
        if (t.kind != TokKind::number || t.grouped || t.decimal || t.digits > 2 || t.suffix == "s") return -1;
        int v = to_int(t.key);
        return v >= 1 && v <= 31 ? v : -1;
    };
    // Before: [from] DAY to <this date>
    if (has_class(tb - 1, m_g.cls_range_to) && bare_day(tb - 2) > 0 &&
        (m_out.size() < 2 || m_out[m_out.size() - 2].span.end <= m_toks[static_cast<std::size_t>(tb - 2)].begin)) {
        Frame g = f;
        g.d = std::to_string(bare_day(tb - 2));
        g.wd.clear();
        if (auto v = resolve(g, tb, te, r.type)) {
            Timex t;
            t.span = {m_toks[static_cast<std::size_t>(tb - 2)].begin, m_toks[static_cast<std::size_t>(tb - 2)].end};
            t.type = TimexType::date;
            t.value = *v;
            t.relative = f.y.empty();
            m_out.insert(m_out.end() - 1, std::move(t));
        }
    }
    // After: <this date> to DAY (not followed by a month: that would be its own date).
    if (has_class(te, m_g.cls_range_to) && bare_day(te + 1) > 0) {
        Frame g = f;
        g.d = std::to_string(bare_day(te + 1));
        g.wd.clear();
        if (auto v = resolve(g, tb, te, r.type)) {
            Timex t;
            t.span = {m_toks[static_cast<std::size_t>(te + 1)].begin, m_toks[static_cast<std::size_t>(te + 1)].end};
            t.type = TimexType::date;
            t.value = *v;
            t.relative = f.y.empty();
            m_out.push_back(std::move(t));
        }
    }
}

std::vector<Timex> Run::run() {
    const int n = ntok();
    Captures caps;
    int i = 0;
    for (const int start : m_starts) {
        if (start < i) continue;  // inside the last match
        i = start;
        const TokIndex& ix = m_idx[static_cast<std::size_t>(i)];
        const bool number = m_toks[static_cast<std::size_t>(i)].kind == TokKind::number;
        const std::vector<int>& cand = number ? m_g.number_rules[ix.num_kinds] : ix.ki->candidates;
        const std::vector<NextFilter>& cand_next =
            number ? m_g.number_candidate_next[ix.num_kinds] : ix.ki->candidate_next;
        // Each candidate's own next-token filter (the start passed the union of them).
        const bool check_next = !ix.multi && i + 1 < n;
        const TokIndex& nx = m_idx[static_cast<std::size_t>(i) + (i + 1 < n ? 1 : 0)];
        // Quick reject: every required word element must find its class or literal somewhere
        // in the next few tokens (a match cannot be longer than the window). Gathered at the
        // first candidate that gets this far.
        std::uint64_t win_mask = 0, win_lits = 0;
        bool have_window = false;
        Best best;
        for (std::size_t c = 0; c < cand.size(); ++c) {
            if (check_next) {
                const NextFilter& nf = cand_next[c];
                if (!nf.any && !passes(nf, nx)) continue;
            }
            if (!have_window) {
                have_window = true;
                const int win_end = std::min(n, i + window);
                for (int k = i; k < win_end; ++k) {
                    win_mask |= m_idx[static_cast<std::size_t>(k)].clsmask;
                    const int kid = m_idx[static_cast<std::size_t>(k)].keyid;
                    if (kid >= 0) win_lits |= std::uint64_t{1} << (kid & 63);
                }
            }
            const int ri = cand[c];
            const RuleFilter& f = m_g.filters[static_cast<std::size_t>(ri)];
            if ((win_mask & f.all_classes) != f.all_classes) continue;
            bool possible = true;
            for (std::uint32_t a = f.any_begin; a < f.any_end && possible; ++a) {
                const auto& [classes, literals] = m_g.filter_any[a];
                possible = (win_mask & classes) || (win_lits & literals);
            }
            if (!possible) continue;
            const Rule& r = m_g.rules[static_cast<std::size_t>(ri)];
            if (r.elems.size() > max_elems) continue;
            match_rule(r, 0, i, i, caps, best);
        }
        if (best.end <= i) {
            ++i;
            continue;
        }
        const Rule& r = m_g.rules[static_cast<std::size_t>(best.rule)];
        if (r.type == "NONE") {  // a blocking rule: "de 37 ans" is an age, not a duration
            i = best.end;
            continue;
        }
        const std::size_t before = m_out.size();
        const Frame f = build_frame(r, best.caps);  // once for both
        emit(r, f, i, best.end);
        if (m_out.size() > before) ranges(r, f, i, best.end);
        i = best.end;
        // The range helper may have claimed the bare day after the date.
        if (!m_out.empty() && i < n && m_out.back().span.end > m_toks[static_cast<std::size_t>(i)].begin) {
            while (i < n && m_toks[static_cast<std::size_t>(i)].begin < m_out.back().span.end) ++i;
        }
    }
    // Spans do not overlap; only ranges() may add one out of order.
    const auto by_begin = [](const Timex& a, const Timex& b) { return a.span.begin < b.span.begin; };
    if (!std::is_sorted(m_out.begin(), m_out.end(), by_begin)) std::sort(m_out.begin(), m_out.end(), by_begin);
    return std::move(m_out);
}

// The calling thread's buffers, shared by tag and tag_with_best.
Buffers& thread_buffers() {
    thread_local Buffers buffers;
    return buffers;
}

} // namespace

std::vector<Timex> tag(const Grammar& grammar, std::string_view text, std::string_view dct) {
    Run run(grammar, text, dct, thread_buffers());
    return run.run();
}

std::vector<Timex> tag_with_best(const std::vector<const Grammar*>& grammars, std::string_view text,
                                 std::string_view dct) {
    Buffers& buffers = thread_buffers();
    std::vector<Timex> best;
    bool tokenized = false;
    for (const Grammar* g : grammars) {
        Run run(*g, text, dct, buffers, tokenized);
        tokenized = true;
        auto found = run.run();
        if (found.size() > best.size()) best = std::move(found);
    }
    return best;
}

} // namespace storyline::timex
