#include "exporters/html_exporter.hpp"
#include "exporters/viewer_assets.hpp"
#include "sample_story.hpp"

#include <gtest/gtest.h>

#include <sstream>

using namespace storyline;

namespace {
std::string html_of(const StoryGraph& g, const std::string& title = "Storyline") {
    std::ostringstream out;
    ExportOptions options;
    options.title = title;
    HtmlExporter().write(g, out, options);
    return out.str();
}
std::size_t count(const std::string& s, const std::string& part) {
    std::size_t n = 0;
    for (auto at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
    return n;
}
} // namespace

TEST(test_html, library_is_inlined_and_nothing_is_fetched) {
    ASSERT_GT(viewer_js().size(), 100000u);
    ASSERT_GT(viewer_css().size(), 10000u);
    const std::string page = html_of(test::sample_story());
    EXPECT_NE(page.find("TL.Timeline"), std::string::npos);
    EXPECT_EQ(count(page, "<script src"), 0u);
    EXPECT_EQ(count(page, "<link "), 0u);
    EXPECT_EQ(count(page, "</script>"), 3u);   // data, library, page script: nothing closes early
    EXPECT_NE(page.find("\"unique_id\":\"evt-week\""), std::string::npos);
    EXPECT_NE(page.find("\"panels\":{\"evt-day\""), std::string::npos);
}

TEST(test_html, data_cannot_break_out_of_its_script_element) {
    StoryGraph g;
    test::add_event(g, "evt-x", "2022-01-01", "t");
    g.node(*g.find("evt-x")).label = "</script><script>alert(1)</script><!--";
    const std::string page = html_of(g, "A & <B>");
    EXPECT_EQ(count(page, "</script>"), 3u);
    EXPECT_EQ(count(page, "<!--"), 1u);   // the licence note only
    EXPECT_NE(page.find("<title>A &amp; &lt;B&gt;</title>"), std::string::npos);
}

TEST(test_html, raw_text_bodies_escape_closing_tags) {
    std::ostringstream out;
    write_raw_text_element_body(out, "a</script>b</style>");
    EXPECT_EQ(out.str(), "a<\\/script>b<\\/style>");
}
