#pragma once
// Helpers for the temporal tagger tests: tag one sentence and look a timex up by its text.
#include "annotators/timex/timex_annotator.hpp"
#include "core/model/annotation.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace storyline::timex_test {

struct Found {
    std::string text, type, value;
};

inline std::vector<Found> tag(const std::string& lang, const std::string& text, const std::string& dct) {
    static const auto annotator = make_timex_annotator();
    Document doc;
    doc.article.text = text;
    doc.article.lang = lang;
    doc.article.published.value = dct;
    annotator->annotate(doc);
    std::vector<Found> out;
    for (const auto& t : doc.timexes) {
        const char* type = t.type == TimexType::date ? "DATE" : t.type == TimexType::time ? "TIME"
                         : t.type == TimexType::duration ? "DURATION" : "SET";
        out.push_back({std::string(t.span.in(text)), type, t.value});
    }
    return out;
}

// The value of the timex whose text is exactly `span`, or "<none: ...>" listing what was found.
inline std::string value_of(const std::vector<Found>& found, const std::string& span) {
    std::string all;
    for (const auto& f : found) {
        if (f.text == span) return f.value;
        all += "[" + f.text + "=" + f.value + "] ";
    }
    return "<none: " + all + ">";
}

inline std::string type_of(const std::vector<Found>& found, const std::string& span) {
    for (const auto& f : found)
        if (f.text == span) return f.type;
    return "<none>";
}

} // namespace storyline::timex_test
