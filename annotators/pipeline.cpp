#include "annotators/pipeline.hpp"

#include "annotators/entities/entity_annotator.hpp"
#include "annotators/events/event_annotator.hpp"
#include "annotators/sentences/sentence_annotator.hpp"
#include "annotators/timex/timex_annotator.hpp"

namespace storyline {

Pipeline::Pipeline() {
    // Order matters: each stage reads the layers written before it (see Annotator::reads()).
    m_stages.push_back(make_sentence_annotator());
    m_stages.push_back(make_timex_annotator());
    m_stages.push_back(make_entity_annotator());
    m_stages.push_back(make_event_annotator());
}

void Pipeline::annotate(Document& doc) const {
    for (const auto& stage : m_stages) stage->annotate(doc);
}

void Pipeline::annotate(std::span<Document> docs, const std::function<void(std::size_t, const std::string&)>& failed) const {
    std::vector<bool> ok(docs.size(), true);
    for (const auto& stage : m_stages) {
        for (std::size_t i = 0; i < docs.size(); ++i) {
            if (!ok[i]) continue;
            try {
                stage->annotate(docs[i]);
            } catch (const std::exception& e) {
                ok[i] = false;
                failed(i, e.what());
            }
        }
    }
}

} // namespace storyline
