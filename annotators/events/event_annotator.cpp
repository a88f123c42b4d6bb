#include "annotators/events/event_annotator.hpp"

#include "annotators/events/trigger_lexicon.hpp"
#include "core/graph/time_interval.hpp"
#include "core/text/utf8.hpp"
#include "core/text/words.hpp"
#include "core/util/last_lookup.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <numeric>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace storyline {
namespace {

constexpr std::size_t summary_limit = 160;
constexpr std::size_t cue_window = 4;        // modality cues this many words before the trigger
constexpr std::size_t passive_window = 2;    // "ont été tués", "were later killed"
constexpr std::size_t aspect_window = 3;     // "began withdrawing", "a commencé à retirer"

// The summary of a sentence already squeezed: its head, cut at a word before the limit.
std::string cut_summary(std::string_view s) {
    if (s.size() <= summary_limit) return std::string(s);
    std::size_t cut = s.rfind(' ', summary_limit);
    if (cut == std::string_view::npos || cut < summary_limit / 2) cut = summary_limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;   // not inside a code point
    std::string out;
    out.reserve(cut + 3);
    out.append(s.substr(0, cut));
    out += "…";
    return out;
}

// Whether squeeze_spaces leaves `head` as it is: printable ASCII only, no space at either end
// and no two spaces in a row. Most sentences' heads are, and testing that sixteen bytes at a
// time costs a tenth of squeezing them (which copies word by word).
bool plain_head(std::string_view head) {
    if (head.empty() || head.front() == ' ' || head.back() == ' ') return false;
    std::size_t k = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(' ');
    for (; k + 17 <= head.size(); k += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(head.data() + k));
        const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(head.data() + k + 1));
        // Signed compare: control characters and every non-ASCII byte are below ' '.
        const __m128i odd = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                         _mm_and_si128(_mm_cmpeq_epi8(v, space), _mm_cmpeq_epi8(next, space)));
        if (_mm_movemask_epi8(odd) != 0) return false;
    }
#endif
    for (; k < head.size(); ++k) {
        const auto c = static_cast<unsigned char>(head[k]);
        if (c < 0x20 || c >= 0x80) return false;
        if (c == ' ' && k + 1 < head.size() && head[k + 1] == ' ') return false;
    }
    return true;
}

std::string summarise(std::string_view sentence) {
    // Only the head is squeezed: past the limit the rest cannot change the cut below.
    if (const std::string_view head = sentence.substr(0, summary_limit + 1); plain_head(head)) return cut_summary(head);
    return cut_summary(squeeze_spaces(sentence, summary_limit));
}

// The summary of a sentence that has events, or nothing when it is the sentence's own bytes
// (EventMention::summary): a short plain sentence, the most common, is not even copied once.
std::string own_summary(std::string_view sentence) {
    if (sentence.size() <= summary_limit && plain_head(sentence)) return {};
    std::string s = summarise(sentence);
    if (s == sentence) return {};
    return s;   // never empty: the sentence holds the trigger word, which squeezing keeps
}

// One word of a sentence with what the annotator needs around it.
struct Token {
    Span span;
    bool capitalised = false;
    int clause = 0;        // clause number inside the sentence
    bool quoted = false;   // inside « ... » or “ ... ” or "..."
    const Trigger* trigger = nullptr;
    CueRole role = CueRole::none;
    const std::string* modality = nullptr;   // modality cue class, when the word is one
};

enum class Punct { none, clause, open_quote, close_quote, toggle_quote };

constexpr Punct punct_kind(char32_t cp) {
    switch (cp) {
    case ',': case ';': case ':': case '(': case ')': case 0x2014: case 0x2013: return Punct::clause;
    case 0x00AB: case 0x201C: case 0x2018: return Punct::open_quote;     // « “ ‘
    case 0x00BB: case 0x201D: return Punct::close_quote;                 // » ”
    case '"': return Punct::toggle_quote;
    default: return Punct::none;
    }
}

// punct_kind of the ASCII characters, looked up: most gaps between words are one space.
constexpr auto ascii_punct = [] {
    std::array<Punct, 128> t{};
    for (std::size_t c = 0; c < t.size(); ++c) t[c] = punct_kind(static_cast<char32_t>(c));
    return t;
}();

