#include "annotators/events/event_annotator.hpp"
#include "annotators/events/trigger_lexicon.hpp"
#include "annotators/sentences/sentence_annotator.hpp"
#include "core/graph/textual_order.hpp"
#include "core/lang/resources.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

using namespace storyline;

namespace {

struct Name {
    std::string text;
    EntityType type;
};

Document make(const std::string& text, const std::string& lang, const std::string& dct, const std::vector<Name>& names = {}) {
    test_support::use_source_resources();
    Document d;
    d.article.text = text;
    d.article.lang = lang;
    if (!dct.empty()) d.article.published = {dct, "record"};
    d.sentences = split_sentences(text, lang);
    for (const auto& n : names) {
        const auto at = text.find(n.text);
        EntityMention m;
        m.span = Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + n.text.size())};
        m.type = n.type;
        m.key = n.text;
        d.entities.push_back(m);
    }
    return d;
}

void add_timex(Document& d, const std::string& surface, const std::string& value) {
    const auto at = d.article.text.find(surface);
    d.timexes.push_back(Timex{Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + surface.size())},
                              TimexType::date, value, "", "", true});
}

Document annotate(Document d) {
    make_event_annotator()->annotate(d);
    return d;
}

const EventMention* find_type(const Document& d, const std::string& type) {
    for (const auto& e : d.events) {
        if (e.type == type) return &e;
    }
    return nullptr;
}

std::string name_of(const Document& d, int entity) {
    return std::string(d.entities[static_cast<std::size_t>(entity)].span.in(d.article.text));
}

} // namespace

TEST(test_events, aspect_verb_folds_into_the_event_it_starts) {
    const auto d = annotate(make("Les troupes commencent à se retirer du pays.", "fr", "2022-01-14"));
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_EQ(d.events[0].type, "withdraw");
    EXPECT_EQ(d.events[0].time_value, "2022-01-14");
    EXPECT_EQ(d.events[0].time_source, TimeSource::document);
}

TEST(test_events, every_trigger_of_a_sentence_is_an_event) {
    auto d = make("Russia said on Thursday it would leave.", "en", "2022-01-14");
    add_timex(d, "Thursday", "2022-01-13");
    d = annotate(d);
    ASSERT_EQ(d.events.size(), 2u);
    EXPECT_EQ(d.events[0].type, "statement");
    EXPECT_EQ(d.events[0].time_value, "2022-01-13");
    EXPECT_EQ(d.events[0].time_source, TimeSource::timex);
    EXPECT_EQ(d.events[0].modality, Modality::asserted);
    EXPECT_EQ(d.events[1].type, "withdraw");
    // "would" under a speech verb is a plan, not a hypothesis.
    EXPECT_EQ(d.events[1].modality, Modality::planned);
}

TEST(test_events, a_summary_is_kept_only_when_it_is_not_the_sentence_itself) {
    // A short plain sentence is its own summary: not copied into its events, read from the text.
    const std::string plain = "The troops withdrew from the capital.";
    const std::string spaced = "The  troops   withdrew.";
    const std::string accented = "The troops withdrew from Z\xc3\xbcrich.";   // not ASCII, still its own summary
    const std::string longer = "The troops withdrew from the capital on Thursday after the presidents of the two "
                               "countries had agreed that the mission was over and that the soldiers had done what "
                               "they came to do.";
    const auto d = annotate(make(plain + " " + spaced + " " + accented + " " + longer, "en", "2022-01-14"));
    const std::string_view text = d.article.text;
    int seen[3] = {0, 0, 0};
    for (const auto& e : d.events) {
        const std::string_view sentence = e.sentence.in(text);
        if (sentence == plain || sentence == accented) {
            ++seen[0];
            EXPECT_EQ(e.summary, "");
            EXPECT_EQ(event_summary(e, text), sentence);
        } else if (sentence == spaced) {   // runs of spaces squeezed: a summary of its own
            ++seen[1];
            EXPECT_EQ(e.summary, "The troops withdrew.");
            EXPECT_EQ(event_summary(e, text), "The troops withdrew.");
        } else {   // past 160 bytes the head is cut at a word and marked
            ASSERT_EQ(sentence, longer);
            ++seen[2];
            ASSERT_GE(e.summary.size(), 3u);
            EXPECT_LE(e.summary.size(), 163u);
            EXPECT_EQ(e.summary.substr(e.summary.size() - 3), "\xe2\x80\xa6");
            EXPECT_EQ(event_summary(e, text), e.summary);
        }
    }
    EXPECT_EQ(seen[0], 2);
    EXPECT_EQ(seen[1], 1);
    EXPECT_GE(seen[2], 1);
}

