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

} // namespace storyline
