#include "cli/annotate_record.hpp"
#include "core/lang/language_id.hpp"
#include "core/text/utf8.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <gtest/gtest.h>

using namespace storyline;

namespace {

// What rapidjson reads from a line: the reference the fast line scanner must agree with.
struct Reference {
    bool ok = false;
    std::string id, text, lang;
};

Reference rapidjson_fields(const std::string& line) {
    rapidjson::Document d;
    d.Parse(line.data(), line.size());
    Reference r;
    if (d.HasParseError() || !d.IsObject()) return r;
    r.ok = true;
    auto field = [&](const char* name) {
        const auto it = d.FindMember(name);
        if (it == d.MemberEnd() || !it->value.IsString()) return std::string();
        return std::string(it->value.GetString(), it->value.GetStringLength());
    };
    r.id = field("id");
    r.text = repair_utf8(field("text"));
    r.lang = field("lang");
    return r;
}

} // namespace

TEST(test_annotate_record, line_fields_match_rapidjson) {
    using namespace std::string_literals;
    const std::vector<std::string> lines = {
        R"({"id": "a1", "lang": "fr", "dct": "2022-01-14", "text": "Le 13 janvier, Tokaïev a parlé."})",
        R"(  {"text":"x\ty\n\"q\" \\ \/ \b\f\r","id":"e"}  )",
        R"({"id":"u","lang":"en","text":"caf\u00e9 \u00C9t\u00e9 \ud83d\ude00 \u20AC \u0041"})",
        R"({"id":"z","lang":"en","text":"nul\u0000byte"})",
        R"({"id":"first","id":"second","lang":"en","text":"dup"})",
        R"({"id":"n","lang":"en","text":"t","extra":"skip \u00e9 me","n":12})",
        R"({"id":"o","lang":"en","text":"t","meta":{"a":["b"]}})",
        R"({"id":7,"lang":"en","text":"number id"})",
        R"({"i\u0064":"escaped key","lang":"en","text":"t"})",
        R"({"id":"lone","lang":"en","text":"\udc00 low"})",
        R"({"id":"lone2","lang":"en","text":"\ud800 high"})",
        R"({"id":"bad","lang":"en","text":"\x"})",
        "{\"id\":\"ctl\",\"lang\":\"en\",\"text\":\"a\tb\"}",
        "{\"id\":\"bytes\",\"lang\":\"en\",\"text\":\"caf\xE9\"}",
        R"({})",
        R"({"id":"open","text":"no end")",
        R"({"id":"trail","text":"t"} x)",
        R"({"id":"comma","text":"t",})",
        R"(["not", "an object"])",
        R"({"id":"nolang","text":"The government said on Monday that the talks would go on."})",
        "",
    };
    for (const auto& line : lines) {
        SCOPED_TRACE(line);
        const Reference ref = rapidjson_fields(line);
        std::string error;
        const auto doc = cli::parse_annotate_line(line, error);
        ASSERT_EQ(doc.has_value(), ref.ok);
        if (!doc) {
            EXPECT_FALSE(error.empty());
            continue;
        }
        EXPECT_EQ(doc->article.id, ref.id);
        EXPECT_EQ(doc->article.text, ref.text);
        EXPECT_EQ(doc->article.lang, ref.lang.empty() ? identify_language(ref.text) : ref.lang);
    }
}

TEST(test_annotate_record, dct_is_normalised) {
    std::string error;
    const auto doc = cli::parse_annotate_line(R"({"id":"d","lang":"en","dct":"14/01/2022","text":"t"})", error);
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->article.published.day(), "2022-01-14");
}

TEST(test_annotate_record, output_escapes_like_rapidjson) {
    Document doc;
    for (int c = 0; c < 256; ++c) doc.article.id.push_back(static_cast<char>(c));
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    w.StartObject();
    w.Key("id");
    w.String(doc.article.id.data(), static_cast<rapidjson::SizeType>(doc.article.id.size()));
    for (const char* layer : {"timex", "entities", "events"}) {
        w.Key(layer);
        w.StartArray();
        w.EndArray();
    }
    w.EndObject();
    EXPECT_EQ(cli::annotation_json(doc), std::string(buf.GetString(), buf.GetSize()));
}

TEST(test_annotate_record, output_layers_in_order) {
    Document doc;
    doc.article.id = "r1";
    doc.article.text = "Putin said \"no\" in Moscow on 13 January.";
    doc.timexes.push_back({Span{29, 39}, TimexType::date, "2022-01-13", "", "", false});
    doc.timexes.push_back({Span{29, 31}, TimexType::date, "XXXX-XX-13", "START", "", false});
    doc.entities.push_back({Span{0, 5}, EntityType::person, "putin", "Vladimir Putin", "", 0.9});
    doc.entities.push_back({Span{19, 25}, EntityType::location, "moscow", "Moscow", "city:524901", 0.9});
    EventMention ev;
    ev.trigger = Span{6, 10};
    ev.type = "statement";
    ev.lemma = "say";
    ev.agents = {0};
    ev.places = {1, 1};
    ev.time_value = "2022-01-13";
    ev.time_source = TimeSource::timex;
    ev.modality = Modality::reported;
    doc.events.push_back(ev);
    EXPECT_EQ(cli::annotation_json(doc),
              R"({"id":"r1","timex":[{"start":29,"end":39,"text":"13 January","type":"DATE","value":"2022-01-13"},)"
              R"({"start":29,"end":31,"text":"13","type":"DATE","value":"XXXX-XX-13","mod":"START"}],)"
              R"("entities":[{"start":0,"end":5,"text":"Putin","type":"PER","key":"putin"},)"
              R"({"start":19,"end":25,"text":"Moscow","type":"LOC","key":"moscow","kb_id":"city:524901"}],)"
              R"("events":[{"start":6,"end":10,"text":"said","type":"statement","lemma":"say","date":"2022-01-13",)"
              R"("time_source":"timex","modality":"reported","agents":["Putin"],"targets":[],"places":["Moscow","Moscow"]}]})");
}
