// Placeholder until the temporal tagger lands: finds nothing.
#include "annotators/timex/timex_annotator.hpp"

namespace storyline {
namespace {
class TimexAnnotator final : public Annotator {
public:
    std::string_view name() const override { return "timex"; }
    std::string_view reads() const override { return "sentences"; }
    std::string_view writes() const override { return "timex"; }
    void annotate(Document&) const override {}
};
} // namespace
std::unique_ptr<Annotator> make_timex_annotator() { return std::make_unique<TimexAnnotator>(); }
} // namespace storyline