TEST(test_events, no_document_date_means_no_invented_date) {
    const auto d = annotate(make("The troops will withdraw.", "en", ""));
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_EQ(d.events[0].time_value, "");
    EXPECT_EQ(d.events[0].time_source, TimeSource::none);
    EXPECT_EQ(d.events[0].modality, Modality::planned);
}

TEST(test_events, passive_subject_is_the_target_and_par_gives_the_agent) {
    const auto d = annotate(make("Les gardes de Tokayev ont été tués par Boko Haram.", "fr", "2022-01-14",
                                 {{"Tokayev", EntityType::person}, {"Boko Haram", EntityType::organization}}));
    const auto* kill = find_type(d, "kill");
    ASSERT_NE(kill, nullptr);
    ASSERT_EQ(kill->targets.size(), 1u);
    EXPECT_EQ(name_of(d, kill->targets[0]), "Tokayev");
    ASSERT_EQ(kill->agents.size(), 1u);
    EXPECT_EQ(name_of(d, kill->agents[0]), "Boko Haram");
}

TEST(test_events, active_voice_agent_before_target_after) {
    const auto d = annotate(make("Tokayev thanked Putin in Almaty.", "en", "2022-01-14",
                                 {{"Tokayev", EntityType::person}, {"Putin", EntityType::person}, {"Almaty", EntityType::location}}));
    ASSERT_EQ(d.events.size(), 1u);
    ASSERT_EQ(d.events[0].agents.size(), 1u);
    EXPECT_EQ(name_of(d, d.events[0].agents[0]), "Tokayev");
    ASSERT_EQ(d.events[0].targets.size(), 1u);
    EXPECT_EQ(name_of(d, d.events[0].targets[0]), "Putin");
    ASSERT_EQ(d.events[0].places.size(), 1u);
    EXPECT_EQ(name_of(d, d.events[0].places[0]), "Almaty");
}

TEST(test_events, reported_speech_speaker_after_the_quote_is_the_agent) {
    const auto d = annotate(make("« Ils doivent rentrer chez eux », a déclaré Poutine lors d'une réunion.", "fr", "2022-01-14",
                                 {{"Poutine", EntityType::person}}));
    const auto* said = find_type(d, "statement");
    ASSERT_NE(said, nullptr);
    ASSERT_EQ(said->agents.size(), 1u);
    EXPECT_EQ(name_of(d, said->agents[0]), "Poutine");
    const auto* go_home = find_type(d, "withdraw");
    ASSERT_NE(go_home, nullptr);
    EXPECT_EQ(go_home->modality, Modality::reported);
}

TEST(test_events, english_quote_then_speaker_then_verb) {
    const auto d = annotate(make("\"They must go home,\" Putin said.", "en", "2022-01-14", {{"Putin", EntityType::person}}));
    const auto* said = find_type(d, "statement");
    ASSERT_NE(said, nullptr);
    ASSERT_EQ(said->agents.size(), 1u);
    EXPECT_EQ(name_of(d, said->agents[0]), "Putin");
}