// Clause and quote state between two words: punctuation in [from, to).
void scan_gap(std::string_view text, std::size_t from, std::size_t to, int& clause, bool& quoted) {
    std::size_t i = from;
    while (i < to) {
        const auto b = static_cast<unsigned char>(text[i]);
        Punct kind;
        if (b < 0x80) {
            kind = ascii_punct[b];
            ++i;
        } else {
            kind = punct_kind(next_code_point(text, i));
        }
        switch (kind) {
        case Punct::none: break;
        case Punct::clause: ++clause; break;
        case Punct::open_quote: quoted = true; ++clause; break;
        case Punct::close_quote: quoted = false; ++clause; break;
        case Punct::toggle_quote: quoted = !quoted; ++clause; break;
        }
    }
}

class EventAnnotator final : public Annotator {
public:
    std::string_view name() const override { return "events"; }
    std::string_view reads() const override { return "sentences timex entities"; }
    std::string_view writes() const override { return "events"; }

    void annotate(Document& doc) const override {
        const TriggerLexicon& lex = *m_last.get(doc.article.lang.empty() ? std::string_view("en") : doc.article.lang,
                                                [this](std::string_view lang) { return &lexicon(std::string(lang)); });
        if (lex.empty()) return;
        const std::string_view text = doc.article.text;
        const TimeInterval dct = interval_from_timex(doc.article.published.day());
        // Entity indices in text order (the layer need not be sorted).
        std::vector<int> by_offset(doc.entities.size());
        std::iota(by_offset.begin(), by_offset.end(), 0);
        std::stable_sort(by_offset.begin(), by_offset.end(), [&](int a, int b) {
            return doc.entities[static_cast<std::size_t>(a)].span.begin < doc.entities[static_cast<std::size_t>(b)].span.begin;
        });
        // The anchor carries over paragraph breaks: news paragraphs are a sentence or two, and
        // the one after "... last week's riots." usually goes on about them (its age still
        // limits how far it reaches).
        Anchor anchor;
        // Each date or time value parsed once, not once per event and sentence that looks at it.
        std::vector<TimeInterval> intervals(doc.timexes.size());
        for (std::size_t k = 0; k < doc.timexes.size(); ++k) {
            const auto& t = doc.timexes[k];
            if (t.type == TimexType::date || t.type == TimexType::time) intervals[k] = interval_from_timex(t.value);
        }
        std::vector<Word> words;     // reused from sentence to sentence
        std::vector<Token> tokens;
        std::vector<int> ents;
        // Most sentences of news text hold an event: growing the layer from empty moved every
        // mention (five strings and vectors each) several times.
        doc.events.reserve(doc.events.size() + doc.sentences.size());
        // The timex layer comes sorted from the tagger: each sentence then looks at its own
        // timexes only, not at every timex of the text.
        const auto by_begin = [](const Timex& a, const Timex& b) { return a.span.begin < b.span.begin; };
        const bool timexes_sorted = std::is_sorted(doc.timexes.begin(), doc.timexes.end(), by_begin);
        for (const auto& sentence : doc.sentences) {
            const TimexRange tx = timexes_sorted ? timexes_in(doc.timexes, sentence.span)
                                                 : TimexRange{0, static_cast<int>(doc.timexes.size())};
            // A sentence without a trigger word holds no event.
            if (tokenise(text, sentence.span, lex, words, tokens)) {
                annotate_sentence(doc, sentence.span, tokens, by_offset, intervals, tx, dct, anchor, ents);
            }
            update_anchor(doc, sentence.span, intervals, tx, dct, anchor);
        }
    }

private:
    // The last fully dated expression of the paragraph so far: what an undated sentence that
    // follows it is most likely about.
    struct Anchor {
        int timex = -1;
        int age = 0;   // sentences since it was set
    };
    static constexpr int anchor_reach = 2;

    // Indices [first, last) of the timexes that may lie in a sentence.
    struct TimexRange {
        int first = 0;
        int last = 0;
    };
    // Those starting inside `sentence`, from a layer sorted by start.
    static TimexRange timexes_in(const std::vector<Timex>& timexes, Span sentence) {
        const auto starts_before = [](const Timex& t, std::uint32_t at) { return t.span.begin < at; };
        const auto first = std::lower_bound(timexes.begin(), timexes.end(), sentence.begin, starts_before);
        const auto last = std::lower_bound(first, timexes.end(), sentence.end, starts_before);
        return {static_cast<int>(first - timexes.begin()), static_cast<int>(last - timexes.begin())};
    }

