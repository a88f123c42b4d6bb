#pragma once
// An annotator adds one layer to a Document. Annotators are built once and then used from
// several threads at once: annotate() must not modify the annotator.
#include "core/model/annotation.hpp"

#include <string_view>

namespace storyline {

class Annotator {
public:
    virtual ~Annotator() = default;
    [[nodiscard]] virtual std::string_view name() const = 0;
    // The layers it reads and writes, e.g. reads "sentences", writes "timex" (documentation and
    // the registration test; the pipeline order is fixed in pipeline.cpp).
    [[nodiscard]] virtual std::string_view reads() const = 0;
    [[nodiscard]] virtual std::string_view writes() const = 0;
    virtual void annotate(Document& doc) const = 0;
}; // class Annotator

} // namespace storyline
