#include "annotators/pipeline.hpp"
#include "cli/annotate_record.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace storyline;

namespace {

Document article(const std::string& text, const std::string& lang, const std::string& dct) {
    Document d;
    d.article.id = "a-" + std::to_string(text.size());
    d.article.text = text;
    d.article.lang = lang;
    d.article.published = {dct, "record"};
    return d;
}

std::vector<Document> articles() {
    return {
        article("Vladimir Poutine a annoncé jeudi le retrait des troupes de l'OTSC du Kazakhstan.", "fr", "2022-01-14"),
        article("", "en", "2022-01-14"),
        article("President Putin said on Thursday that CSTO troops would leave Kazakhstan by January 19.\n\n"
                "Kassym-Jomart Tokayev thanked the Russian leader in Almaty last week.", "en", "2022-01-14"),
        article("Le Conseil de sécurité de l'ONU s'est réuni vendredi dernier à New York.", "fr", "2021-06-01"),
    };
}

} // namespace

// Stage by stage over several documents gives each the layers it gets alone.
TEST(test_pipeline, a_batch_annotates_each_document_as_alone) {
    test_support::use_source_resources();
    const Pipeline pipeline;
    std::vector<Document> one_by_one = articles();
    for (auto& d : one_by_one) pipeline.annotate(d);
    std::vector<Document> batch = articles();
    int failures = 0;
    pipeline.annotate(batch, [&](std::size_t, const std::string&) { ++failures; });
    EXPECT_EQ(failures, 0);
    ASSERT_EQ(batch.size(), one_by_one.size());
    for (std::size_t i = 0; i < batch.size(); ++i) EXPECT_EQ(cli::annotation_json(batch[i]), cli::annotation_json(one_by_one[i])) << i;
    EXPECT_FALSE(batch[2].entities.empty());
    EXPECT_FALSE(batch[2].timexes.empty());
    EXPECT_FALSE(batch[2].events.empty());
}

namespace {

// Writes a layer of one sentence per document, or throws on a text that says so.
class FailingStage final : public Annotator {
public:
    [[nodiscard]] std::string_view name() const override { return "failing"; }
    [[nodiscard]] std::string_view reads() const override { return ""; }
    [[nodiscard]] std::string_view writes() const override { return "sentences"; }
    void annotate(Document& doc) const override {
        if (doc.article.text == "fail") throw std::runtime_error("no good");
        doc.sentences.push_back(Sentence{Span{0, static_cast<std::uint32_t>(doc.article.text.size())}});
    }
};

// Counts the documents it sees.
class CountingStage final : public Annotator {
public:
    explicit CountingStage(int& seen) : m_seen(seen) {}
    [[nodiscard]] std::string_view name() const override { return "counting"; }
    [[nodiscard]] std::string_view reads() const override { return "sentences"; }
    [[nodiscard]] std::string_view writes() const override { return ""; }
    void annotate(Document&) const override { ++m_seen; }

private:
    int& m_seen;
};

} // namespace

// A document a stage fails on is reported with its index and the reason, and goes through no
// later stage; the documents around it are annotated.
TEST(test_pipeline, a_failing_document_is_reported_and_the_batch_goes_on) {
    int seen = 0;
    std::vector<std::unique_ptr<Annotator>> stages;
    stages.push_back(std::make_unique<FailingStage>());
    stages.push_back(std::make_unique<CountingStage>(seen));
    const Pipeline pipeline(std::move(stages));
    std::vector<Document> batch(3);
    batch[0].article.text = "one";
    batch[1].article.text = "fail";
    batch[2].article.text = "three";
    std::vector<std::pair<std::size_t, std::string>> failures;
    pipeline.annotate(batch, [&](std::size_t i, const std::string& reason) { failures.emplace_back(i, reason); });
    ASSERT_EQ(failures.size(), 1u);
    EXPECT_EQ(failures[0].first, 1u);
    EXPECT_EQ(failures[0].second, "no good");
    EXPECT_EQ(seen, 2);
    EXPECT_EQ(batch[0].sentences.size(), 1u);
    EXPECT_TRUE(batch[1].sentences.empty());
    EXPECT_EQ(batch[2].sentences.size(), 1u);
}
