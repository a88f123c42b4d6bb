#include "annotators/pipeline.hpp"
#include "cli/annotate_record.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

#include <string>
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