    // Fills `out`; returns whether a word of it is a trigger.
    static bool tokenise(std::string_view text, Span sentence, const TriggerLexicon& lex,
                         std::vector<Word>& words, std::vector<Token>& out) {
        bool any_trigger = false;
        words_in(text, sentence, words);
        // Built in place: resizing first default-constructed every token, then overwrote it.
        out.clear();
        out.reserve(words.size());
        int clause = 0;
        bool quoted = false;
        std::size_t gap_from = sentence.begin;
        for (std::size_t k = 0; k < words.size(); ++k) {
            const Word& w = words[k];
            scan_gap(text, gap_from, w.span.begin, clause, quoted);
            gap_from = w.span.end;
            Token& t = out.emplace_back();
            t.span = w.span;
            t.capitalised = w.capitalised;
            // Capitalised words inside a sentence are names, not triggers ("Manifestation" at the start is fine).
            const std::string_view word = w.span.in(text);
            const auto found = lex.may_know(word)
                                   ? lex.look_up_unfolded(word, !w.capitalised || w.span.begin == sentence.begin)
                                   : TriggerLexicon::Found{};
            t.role = found.cues ? found.cues->role : CueRole::none;
            t.modality = found.cues ? found.cues->modality : nullptr;
            if (t.role == CueRole::clause) ++clause;
            t.clause = clause;
            t.quoted = quoted;
            t.trigger = found.trigger;
            any_trigger |= found.trigger != nullptr;
        }
        return any_trigger;
    }

