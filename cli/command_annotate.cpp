#include "annotators/pipeline.hpp"
#include "cli/commands_list.hpp"
#include "core/lang/language_id.hpp"
#include "core/text/utf8.hpp"
#include "importers/publication_date.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <iostream>

namespace storyline::cli {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void write_span(JsonWriter& w, std::string_view text, Span s) {
    w.Key("start");
    w.Uint(s.begin);
    w.Key("end");
    w.Uint(s.end);
    w.Key("text");
    const auto t = s.in(text);
    w.String(t.data(), static_cast<rapidjson::SizeType>(t.size()));
}

void write_document(JsonWriter& w, const std::string& id, const Document& doc) {
    const std::string_view text = doc.article.text;
    w.StartObject();
    w.Key("id");
    w.String(id);
    w.Key("timex");
    w.StartArray();
    for (const auto& t : doc.timexes) {
        w.StartObject();
        write_span(w, text, t.span);
        w.Key("type");
        w.String(to_string(t.type));
        w.Key("value");
        w.String(t.value);
        if (!t.mod.empty()) {
            w.Key("mod");
            w.String(t.mod);
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("entities");
    w.StartArray();
    for (const auto& e : doc.entities) {
        w.StartObject();
        write_span(w, text, e.span);
        w.Key("type");
        w.String(to_string(e.type));
        w.Key("key");
        w.String(e.key);
        if (!e.kb_id.empty()) {
            w.Key("kb_id");
            w.String(e.kb_id);
        }
        w.EndObject();
    }
    w.EndArray();
    w.Key("events");
    w.StartArray();
    for (const auto& ev : doc.events) {
        w.StartObject();
        write_span(w, text, ev.trigger);
        w.Key("type");
        w.String(ev.type);
        w.Key("lemma");
        w.String(ev.lemma);
        w.Key("date");
        w.String(ev.time_value);
        w.Key("time_source");
        w.String(to_string(ev.time_source));
        w.Key("modality");
        w.String(to_string(ev.modality));
        for (const auto& [key, list] : {std::pair{"agents", &ev.agents}, std::pair{"targets", &ev.targets},
                                        std::pair{"places", &ev.places}}) {
            w.Key(key);
            w.StartArray();
            for (int i : *list) {
                const auto& m = doc.entities[static_cast<std::size_t>(i)];
                const auto t = m.span.in(text);
                w.String(t.data(), static_cast<rapidjson::SizeType>(t.size()));
            }
            w.EndArray();
        }
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

std::string string_field(const rapidjson::Value& obj, const char* name) {
    auto it = obj.FindMember(name);
    if (it == obj.MemberEnd() || !it->value.IsString()) return {};
    return std::string(it->value.GetString(), it->value.GetStringLength());
}

class AnnotateCommand final : public Command {
public:
    std::string_view name() const override { return "annotate"; }
    std::string_view description() const override {
        return "Annotate JSONL documents {id, lang, dct, text}: one JSONL line of timex, entities, events each";
    }
    void setup(CLI::App& app) override {
        app.add_option("input", m_input, "JSONL file (default: standard input)");
        app.add_option("-o,--output", m_output, "Output file, - for standard output")->capture_default_str();
        app.footer("Offsets are UTF-8 byte offsets into \"text\". Fields other than id, lang, dct and text are ignored.\n"
                   "The output is what ../shared/tools/timex_score.py and entity_score.py read.");
    }
    int run() override {
        std::ifstream file;
        std::istream* in = &std::cin;
        if (!m_input.empty() && m_input != "-") {
            file.open(m_input, std::ios::binary);
            if (!file) throw std::runtime_error(m_input + ": cannot open");
            in = &file;
        }
        std::ofstream out_file;
        std::ostream* out = &std::cout;
        if (m_output != "-") {
            out_file.open(m_output, std::ios::binary | std::ios::trunc);
            if (!out_file) throw std::runtime_error(m_output + ": cannot write");
            out = &out_file;
        }
        const Pipeline pipeline;
        std::string line;
        std::size_t line_no = 0;
        int failures = 0;
        const std::string where = m_input.empty() ? std::string("stdin") : m_input;
        while (std::getline(*in, line)) {
            ++line_no;
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            rapidjson::Document json;
            json.Parse(line.data(), line.size());
            if (json.HasParseError() || !json.IsObject()) {
                std::cerr << "storyline annotate: " << where << " line " << line_no << ": "
                          << (json.HasParseError() ? rapidjson::GetParseError_En(json.GetParseError()) : "not an object")
                          << " (skipped)\n";
                ++failures;
                continue;
            }
            Document doc;
            const std::string id = string_field(json, "id");
            doc.article.id = id;
            doc.article.text = repair_utf8(string_field(json, "text"));
            doc.article.lang = string_field(json, "lang");
            if (doc.article.lang.empty()) doc.article.lang = identify_language(doc.article.text);
            if (auto d = normalise_publication_date(string_field(json, "dct"))) doc.article.published = {*d, "record"};
            pipeline.annotate(doc);
            rapidjson::StringBuffer buf;
            JsonWriter w(buf);
            write_document(w, id, doc);
            *out << buf.GetString() << '\n';
        }
        out->flush();
        return failures ? ExitCode::partial_failure : ExitCode::ok;
    }

private:
    std::string m_input, m_output = "-";
};

} // namespace

std::unique_ptr<Command> make_annotate_command() { return std::make_unique<AnnotateCommand>(); }

} // namespace storyline::cli
