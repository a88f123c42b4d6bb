#include "annotators/events/event_annotator.hpp"

#include "annotators/events/trigger_lexicon.hpp"
#include "core/graph/time_interval.hpp"
#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "core/text/words.hpp"

#include <map>
#include <mutex>

namespace storyline {
namespace {

constexpr std::size_t summary_limit = 160;

std::string summarise(std::string_view sentence) {
    std::string s = squeeze_spaces(sentence);
    if (s.size() <= summary_limit) return s;
    std::size_t cut = s.rfind(' ', summary_limit);
    if (cut == std::string::npos || cut < summary_limit / 2) cut = summary_limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;   // not inside a code point
    return s.substr(0, cut) + "…";
}

class EventAnnotator final : public Annotator {
public:
    std::string_view name() const override { return "events"; }
    std::string_view reads() const override { return "sentences timex entities"; }
    std::string_view writes() const override { return "events"; }

    void annotate(Document& doc) const override {
        const std::string_view text = doc.article.text;
        const TriggerLexicon& lex = lexicon(doc.article.lang.empty() ? "en" : doc.article.lang);
        const std::string dct = doc.article.published.day();
        for (const auto& sentence : doc.sentences) {
            const auto words = words_in(text, sentence.span);
            const Trigger* trigger = nullptr;
            Span trigger_span;
            Modality modality = Modality::asserted;
            for (const auto& w : words) {
                const std::string folded = fold(w.span.in(text));
                if (auto m = lex.modality(folded)) {
                    if (auto parsed = modality_from(*m); parsed && modality == Modality::asserted) modality = *parsed;
                }
                if (trigger) continue;
                // Capitalised words inside a sentence are names, not triggers ("Manifestation" at the start is fine).
                if (w.capitalised && w.span.begin != sentence.span.begin) continue;
                if (const Trigger* t = lex.find(folded)) {
                    trigger = t;
                    trigger_span = w.span;
                }
            }
            if (!trigger) continue;
            EventMention ev;
            ev.trigger = trigger_span;
            ev.sentence = sentence.span;
            ev.type = trigger->type;
            ev.lemma = trigger->lemma;
            ev.summary = summarise(sentence.span.in(text));
            ev.modality = modality;
            for (int i = 0; i < static_cast<int>(doc.entities.size()); ++i) {
                const auto& e = doc.entities[static_cast<std::size_t>(i)];
                if (!sentence.span.contains(e.span)) continue;
                if (e.type == EntityType::location) ev.places.push_back(i);
                else if (e.span.end <= trigger_span.begin) ev.agents.push_back(i);
                else ev.targets.push_back(i);
            }
            date_event(doc, sentence.span, ev, dct);
            ev.confidence = trigger->noun ? 0.4 : 0.6;
            doc.events.push_back(std::move(ev));
        }
    }

private:
    // The event's time: the first dated expression of its sentence, else the document date.
    static void date_event(const Document& doc, Span sentence, EventMention& ev, const std::string& dct) {
        for (int i = 0; i < static_cast<int>(doc.timexes.size()); ++i) {
            const auto& t = doc.timexes[static_cast<std::size_t>(i)];
            if (!sentence.contains(t.span) || (t.type != TimexType::date && t.type != TimexType::time)) continue;
            ev.timex = i;
            ev.time_value = t.value;
            ev.time_source = TimeSource::timex;
            if (interval_from_timex(t.value).known()) return;
        }
        if (ev.time_source == TimeSource::timex) return;   // only vague expressions: keep the first
        if (!dct.empty()) {
            ev.time_value = dct;
            ev.time_source = TimeSource::document;
        }
    }

    const TriggerLexicon& lexicon(const std::string& lang) const {
        std::lock_guard lock(m_mutex);
        auto it = m_lexicons.find(lang);
        if (it == m_lexicons.end()) it = m_lexicons.emplace(lang, std::make_unique<TriggerLexicon>(lang)).first;
        return *it->second;
    }

    mutable std::mutex m_mutex;
    mutable std::map<std::string, std::unique_ptr<TriggerLexicon>> m_lexicons;
}; // class EventAnnotator

} // namespace

std::unique_ptr<Annotator> make_event_annotator() { return std::make_unique<EventAnnotator>(); }

} // namespace storyline
