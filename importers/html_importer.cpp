#include "importers/html_importer.hpp"

#include "core/lang/language_id.hpp"
#include "core/lang/resources.hpp"
#include "core/text/utf8.hpp"
#include "importers/html_dom.hpp"
#include "importers/html_maintext.hpp"
#include "importers/html_metadata.hpp"
#include "importers/input_checks.hpp"

#include <algorithm>
#include <cctype>

namespace storyline {
namespace {

// Declared and detected languages: text evidence wins between two languages we model; a
// declared language we have no profile for is kept.
std::string choose_language(const std::string& declared, const std::string& text) {
    const std::string detected = identify_language(text);
    if (declared.empty()) return detected;
    if (detected.empty() || detected == declared) return declared;
    const auto known = available_languages();
    const bool declared_known = std::find(known.begin(), known.end(), declared) != known.end();
    return declared_known ? detected : declared;
}

} // namespace

int HtmlImporter::sniff(std::string_view bytes, const SourceInfo& src) const {
    const bool ext = src.extension == "html" || src.extension == "htm" || src.extension == "xhtml" || src.extension == "shtml";
    // No tag at all in the head (plain text): nothing to lower-case and search.
    if (bytes.substr(0, 2048).find('<') == std::string_view::npos) return ext ? 10 : 0;
    if (head_has_tag(bytes, 2048, {"<!doctype html", "<html", "<head", "<body"})) return ext ? 90 : 70;
    return ext ? 10 : 0;
}

ImportResult HtmlImporter::parse(std::string_view bytes, const SourceInfo&) const {
    require_utf8_text(bytes);
    const html::Dom dom(bytes);
    Article a;
    const GumboNode* container = nullptr;
    a.text = html::extract_main_text(dom.root(), &container);
    html::PageMetadata meta = html::read_page_metadata(dom.root(), container);
    if (a.text.empty() && meta.title.empty()) throw ImportError("no text in the HTML page");
    a.title = std::move(meta.title);
    a.published = std::move(meta.published);
    a.url = std::move(meta.url);
    a.author = std::move(meta.author);
    a.source_name = std::move(meta.site_name);
    a.lang = choose_language(meta.lang, a.title + "\n" + a.text);
    ImportResult r;
    r.articles.push_back(std::move(a));
    return r;
}

std::string html_to_text(std::string_view utf8_html) {
    const html::Dom dom(utf8_html);
    return html::extract_main_text(dom.root());
}

} // namespace storyline