    static void annotate_sentence(Document& doc, Span sentence, const std::vector<Token>& tokens,
                                  const std::vector<int>& by_offset, const std::vector<TimeInterval>& intervals,
                                  TimexRange tx, const TimeInterval& dct, const Anchor& anchor, std::vector<int>& ents) {
        // Entities of this sentence, in text order.
        const auto first = std::lower_bound(by_offset.begin(), by_offset.end(), sentence.begin, [&](int e, std::uint32_t at) {
            return doc.entities[static_cast<std::size_t>(e)].span.begin < at;
        });
        ents.clear();
        std::string summary;
        bool summarised = false;
        const std::size_t first_event = doc.events.size();
        for (auto it = first; it != by_offset.end(); ++it) {
            const auto& span = doc.entities[static_cast<std::size_t>(*it)].span;
            if (span.begin >= sentence.end) break;
            if (sentence.contains(span)) ents.push_back(*it);
        }
        auto token_at = [&](std::uint32_t offset) {
            const auto it = std::upper_bound(tokens.begin(), tokens.end(), offset,
                                             [](std::uint32_t at, const Token& t) { return at < t.span.begin; });
            return it == tokens.begin() ? std::size_t{0} : static_cast<std::size_t>(it - tokens.begin() - 1);
        };
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const Token& tok = tokens[i];
            if (!tok.trigger) continue;
            if (absorbed_aspect(tokens, i)) continue;
            // Words inside a name are not triggers ("Apple Corps", "Conseil de sécurité").
            const bool in_name = std::any_of(ents.begin(), ents.end(), [&](int e) {
                return doc.entities[static_cast<std::size_t>(e)].span.overlaps(tok.span);
            });
            if (in_name) continue;
            // Built in its place in the layer: moving a finished mention in cost a copy of each
            // of its short strings.
            EventMention& ev = doc.events.emplace_back();
            ev.trigger = tok.span;
            ev.sentence = sentence;
            ev.type = tok.trigger->type;
            ev.lemma = tok.trigger->lemma;
            if (!summarised) {   // once a sentence
                summary = own_summary(sentence.in(doc.article.text));
                summarised = true;
            }
            const bool passive = !tok.trigger->noun && preceded_by(tokens, i, CueRole::passive, passive_window);
            attach_participants(doc, tokens, i, ents, token_at, passive, ev);
            const TimeInterval when = date_event(doc, sentence, tokens, i, token_at, intervals, tx, anchor, dct, ev);
            ev.modality = modality_of(tokens, i, when, dct);
            ev.confidence = tok.trigger->noun ? 0.4 : 0.6;
        }
        // The sentence's summary, when it has one of its own: copies for its events, the last one
        // takes it.
        if (summary.empty()) return;
        for (std::size_t k = first_event; k < doc.events.size(); ++k) {
            if (k + 1 < doc.events.size()) doc.events[k].summary = summary;
            else doc.events[k].summary = std::move(summary);
        }
    }

    // "began withdrawing": the aspect verb only marks the start of the next event.
    static bool absorbed_aspect(const std::vector<Token>& tokens, std::size_t i) {
        if (!tokens[i].trigger->aspect) return false;
        for (std::size_t j = i + 1; j < tokens.size() && j <= i + aspect_window; ++j) {
            if (tokens[j].clause != tokens[i].clause) return false;
            if (tokens[j].trigger && !tokens[j].trigger->aspect) return true;
        }
        return false;
    }

    static bool preceded_by(const std::vector<Token>& tokens, std::size_t i, CueRole role, std::size_t window) {
        for (std::size_t k = 1; k <= window && k <= i; ++k) {
            const Token& t = tokens[i - k];
            if (t.clause != tokens[i].clause) return false;
            if (t.role == role) return true;
        }
        return false;
    }

    template <class TokenAt>
    static void attach_participants(const Document& doc, const std::vector<Token>& tokens, std::size_t i,
                                    const std::vector<int>& ents, TokenAt token_at, bool passive, EventMention& ev) {
        const Token& tok = tokens[i];
        std::vector<int> left, right, right_after_by, left_sentence;
        for (int e : ents) {
            const auto& m = doc.entities[static_cast<std::size_t>(e)];
            const std::size_t at = token_at(m.span.begin);
            const bool same_clause = tokens[at].clause == tok.clause;
            if (m.type == EntityType::location) {
                if (same_clause) ev.places.push_back(e);
                continue;
            }
            if (m.span.end <= tok.span.begin) {
                if (same_clause) left.push_back(e);
                else if (tokens[at].quoted == tok.quoted) left_sentence.push_back(e);
            } else if (same_clause) {
                right.push_back(e);
                if (passive && std::any_of(tokens.begin() + static_cast<long>(i), tokens.begin() + static_cast<long>(at),
                                           [](const Token& t) { return t.role == CueRole::by; })) {
                    right_after_by.push_back(e);
                }
            }
        }
        // Subject of the main clause when the trigger's own clause names nobody ("X, qui ..., a déclaré").
        if (left.empty() && !left_sentence.empty()) left.push_back(left_sentence.front());
        if (passive) {
            // "des dizaines de membres des forces de sécurité ont été tués": the subject undergoes it.
            ev.targets = std::move(left);
            for (int e : right) {
                if (std::find(right_after_by.begin(), right_after_by.end(), e) == right_after_by.end()) ev.targets.push_back(e);
            }
            ev.agents = std::move(right_after_by);
        } else if (tok.trigger->statement && (left.empty() || tokens[i].clause > 0) && !right.empty() &&
                   reported_inversion(tokens, i)) {
            // « ... », a déclaré Poutine / "...", said Putin: the speaker follows the verb.
            ev.agents.push_back(right.front());
            ev.targets.assign(right.begin() + 1, right.end());
        } else {
            ev.agents = std::move(left);
            ev.targets = std::move(right);
        }
        if (ev.places.empty()) {
            for (int e : ents) {
                if (doc.entities[static_cast<std::size_t>(e)].type == EntityType::location) ev.places.push_back(e);
            }
        }
    }

    // The statement verb follows a quotation (possibly with an auxiliary between).
    static bool reported_inversion(const std::vector<Token>& tokens, std::size_t i) {
        for (std::size_t k = 0; k <= 2 && k <= i; ++k) {
            const std::size_t j = i - k;
            if (j == 0) return false;
            if (tokens[j - 1].quoted && !tokens[j].quoted) return true;
            if (tokens[j - 1].clause != tokens[j].clause && tokens[j - 1].quoted) return true;
        }
        return false;
    }

    // Sets the event's date; returns it as an interval (unknown when there is none).
    template <class TokenAt>
    static TimeInterval date_event(const Document& doc, Span sentence, const std::vector<Token>& tokens, std::size_t i,
                                   TokenAt token_at, const std::vector<TimeInterval>& intervals, TimexRange tx,
                                   const Anchor& anchor,
                                   const TimeInterval& dct, EventMention& ev) {
        // The nearest fully dated expression of the clause, else of the sentence. A reporting
        // verb does not take the date of what it reports: "X said the troops would leave by
        // January 19" was said before the article, not on the 19th.
        const bool reporting = tokens[i].trigger->statement;
        int best = -1;
        long best_score = 0;
        for (int k = tx.first; k < tx.last; ++k) {
            const auto& t = doc.timexes[static_cast<std::size_t>(k)];
            if (!sentence.contains(t.span) || (t.type != TimexType::date && t.type != TimexType::time)) continue;
            const TimeInterval& when = intervals[static_cast<std::size_t>(k)];
            if (!when.known()) continue;
            const std::size_t at = token_at(t.span.begin);
            if (reporting && ((dct.known() && dct.before(when)) ||
                              (t.span.begin > tokens[i].span.begin && tokens[at].clause != tokens[i].clause))) {
                continue;
            }
            const long distance = std::labs(static_cast<long>(t.span.begin) - static_cast<long>(tokens[i].span.begin));
            const long score = distance + (tokens[at].clause == tokens[i].clause ? 0 : 100000) +
                               (tokens[at].quoted == tokens[i].quoted ? 0 : 200000);
            if (best < 0 || score < best_score) {
                best = k;
                best_score = score;
            }
        }
        if (best >= 0) {
            ev.timex = best;
            ev.time_value = doc.timexes[static_cast<std::size_t>(best)].value;
            ev.time_source = TimeSource::timex;
            return intervals[static_cast<std::size_t>(best)];
        }
        if (anchor.timex >= 0 && anchor.age <= anchor_reach) {
            ev.time_value = doc.timexes[static_cast<std::size_t>(anchor.timex)].value;
            ev.time_source = TimeSource::anchor;
            return intervals[static_cast<std::size_t>(anchor.timex)];
        }
        std::string day = doc.article.published.day();
        if (day.empty()) return {};
        ev.time_value = std::move(day);
        ev.time_source = TimeSource::document;
        return dct;   // the interval of that same day
    }

    // A date after the article was written (a deadline, "by January 19", a plan) does not move
    // the narrative: the next undated sentence still tells what happened, not what is planned.
    static void update_anchor(const Document& doc, Span sentence, const std::vector<TimeInterval>& intervals,
                              TimexRange tx, const TimeInterval& dct, Anchor& anchor) {
        ++anchor.age;
        for (int k = tx.first; k < tx.last; ++k) {
            const auto& t = doc.timexes[static_cast<std::size_t>(k)];
            if (!sentence.contains(t.span) || t.type != TimexType::date) continue;
            const TimeInterval& iv = intervals[static_cast<std::size_t>(k)];
            if (!iv.known() || (iv.precision != Precision::day && iv.precision != Precision::week)) continue;
            if (dct.known() && dct.before(iv)) continue;
            anchor = {k, 0};
        }
    }

    // `when` is the interval of the event's date.
    static Modality modality_of(const std::vector<Token>& tokens, std::size_t i, const TimeInterval& when,
                                const TimeInterval& dct) {
        Modality m = Modality::asserted;
        for (std::size_t k = 1; k <= cue_window && k <= i; ++k) {
            const Token& t = tokens[i - k];
            if (t.clause != tokens[i].clause) break;
            if (!t.modality) continue;
            const auto parsed = modality_from(*t.modality);
            if (!parsed) continue;
            if (*parsed == Modality::negated) return Modality::negated;
            if (m == Modality::asserted) m = *parsed;
        }
        // "would leave by January 19" said by someone: the conditional of reported speech is a plan.
        if (m == Modality::hypothetical && said_before(tokens, i)) m = Modality::planned;
        // An event dated after its article was written cannot have happened yet.
        if (m != Modality::hypothetical && dct.known() && when.known() && dct.before(when)) return Modality::planned;
        if (m == Modality::asserted && tokens[i].quoted) m = Modality::reported;
        return m;
    }

    static bool said_before(const std::vector<Token>& tokens, std::size_t i) {
        for (std::size_t k = 0; k < i; ++k) {
            if (tokens[k].trigger && tokens[k].trigger->statement) return true;
        }
        return false;
    }

    const TriggerLexicon& lexicon(const std::string& lang) const {
        std::lock_guard lock(m_mutex);
        auto it = m_lexicons.find(lang);
        if (it == m_lexicons.end()) it = m_lexicons.emplace(lang, std::make_unique<TriggerLexicon>(lang)).first;
        return *it->second;
    }

    mutable std::mutex m_mutex;
    mutable std::map<std::string, std::unique_ptr<TriggerLexicon>> m_lexicons;
    LastLookup<TriggerLexicon> m_last;   // this thread's last language, without the mutex
}; // class EventAnnotator

} // namespace

std::unique_ptr<Annotator> make_event_annotator() { return std::make_unique<EventAnnotator>(); }

} // namespace storyline
