// Placeholder until the entity recogniser lands: finds nothing.
#include "annotators/entities/entity_annotator.hpp"

namespace storyline {
namespace {
class EntityAnnotator final : public Annotator {
public:
    std::string_view name() const override { return "entities"; }
    std::string_view reads() const override { return "sentences"; }
    std::string_view writes() const override { return "entities"; }
    void annotate(Document&) const override {}
};
} // namespace
std::unique_ptr<Annotator> make_entity_annotator() { return std::make_unique<EntityAnnotator>(); }
std::optional<PlaceInfo> lookup_place(const std::string&) { return std::nullopt; }
} // namespace storyline
