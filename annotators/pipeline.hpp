#pragma once
// The annotation pipeline: sentences → timex → entities → events, each an Annotator that adds
// one layer. Built once, then used from any number of threads.
#include "annotators/annotator.hpp"

#include <memory>
#include <vector>

namespace storyline {

class Pipeline {
public:
    Pipeline();
    void annotate(Document& doc) const;
    [[nodiscard]] const std::vector<std::unique_ptr<Annotator>>& stages() const { return m_stages; }

private:
    std::vector<std::unique_ptr<Annotator>> m_stages;
}; // class Pipeline

} // namespace storyline
