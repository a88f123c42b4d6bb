#pragma once
// What a web page says about itself: title, publication date (with where it was found),
// language, canonical URL, author, site name.
#include "core/model/article.hpp"

#include <gumbo.h>

#include <string>

namespace storyline::html {

struct PageMetadata {
    std::string title, lang, url, author, site_name;
    PublicationDate published;
};

// Publication date in order of trust: JSON-LD datePublished, <meta> published-time keys,
// <time datetime>, byline words ("Publié le", "Published") or date-line elements, then a date
// in the canonical URL's path. A modified date is never used. Dates inside comments, related
// links and sidebars (nodate hints in data/importers/html_hints.txt) are ignored.
// `main_container` (from extract_main_text, may be null) and its ancestors are never taken for
// sidebars, whatever their classes say.
PageMetadata read_page_metadata(const GumboNode* root, const GumboNode* main_container = nullptr);

// "Title - Site" → "Title": drops the site name (when known) or the shorter side of a separator.
std::string strip_site_suffix(std::string title, const std::string& site_name);

} // namespace storyline::html
