#pragma once
// The annotation pipeline: sentences → timex → entities → events, each an Annotator that adds
// one layer. Built once, then used from any number of threads.
#include "annotators/annotator.hpp"

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace storyline {

class Pipeline {
public:
    Pipeline();
    // The given stages, in this order (tests: a stage that fails on purpose).
    explicit Pipeline(std::vector<std::unique_ptr<Annotator>> stages) : m_stages(std::move(stages)) {}
    void annotate(Document& doc) const;
    // Several documents, stage by stage: each stage's code and tables stay in the caches for
    // all of them. A document whose annotation throws is reported through `failed` (its index
    // and the reason) and left out of the later stages; the others go on.
    void annotate(std::span<Document> docs, const std::function<void(std::size_t, const std::string&)>& failed) const;
    [[nodiscard]] const std::vector<std::unique_ptr<Annotator>>& stages() const { return m_stages; }

private:
    std::vector<std::unique_ptr<Annotator>> m_stages;
}; // class Pipeline

} // namespace storyline
