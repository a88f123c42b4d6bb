#pragma once
// Runs the entity annotator on a sentence written for the test and finds mentions by surface.
#include "annotators/entities/entity_annotator.hpp"
#include "annotators/entities/gazetteer.hpp"
#include "annotators/entities/recognizer.hpp"
#include "annotators/entities/tokenizer.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace storyline::entities_test {

inline Document annotate(const std::string& text, const std::string& lang) {
    test_support::use_source_resources();
    static const auto annotator = make_entity_annotator();
    Document doc;
    doc.article.text = text;
    doc.article.lang = lang;
    annotator->annotate(doc);
    return doc;
}

// The mention whose text is exactly `surface` (the n-th one), or nullptr.
inline const EntityMention* find(const Document& doc, std::string_view surface, int nth = 0) {
    for (const auto& m : doc.entities) {
        if (m.span.in(doc.article.text) == surface && nth-- == 0) return &m;
    }
    return nullptr;
}

// "PER Vladimir Putin | LOC Russia" for failure messages.
inline std::string dump(const Document& doc) {
    std::string out;
    for (const auto& m : doc.entities) {
        if (!out.empty()) out += " | ";
        out += std::string(to_string(m.type)) + " " + std::string(m.span.in(doc.article.text)) + " [" + m.key + "]";
    }
    return out;
}

// Recognizer spans (HIPE conventions): what the recognizer proposes before the graph's
// non-overlapping pass, of one type when given.
inline std::vector<std::string> spans(const std::string& text, const char* type = nullptr,
                                      const std::string& lang = "fr") {
    test_support::use_source_resources();
    const auto& gaz = entities::gazetteer();
    const auto toks = entities::tokenize(text, gaz.lexicon(lang).split_dashed_words);
    std::vector<std::string> out;
    for (const auto& c : entities::recognize(text, toks, lang, gaz)) {
        if (type && std::string(to_string(c.type)) != type) continue;
        out.push_back(text.substr(c.begin, c.end - c.begin));
    }
    return out;
}

inline bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// "PER Paul Martin | LOC Genève" for failure messages.
inline std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : " | ") + s;
    return out;
}

} // namespace storyline::entities_test

// Expects a mention with this surface and type (and key, when given).
#define EXPECT_ENTITY(doc, surface, type_)                                                   \
    do {                                                                                     \
        const auto* m_ = ::storyline::entities_test::find(doc, surface);                    \
        ASSERT_NE(m_, nullptr) << surface << " not found in: " << ::storyline::entities_test::dump(doc); \
        EXPECT_EQ(m_->type, type_) << surface << " in: " << ::storyline::entities_test::dump(doc); \
    } while (false)