TEST(test_events, future_date_and_devraient_mark_a_planned_event) {
    auto d = make("Tous les soldats russes devraient être sortis d'ici le 19 janvier.", "fr", "2022-01-14");
    add_timex(d, "le 19 janvier", "2022-01-19");
    d = annotate(d);
    const auto* out = find_type(d, "withdraw");
    ASSERT_NE(out, nullptr);
    EXPECT_EQ(out->modality, Modality::planned);
    EXPECT_EQ(out->time_value, "2022-01-19");
    EXPECT_EQ(out->time_source, TimeSource::timex);
}

TEST(test_events, negation_before_the_trigger) {
    const auto d = annotate(make("The troops did not leave.", "en", "2022-01-14"));
    ASSERT_EQ(d.events.size(), 1u);
    EXPECT_EQ(d.events[0].modality, Modality::negated);
}

TEST(test_events, undated_sentence_takes_the_narrative_anchor_across_a_paragraph_break) {
    auto d = make("Le 7 janvier, la police a arrêté des opposants. Ils ont ensuite bloqué les routes.\n\nLes blessés sont soignés.",
                  "fr", "2022-01-14");
    add_timex(d, "Le 7 janvier", "2022-01-07");
    d = annotate(d);
    const auto* blocked = find_type(d, "protest");
    ASSERT_NE(blocked, nullptr);
    EXPECT_EQ(blocked->time_value, "2022-01-07");
    EXPECT_EQ(blocked->time_source, TimeSource::anchor);
    const auto* injured = find_type(d, "injure");
    ASSERT_NE(injured, nullptr);
    EXPECT_EQ(injured->time_value, "2022-01-07");
    EXPECT_EQ(injured->time_source, TimeSource::anchor);
}

TEST(test_events, the_anchor_reaches_two_sentences) {
    auto d = make("On 7 January the police arrested opponents. The city was calm. Shops opened. Schools stayed shut. "
                  "Dozens were injured.",
                  "en", "2022-01-14");
    add_timex(d, "On 7 January", "2022-01-07");
    d = annotate(d);
    const auto* injured = find_type(d, "injure");
    ASSERT_NE(injured, nullptr);
    EXPECT_EQ(injured->time_source, TimeSource::document);
    EXPECT_EQ(injured->time_value, "2022-01-14");
}

TEST(test_events, a_deadline_after_the_article_is_no_narrative_anchor) {
    auto d = make("Le 13 janvier, les troupes ont commencé leur retrait. Les soldats devraient être partis d'ici le 19 janvier. "
                  "« Ils doivent rentrer chez eux », a déclaré le président.",
                  "fr", "2022-01-14");
    add_timex(d, "Le 13 janvier", "2022-01-13");
    add_timex(d, "le 19 janvier", "2022-01-19");
    d = annotate(d);
    const auto* said = find_type(d, "statement");
    ASSERT_NE(said, nullptr);
    EXPECT_EQ(said->time_value, "2022-01-13");
    EXPECT_EQ(said->time_source, TimeSource::anchor);
}

TEST(test_events, a_reporting_verb_does_not_take_the_date_it_reports) {
    auto d = make("The ministry said all of its soldiers would leave Kazakhstan by January 19.", "en", "2022-01-14",
                  {{"Kazakhstan", EntityType::location}});
    add_timex(d, "January 19", "2022-01-19");
    d = annotate(d);
    const auto* said = find_type(d, "statement");
    ASSERT_NE(said, nullptr);
    EXPECT_EQ(said->time_value, "2022-01-14");
    EXPECT_EQ(said->time_source, TimeSource::document);
    EXPECT_EQ(said->modality, Modality::asserted);
    const auto* leave = find_type(d, "withdraw");
    ASSERT_NE(leave, nullptr);
    EXPECT_EQ(leave->time_value, "2022-01-19");
    EXPECT_EQ(leave->modality, Modality::planned);
}

