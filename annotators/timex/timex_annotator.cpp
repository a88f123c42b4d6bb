#include "annotators/timex/timex_annotator.hpp"

#include "annotators/timex/timex_grammar.hpp"
#include "annotators/timex/timex_tagger.hpp"
#include "core/lang/resources.hpp"
#include "core/util/last_lookup.hpp"

#include <map>
#include <mutex>
#include <string>

namespace storyline {
namespace {

class TimexAnnotator final : public Annotator {
public:
    [[nodiscard]] std::string_view name() const override { return "timex"; }
    [[nodiscard]] std::string_view reads() const override { return "sentences"; }
    [[nodiscard]] std::string_view writes() const override { return "timex"; }

    void annotate(Document& doc) const override {
        const std::string dct = doc.article.published.day();
        const timex::Grammar* own =
            m_last.get(doc.article.lang, [this](std::string_view lang) { return grammar(lang).get(); });
        if (own) {
            doc.timexes = timex::tag(*own, doc.article.text, dct);
            return;
        }
        // Unknown language: the grammar that recognizes most wins.
        const auto grammars = all_grammars();
        std::vector<const timex::Grammar*> tried;
        tried.reserve(grammars.size());
        for (const auto& g : grammars) tried.push_back(g.get());
        doc.timexes = timex::tag_with_best(tried, doc.article.text, dct);
    }

private:
    // Grammars are loaded once per language, on first use; annotate() runs on many threads.
    mutable std::mutex m_mutex;
    mutable std::map<std::string, std::shared_ptr<const timex::Grammar>, std::less<>> m_grammars;
    mutable bool m_all_loaded = false;
    LastLookup<timex::Grammar> m_last;   // this thread's last language, without the mutex

    std::shared_ptr<const timex::Grammar> grammar(std::string_view lang) const {
        if (lang.empty()) return nullptr;
        std::lock_guard lock(m_mutex);
        auto it = m_grammars.find(lang);
        if (it == m_grammars.end()) it = m_grammars.emplace(std::string(lang), timex::load_grammar(lang)).first;
        return it->second;
    }

    std::vector<std::shared_ptr<const timex::Grammar>> all_grammars() const {
        std::lock_guard lock(m_mutex);
        if (!m_all_loaded) {
            for (const auto& lang : available_languages())
                if (!m_grammars.contains(lang)) m_grammars.emplace(lang, timex::load_grammar(lang));
            m_all_loaded = true;
        }
        std::vector<std::shared_ptr<const timex::Grammar>> out;
        for (const auto& [lang, g] : m_grammars)
            if (g) out.push_back(g);
        return out;
    }
};

} // namespace

std::unique_ptr<Annotator> make_timex_annotator() { return std::make_unique<TimexAnnotator>(); }

} // namespace storyline
