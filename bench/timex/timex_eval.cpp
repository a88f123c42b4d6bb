// Runs the temporal tagger alone over a gold JSONL ({id, lang, dct, text}) and writes the
// scorer's system format ({"id", "timex": [{start, end, text, type, value}]}), one line per
// document. Reports tagger-only throughput on stderr.
// Usage: timex_eval GOLD.jsonl OUT.jsonl [--repeat N] [--no-dct] [--resources DIR]
#include "annotators/timex/timex_grammar.hpp"
#include "annotators/timex/timex_tagger.hpp"
#include "core/lang/resources.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <string_view>
#include <iostream>
#include <map>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace storyline;
    // Options come after the two files: "timex_eval --no-dct GOLD OUT" once truncated the gold
    // file it took for OUT.
    if (argc < 3 || std::string_view(argv[1]).starts_with("--") || std::string_view(argv[2]).starts_with("--")) {
        std::cerr << "usage: timex_eval GOLD.jsonl OUT.jsonl [--repeat N] [--no-dct] [--resources DIR]\n";
        return 2;
    }
    int repeat = 1;
    bool no_dct = false;
    for (int i = 3; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--repeat" && i + 1 < argc) repeat = std::stoi(argv[++i]);
        else if (a == "--no-dct") no_dct = true;
        else if (a == "--resources" && i + 1 < argc) set_resource_root(argv[++i]);
    }
    struct Doc { std::string id, lang, dct, text; };
    std::vector<Doc> docs;
    std::ifstream in(argv[1]);
    std::string line;
    while (std::getline(in, line)) {
        rapidjson::Document d;
        d.Parse(line.c_str(), line.size());
        if (d.HasParseError() || !d.IsObject()) continue;
        Doc doc;
        doc.id = d["id"].GetString();
        doc.lang = d.HasMember("lang") ? d["lang"].GetString() : "en";
        doc.dct = (!no_dct && d.HasMember("dct") && d["dct"].IsString()) ? d["dct"].GetString() : "";
        doc.text = d["text"].GetString();
        docs.push_back(std::move(doc));
    }
    std::map<std::string, std::shared_ptr<const storyline::timex::Grammar>> grammars;
    for (const auto& d : docs)
        if (!grammars.contains(d.lang)) grammars[d.lang] = storyline::timex::load_grammar(d.lang);

    std::vector<std::vector<Timex>> results(docs.size());
    std::size_t bytes = 0;
    // Thread CPU time as well as wall time: shared machines make wall time noisy.
    auto cpu_now = [] {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
    };
    const double c0 = cpu_now();
    auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < repeat; ++r) {
        for (std::size_t i = 0; i < docs.size(); ++i) {
            const auto& g = grammars[docs[i].lang];
            if (!g) continue;
            results[i] = storyline::timex::tag(*g, docs[i].text, docs[i].dct);
            bytes += docs[i].text.size();
        }
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = cpu_now() - c0;
    std::fprintf(stderr, "timex_eval: %zu docs, %.2f MB in %.3f s wall (%.1f MB/s), %.3f s cpu (%.1f MB/s)\n",
                 docs.size(), static_cast<double>(bytes) / 1e6, secs, static_cast<double>(bytes) / 1e6 / secs, cpu,
                 static_cast<double>(bytes) / 1e6 / cpu);

    std::ofstream out(argv[2]);
    for (std::size_t i = 0; i < docs.size(); ++i) {
        rapidjson::StringBuffer sb;
        rapidjson::Writer<rapidjson::StringBuffer> w(sb);
        w.StartObject();
        w.Key("id");
        w.String(docs[i].id.c_str());
        w.Key("timex");
        w.StartArray();
        for (const auto& t : results[i]) {
            w.StartObject();
            w.Key("start");
            w.Uint(t.span.begin);
            w.Key("end");
            w.Uint(t.span.end);
            w.Key("text");
            auto s = t.span.in(docs[i].text);
            w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
            w.Key("type");
            w.String(t.type == TimexType::date ? "DATE" : t.type == TimexType::time ? "TIME"
                     : t.type == TimexType::duration ? "DURATION" : "SET");
            w.Key("value");
            w.String(t.value.c_str());
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
        out << sb.GetString() << '\n';
    }
    return 0;
}
