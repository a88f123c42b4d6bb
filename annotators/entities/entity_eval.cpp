// entity_eval: runs entity recognition on gold JSONL documents ({id, lang, text, ...}) and writes
// the scorer's system lines ({id, entities:[{start,end,text,type}]}) to stdout.
// This is the named-entity view of the annotator: proper names only, with the CoNLL convention
// that English national adjectives ("Russian") are MISC; French lower-case adjectives ("russes")
// and nominal mentions ("le président kazakh") are coreference mentions, not names.
// usage: entity_eval GOLD.jsonl > SYSTEM.jsonl   (throughput in CPU time on stderr)
//        entity_eval --keys FILE.jsonl              (the annotator's mentions: span, type, key, canonical)
#include "annotators/entities/entity_annotator.hpp"
#include "annotators/entities/gazetteer.hpp"
#include "annotators/entities/recognizer.hpp"
#include "annotators/entities/tokenizer.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <ctime>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

using namespace storyline;
using namespace storyline::entities;

namespace {

// CPU time of this thread: wall time says more about the other jobs on a shared machine.
double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

const char* ner_type(EntityType t) {
    switch (t) {
    case EntityType::person: return "PER";
    case EntityType::organization: return "ORG";
    case EntityType::location: return "LOC";
    case EntityType::misc: return "MISC";
    }
    return "MISC";
}

} // namespace

int print_keys(const char* path) {
    std::ifstream in(path);
    std::string line, all;
    while (std::getline(in, line)) all += line + "\n";
    // one JSON object per line, or one pretty-printed object
    std::vector<std::string> records;
    if (!all.empty() && all[0] == '{' && all.find("\n{") == std::string::npos) records.push_back(all);
    else {
        std::istringstream lines(all);
        while (std::getline(lines, line)) if (!line.empty()) records.push_back(line);
    }
    auto annotator = make_entity_annotator();
    for (const auto& rec : records) {
        rapidjson::Document json;
        json.Parse(rec.c_str());
        if (json.HasParseError() || !json.IsObject()) continue;
        Document doc;
        doc.article.text = json["text"].GetString();
        doc.article.lang = json.HasMember("lang") ? json["lang"].GetString() : "en";
        annotator->annotate(doc);
        for (const auto& m : doc.entities) {
            std::cout << m.span.begin << "\t" << to_string(m.type) << "\t" << m.span.in(doc.article.text)
                      << "\t" << m.key << "\t" << m.canonical << "\n";
        }
    }
    return 0;
}

int main(int argc, char** argv) {
    if (argc >= 3 && std::string(argv[1]) == "--keys") return print_keys(argv[2]);
    if (argc < 2) {
        std::cerr << "usage: entity_eval GOLD.jsonl > SYSTEM.jsonl\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::cerr << argv[1] << ": cannot read\n";
        return 1;
    }
    const Gazetteer& gaz = gazetteer();
    std::string line;
    std::size_t bytes = 0;
    double seconds = 0;
    while (std::getline(in, line)) {
        rapidjson::Document doc;
        doc.Parse(line.c_str());
        if (doc.HasParseError() || !doc.IsObject()) continue;
        const std::string text = doc["text"].GetString();
        const std::string lang = doc.HasMember("lang") ? doc["lang"].GetString() : "en";
        const double t0 = cpu_seconds();
        const auto tokens = tokenize(text, gaz.lexicon(lang).split_dashed_words);
        const auto cands = recognize(text, tokens, lang, gaz);
        seconds += cpu_seconds() - t0;
        bytes += text.size();

        rapidjson::StringBuffer sb;
        rapidjson::Writer<rapidjson::StringBuffer> w(sb);
        w.StartObject();
        w.Key("id");
        w.String(doc["id"].GetString());
        w.Key("entities");
        w.StartArray();
        std::uint32_t last_end = 0;
        for (const auto& c : cands) {
            const char* type = ner_type(c.type);
            if (c.form == Form::demonym) {
                if (lang != "en" || !tokens[c.first].upper_initial()) continue;
                type = "MISC";
            }
            if (c.form == Form::nominal || c.begin < last_end) continue;
            last_end = c.end;
            w.StartObject();
            w.Key("start");
            w.Uint(c.begin);
            w.Key("end");
            w.Uint(c.end);
            w.Key("text");
            w.String(text.data() + c.begin, c.end - c.begin);
            w.Key("type");
            w.String(type);
            if (std::getenv("ENTITY_EVAL_DEBUG")) {
                w.Key("weak");
                w.Bool(c.weak);
                w.Key("conf");
                w.Double(c.confidence);
            }
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        std::cout << sb.GetString() << '\n';
    }
    std::cerr << "entity_eval: " << bytes << " bytes in " << seconds << " s ("
              << (seconds > 0 ? static_cast<double>(bytes) / seconds / 1e6 : 0) << " MB/s)\n";
    return 0;
}