TEST(test_events, lexicon_exact_forms_block_stems) {
    test_support::use_source_resources();
    const TriggerLexicon en("en");
    ASSERT_NE(en.find("reported"), nullptr);
    EXPECT_EQ(en.find("reported")->type, "statement");
    EXPECT_EQ(en.find("reporters"), nullptr);
    ASSERT_NE(en.find("withdrawal"), nullptr);
    EXPECT_EQ(en.find("withdrawal")->type, "withdraw");
    EXPECT_EQ(en.find("table"), nullptr);
    EXPECT_EQ(fold_word("Withdrew"), "withdrew");
    EXPECT_EQ(fold_word("Déclaré"), "declare");
}

TEST(test_events, connectives_order_events_of_one_sentence) {
    auto d = annotate(make("The troops left after the riots ended. Then Putin spoke at a meeting.", "en", "2022-01-14"));
    const auto pairs = textual_order(d);
    auto idx = [&](const std::string& word) {
        for (std::size_t i = 0; i < d.events.size(); ++i) {
            if (d.events[i].trigger.in(d.article.text) == word) return static_cast<int>(i);
        }
        return -1;
    };
    ASSERT_GE(idx("riots"), 0);
    ASSERT_GE(idx("left"), 0);
    EXPECT_NE(std::find(pairs.begin(), pairs.end(), std::make_pair(idx("riots"), idx("left"))), pairs.end());
    ASSERT_GE(idx("meeting"), 0);
    EXPECT_NE(std::find(pairs.begin(), pairs.end(), std::make_pair(idx("ended"), idx("meeting"))), pairs.end());
}

TEST(test_events, sentence_initial_apres_que_orders_the_main_clause_after) {
    auto d = annotate(make("Après que des policiers ont été tués, le président a qualifié les émeutes de terrorisme.", "fr",
                           "2022-01-14"));
    const auto pairs = textual_order(d);
    int killed = -1, called = -1;
    for (std::size_t i = 0; i < d.events.size(); ++i) {
        if (d.events[i].type == "kill") killed = static_cast<int>(i);
        if (d.events[i].lemma == "qualifier") called = static_cast<int>(i);
    }
    ASSERT_GE(killed, 0);
    ASSERT_GE(called, 0);
    EXPECT_NE(std::find(pairs.begin(), pairs.end(), std::make_pair(killed, called)), pairs.end());
}

TEST(test_events, lexicon_look_up_as_written_matches_folded) {
    test_support::use_source_resources();
    for (const char* lang : {"en", "fr"}) {
        const TriggerLexicon lex(lang);
        for (const char* word : {"Withdrew", "withdrawal", "reporters", "Reported", "by", "WOULD", "not", "Déclaré",
                                 "retiré", "table", "a", "", "x-ray", "Manifestation", "manifestations",
                                 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
            for (bool want : {false, true}) {
                const auto folded = lex.look_up(fold_word(word), want);
                const auto unfolded = lex.look_up_unfolded(word, want);
                EXPECT_EQ(folded.cues, unfolded.cues) << lang << " " << word;
                EXPECT_EQ(folded.trigger, unfolded.trigger) << lang << " " << word;
                if (want) {
                    EXPECT_EQ(folded.trigger, lex.find(fold_word(word))) << lang << " " << word;
                }
            }
        }
    }
}

TEST(test_events, lexicon_may_know_every_word_it_knows) {
    test_support::use_source_resources();
    for (const char* lang : {"en", "fr"}) {
        const TriggerLexicon lex(lang);
        for (const char* file : {"events/triggers.tsv", "events/modality.tsv", "events/syntax.tsv"}) {
            for (const auto& line : read_optional_data_lines(language_file(lang, file))) {
                std::string form = line.substr(0, line.find('\t'));
                if (!form.empty() && form.back() == '*') form.pop_back();
                std::string upper = form;
                for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
                for (const std::string& word : {form, upper, form + "s", form + "ing", upper + "ED"}) {
                    const auto found = lex.look_up_unfolded(word, true);
                    if (found.cues || found.trigger) {
                        EXPECT_TRUE(lex.may_know(word)) << lang << " " << word;
                    }
                }
            }
        }
        EXPECT_FALSE(lex.may_know("zzzzqx")) << lang;
    }
}
