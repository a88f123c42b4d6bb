#include "importers/feed_importer.hpp"

#include "core/text/utf8.hpp"
#include "importers/html_importer.hpp"
#include "importers/input_checks.hpp"
#include "importers/publication_date.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace storyline {
namespace {

std::string_view local_name(const pugi::xml_node& n) {
    const std::string_view name = n.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// First child whose qualified name is one of `names` ("content:encoded") or, for names without
// a prefix, whose local name is (Atom under a prefix).
pugi::xml_node child_named(const pugi::xml_node& n, std::initializer_list<const char*> names) {
    for (const char* want : names) {
        for (const pugi::xml_node& c : n.children()) {
            if (std::strcmp(c.name(), want) == 0) return c;
        }
        if (std::strchr(want, ':') == nullptr) {
            for (const pugi::xml_node& c : n.children()) {
                if (local_name(c) == want) return c;
            }
        }
    }
    return {};
}

std::string text_in(const pugi::xml_node& n) {
    std::string out;
    for (const pugi::xml_node& c : n.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    }
    return out;
}

// Item bodies are HTML more often than not; plain text passes through the HTML reader unharmed.
std::string body_text(const pugi::xml_node& n) {
    std::string raw = text_in(n);
    if (raw.empty() && n.first_child().type() == pugi::node_element) {   // Atom type="xhtml"
        struct Sink : pugi::xml_writer {
            std::string s;
            void write(const void* data, size_t size) override { s.append(static_cast<const char*>(data), size); }
        } sink;
        for (const pugi::xml_node& c : n.children()) c.print(sink, "", pugi::format_raw);
        raw = std::move(sink.s);
    }
    if (raw.find('<') == std::string::npos && raw.find('&') == std::string::npos) return squeeze_spaces(raw);
    return html_to_text(raw);
}

std::string two_letter(std::string_view code) {
    std::string c(code.substr(0, 2));
    std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    const bool ok = c.size() == 2 && std::isalpha(static_cast<unsigned char>(c[0])) && std::isalpha(static_cast<unsigned char>(c[1])) &&
                    (code.size() == 2 || code[2] == '-' || code[2] == '_');
    return ok ? c : std::string();
}

std::string atom_link(const pugi::xml_node& entry) {
    std::string fallback;
    for (const pugi::xml_node& c : entry.children()) {
        if (local_name(c) != "link") continue;
        const std::string rel = c.attribute("rel").value();
        const std::string href = c.attribute("href").value();
        if (href.empty()) {
            if (fallback.empty()) fallback = text_in(c);   // RSS <link>text</link>
            continue;
        }
        if (rel.empty() || rel == "alternate") return href;
        if (fallback.empty()) fallback = href;
    }
    return squeeze_spaces(fallback);
}

void collect_items(const pugi::xml_node& n, std::vector<pugi::xml_node>& out, int depth) {
    if (depth > 8) return;
    for (const pugi::xml_node& c : n.children()) {
        if (c.type() != pugi::node_element) continue;
        const std::string_view ln = local_name(c);
        if (ln == "item" || ln == "entry") out.push_back(c);
        else collect_items(c, out, depth + 1);
    }
}

} // namespace

int FeedImporter::sniff(std::string_view bytes, const SourceInfo& src) const {
    const bool ext = src.extension == "rss" || src.extension == "atom";
    if (bytes.substr(0, 1024).find('<') == std::string_view::npos) return ext ? 10 : 0;   // no tag: not XML
    if (head_has_tag(bytes, 1024, {"<rss", "<rdf:rdf"}) ||
        (head_has_tag(bytes, 1024, {"<feed"}) && !head_has_tag(bytes, 1024, {"<html"})))
        return 95;
    return ext ? 10 : 0;
}

ImportResult FeedImporter::parse(std::string_view bytes, const SourceInfo& src) const {
    require_utf8_text(bytes);
    pugi::xml_document doc;
    // The bytes are UTF-8 already (import_bytes decoded them), whatever the XML declaration says.
    const pugi::xml_parse_result ok = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!ok) throw ImportError(std::string("invalid XML feed at byte ") + std::to_string(ok.offset) + ": " + ok.description());
    const pugi::xml_node root = doc.document_element();
    const std::string_view root_name = local_name(root);
    if (root_name != "rss" && root_name != "feed" && root_name != "RDF") throw ImportError("XML but not an RSS or Atom feed");
    const pugi::xml_node channel = root_name == "rss" ? child_named(root, {"channel"}) : root;
    const std::string feed_title = squeeze_spaces(text_in(child_named(channel ? channel : root, {"title"})));
    std::string feed_lang = two_letter(squeeze_spaces(text_in(child_named(channel ? channel : root, {"language", "dc:language"}))));
    if (feed_lang.empty()) feed_lang = two_letter(root.attribute("xml:lang").value());

    std::vector<pugi::xml_node> items;
    collect_items(root, items, 0);
    ImportResult r;
    std::size_t n = 0;
    for (const pugi::xml_node& item : items) {
        ++n;
        Article a;
        a.title = squeeze_spaces(body_text(child_named(item, {"title"})));
        pugi::xml_node body = child_named(item, {"content:encoded", "content"});
        if (body) a.text = body_text(body);
        if (a.text.empty()) a.text = body_text(child_named(item, {"description", "summary"}));
        if (a.text.empty() && a.title.empty()) {
            r.issues.push_back({"item " + std::to_string(n), "no title or text"});
            continue;
        }
        a.url = atom_link(item);
        for (const char* key : {"pubDate", "dc:date", "published", "issued", "updated", "modified"}) {
            const std::string raw = squeeze_spaces(text_in(child_named(item, {key})));
            if (raw.empty()) continue;
            if (auto d = normalise_publication_date(raw)) {
                a.published = {*d, "feed"};
                break;
            }
        }
        if (pugi::xml_node author = child_named(item, {"dc:creator", "author"})) {
            const pugi::xml_node name = child_named(author, {"name"});
            a.author = squeeze_spaces(name ? text_in(name) : text_in(author));
        }
        a.source_name = feed_title;
        a.lang = two_letter(item.attribute("xml:lang").value());
        if (a.lang.empty()) a.lang = feed_lang;
        // Keyed by the item's own id so that a feed growing at the top does not shift every key.
        std::string guid = squeeze_spaces(text_in(child_named(item, {"guid", "id"})));
        if (guid.empty()) guid = a.url;
        a.source_key = src.path + "#" + (guid.empty() ? std::to_string(n) : guid);
        r.articles.push_back(std::move(a));
    }
    if (r.articles.empty() && r.issues.empty()) throw ImportError("feed without items");
    return r;
}

} // namespace storyline
