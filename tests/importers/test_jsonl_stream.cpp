#include "importers/import_bytes.hpp"
#include "importers/jsonl_importer.hpp"
#include "importers/jsonl_stream.hpp"
#include "tests/importers/gzip_bytes.hpp"
#include "tests/test_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace storyline;
using test_support::gzip_bytes;

namespace {

struct Streamed {
    std::vector<Article> articles;
    std::vector<ImportIssue> issues;
    std::string error;   // what ended the file early, if anything
};

Streamed stream_all(const std::string& bytes, const std::string& path, std::size_t piece = 1 << 16) {
    MemorySource source(bytes, piece);
    SourceInfo src;
    src.path = path;
    JsonlStream stream(source, src);
    Streamed out;
    Article a;
    try {
        while (stream.next(a, out.issues)) out.articles.push_back(a);
    } catch (const ImportError& e) {
        out.error = e.what();
    }
    return out;
}

// Records of several sizes, a broken line, a blank line, CRLF ends, an accent to normalise
// (e + combining acute, NFC gives é) and a line that only another encoding reads.
std::string sample_dump() {
    std::string s;
    for (int i = 0; i < 40; ++i) {
        s += "{\"id\":\"r" + std::to_string(i) + "\",\"title\":\"Story " + std::to_string(i) + "\",\"text\":\"";
        for (int k = 0; k <= i; ++k) s += "Ministers met in Paris on Monday. ";
        s += "Caf\x65\xCC\x81 talks.\"}";
        s += i % 7 == 3 ? "\r\n" : "\n";
        if (i == 5) s += "{broken\n\n";
    }
    s += "{\"title\":\"Latin\",\"text\":\"Le minist\xE8re a parl\xE9.\"}";   // windows-1252, no final newline
    return s;
}

} // namespace

TEST(test_jsonl_stream, gives_what_the_whole_file_import_gives_whatever_the_pieces) {
    test_support::use_source_resources();
    const std::string dump = sample_dump();
    const SourceInfo src{"dump.jsonl", "jsonl", "", ""};
    // The whole-file path reads the valid lines; its decoding of the file differs for the last,
    // windows-1252 line (the file as a whole is not UTF-8), so it is compared without it.
    const std::string utf8_part = dump.substr(0, dump.rfind('\n') + 1);
    const FileImport reference = import_bytes(utf8_part, src);
    for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, std::size_t{1} << 16}) {
        for (const bool gz : {false, true}) {
            SCOPED_TRACE("piece " + std::to_string(piece) + (gz ? ", gzip" : ""));
            const Streamed s = stream_all(gz ? gzip_bytes(dump) : dump, gz ? "dump.jsonl.gz" : "dump.jsonl", piece);
            EXPECT_EQ(s.error, "");
            ASSERT_EQ(s.articles.size(), reference.result.articles.size() + 1);
            for (std::size_t i = 0; i < reference.result.articles.size(); ++i) {
                const Article& want = reference.result.articles[i];
                const Article& got = s.articles[i];
                EXPECT_EQ(got.id, want.id);
                EXPECT_EQ(got.title, want.title);
                EXPECT_EQ(got.text, want.text);
                EXPECT_EQ(got.content_hash, want.content_hash);
                EXPECT_EQ(got.lang, want.lang);
                EXPECT_EQ(got.format, "jsonl");
                EXPECT_EQ(got.source_key, (gz ? "dump.jsonl.gz#" : "dump.jsonl#") + want.id);
            }
            EXPECT_NE(s.articles.front().text.find("Caf\xC3\xA9"), std::string::npos);   // NFC
            EXPECT_EQ(s.articles.back().text, "Le minist\xC3\xA8re a parl\xC3\xA9.");        // converted line by line
            EXPECT_EQ(s.articles.back().source_key, (gz ? "dump.jsonl.gz#" : "dump.jsonl#") + std::to_string(s.articles.size()));
            ASSERT_EQ(s.issues.size(), 1u);
            EXPECT_EQ(s.issues[0].where, "line 7");
            EXPECT_NE(s.issues[0].reason.find("invalid JSON"), std::string::npos);
        }
    }
}

// A dump as one JSON array (of a .json file over the whole-file limit): its items are cut by
// their brackets, whatever the strings hold or however the items are laid out.
TEST(test_jsonl_stream, a_json_array_gives_what_the_whole_file_import_gives) {
    test_support::use_source_resources();
    std::string array = "\xEF\xBB\xBF [\n";
    for (int i = 0; i < 30; ++i) {
        if (i) array += i % 3 ? ",\n" : " ,";
        if (i == 4) array += "{\"title\": \"no text\"},";          // reported, as the whole-file path reports it
        if (i == 9) array += "42,\"a string\", null,";               // not records
        array += "{\n  \"id\": \"a" + std::to_string(i) + "\",\n  \"title\": \"Brackets ] } [ { and \\\"quotes\\\" " +
                 std::to_string(i) + "\",\n  \"text\": \"Ministers met in Paris. {[\\\\]}\",\n  \"tags\": [[1, {\"k\": \"]\"}], []]\n}";
    }
    array += "\n]\n";
    const FileImport whole = import_bytes(array, SourceInfo{"dump.json", "json", "", ""});
    ASSERT_GE(whole.result.articles.size(), 30u);   // the title-only record is one too (its title is its text)
    for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{1} << 16}) {
        for (const bool gz : {false, true}) {
            SCOPED_TRACE("piece " + std::to_string(piece) + (gz ? ", gzip" : ""));
            const Streamed s = stream_all(gz ? gzip_bytes(array) : array, "dump.json", piece);
            EXPECT_EQ(s.error, "");
            ASSERT_EQ(s.articles.size(), whole.result.articles.size());
            for (std::size_t i = 0; i < s.articles.size(); ++i) {
                EXPECT_EQ(s.articles[i].id, whole.result.articles[i].id);
                EXPECT_EQ(s.articles[i].title, whole.result.articles[i].title);
                EXPECT_EQ(s.articles[i].text, whole.result.articles[i].text);
                EXPECT_EQ(s.articles[i].content_hash, whole.result.articles[i].content_hash);
                EXPECT_EQ(s.articles[i].source_key, whole.result.articles[i].source_key);
                EXPECT_EQ(s.articles[i].format, "json");
            }
            ASSERT_EQ(s.issues.size(), whole.result.issues.size());
            for (std::size_t i = 0; i < s.issues.size(); ++i) {
                EXPECT_EQ(s.issues[i].where, whole.result.issues[i].where);
                EXPECT_EQ(s.issues[i].reason, whole.result.issues[i].reason);
            }
        }
    }
}

TEST(test_jsonl_stream, what_ends_a_json_array_badly_is_said) {
    test_support::use_source_resources();
    const std::string one = "{\"id\":\"x\",\"text\":\"One.\"}", two = "{\"id\":\"y\",\"text\":\"Two.\"}";
    const Streamed trailing = stream_all("[" + one + "," + two + "]\n\n  garbage", "t.json", 3);
    ASSERT_EQ(trailing.articles.size(), 2u);
    ASSERT_EQ(trailing.issues.size(), 1u);
    EXPECT_EQ(trailing.issues[0].reason, "content after the JSON array");
    const Streamed cut = stream_all("[" + one + "," + two.substr(0, 10), "c.json", 4);
    ASSERT_EQ(cut.articles.size(), 1u);
    ASSERT_EQ(cut.issues.size(), 2u);   // the cut item, then the array left open
    EXPECT_EQ(cut.issues[0].where, "item 2");
    EXPECT_EQ(cut.issues[1].reason, "the JSON array is not closed (file truncated?)");
    EXPECT_EQ(stream_all("  [ ]  ", "e.json").error, "empty file");
    const Streamed stray = stream_all("[" + one + "} }," + two + "]", "s.json", 2);   // ends, not loops
    EXPECT_EQ(stray.articles.size(), 2u);
    EXPECT_EQ(stray.issues.size(), 2u);
    const Streamed open = stream_all("[", "o.json");
    EXPECT_TRUE(open.articles.empty());
    ASSERT_EQ(open.issues.size(), 1u);
}

// UTF-16 with a byte order mark (PowerShell 5's Out-File writes it): converted as it comes, a
// character cut between two pieces included.
TEST(test_jsonl_stream, utf16_with_a_byte_order_mark_is_converted_on_the_way) {
    test_support::use_source_resources();
    const std::u16string lines = u"{\"title\":\"Été\",\"text\":\"Le ministère a parlé à Paris.\"}\r\n{\"text\":\"Deux.\"}\r\n";
    for (const bool big_endian : {false, true}) {
        std::string bytes = big_endian ? "\xFE\xFF" : "\xFF\xFE";
        for (const char16_t c : lines) {
            const char hi = static_cast<char>(c >> 8), lo = static_cast<char>(c & 0xFF);
            bytes += big_endian ? std::string{hi, lo} : std::string{lo, hi};
        }
        const FileImport whole = import_bytes(bytes, SourceInfo{"w.jsonl", "jsonl", "", ""});   // as the whole-file path reads it
        ASSERT_EQ(whole.result.articles.size(), 2u);
        for (const std::size_t piece : {std::size_t{1}, std::size_t{3}, std::size_t{1} << 16}) {
            for (const bool gz : {false, true}) {
                SCOPED_TRACE(std::string(big_endian ? "BE" : "LE") + ", piece " + std::to_string(piece) + (gz ? ", gzip" : ""));
                const Streamed s = stream_all(gz ? gzip_bytes(bytes) : bytes, gz ? "w.jsonl.gz" : "w.jsonl", piece);
                EXPECT_EQ(s.error, "");
                ASSERT_EQ(s.articles.size(), 2u);
                EXPECT_EQ(s.articles[0].title, "\xC3\x89t\xC3\xA9");
                EXPECT_EQ(s.articles[0].text, "Le minist\xC3\xA8re a parl\xC3\xA9 \xC3\xA0 Paris.");
                EXPECT_EQ(s.articles[1].text, "Deux.");
                EXPECT_TRUE(s.issues.empty());
                for (std::size_t i = 0; i < 2; ++i) EXPECT_EQ(s.articles[i].id, whole.result.articles[i].id);
            }
        }
    }
}

TEST(test_jsonl_stream, one_record_is_keyed_by_the_path_alone) {
    test_support::use_source_resources();
    const Streamed s = stream_all("\n{\"id\":\"x\",\"text\":\"Only one.\"}\n\n", "one.jsonl", 3);
    ASSERT_EQ(s.articles.size(), 1u);
    EXPECT_EQ(s.articles[0].source_key, "one.jsonl");
    const Streamed two = stream_all("{\"id\":\"x\",\"text\":\"One.\"}\n{\"id\":\"y\",\"text\":\"Two.\"}\n", "two.jsonl", 3);
    ASSERT_EQ(two.articles.size(), 2u);
    EXPECT_EQ(two.articles[0].source_key, "two.jsonl#x");
    EXPECT_EQ(two.articles[1].source_key, "two.jsonl#y");
}

TEST(test_jsonl_stream, concatenated_gzip_members_are_read_on) {
    test_support::use_source_resources();
    const std::string a = "{\"text\":\"First member.\"}\n", b = "{\"text\":\"Second member.\"}\n";
    const Streamed s = stream_all(gzip_bytes(a) + gzip_bytes(b), "x.jsonl.gz", 5);
    EXPECT_EQ(s.error, "");
    ASSERT_EQ(s.articles.size(), 2u);
    EXPECT_EQ(s.articles[1].text, "Second member.");
}

TEST(test_jsonl_stream, a_truncated_gzip_keeps_the_records_before_the_damage) {
    test_support::use_source_resources();
    std::string dump;
    for (int i = 0; i < 2000; ++i) dump += "{\"id\":\"n" + std::to_string(i) + "\",\"text\":\"Record " + std::to_string(i * 7919) + " of the dump.\"}\n";
    std::string gz = gzip_bytes(dump);
    gz.resize(gz.size() / 2);
    const Streamed s = stream_all(gz, "cut.jsonl.gz", 512);
    EXPECT_NE(s.error.find("gzip: corrupt or truncated"), std::string::npos) << s.error;
    EXPECT_GT(s.articles.size(), 100u);
    EXPECT_LT(s.articles.size(), 2000u);
    EXPECT_EQ(s.articles[0].id, "n0");
}

TEST(test_jsonl_stream, a_too_long_line_is_skipped_without_being_held) {
    test_support::use_source_resources();
    const std::string longline = "{\"text\":\"" + std::string(max_jsonl_line_bytes + 10, 'a') + "\"}\n";
    const std::string dump = "{\"text\":\"Before.\"}\n" + longline + "{\"text\":\"After.\"}\n";
    for (const bool gz : {false, true}) {
        const Streamed s = stream_all(gz ? gzip_bytes(dump) : dump, gz ? "l.jsonl.gz" : "l.jsonl", 1 << 16);
        ASSERT_EQ(s.articles.size(), 2u);
        EXPECT_EQ(s.articles[1].text, "After.");
        ASSERT_EQ(s.issues.size(), 1u);
        EXPECT_EQ(s.issues[0].where, "line 2");
        EXPECT_NE(s.issues[0].reason.find("line too long"), std::string::npos);
    }
}

TEST(test_jsonl_stream, a_too_large_article_is_reported) {
    test_support::use_source_resources();
    const std::string big = "{\"text\":\"" + std::string(max_article_bytes + 10, 'b') + "\"}\n";
    const Streamed s = stream_all(big + "{\"text\":\"Small.\"}\n", "b.jsonl");
    ASSERT_EQ(s.articles.size(), 1u);
    ASSERT_EQ(s.issues.size(), 1u);
    EXPECT_EQ(s.issues[0].where, "line 1");
    EXPECT_NE(s.issues[0].reason.find("article too large"), std::string::npos);
}

TEST(test_jsonl_stream, files_that_cannot_be_read_say_why) {
    test_support::use_source_resources();
    EXPECT_EQ(stream_all("", "e.jsonl").error, "empty file");
    EXPECT_EQ(stream_all("\n  \n\r\n", "e.jsonl").error, "empty file");
    EXPECT_EQ(stream_all(gzip_bytes(""), "e.jsonl.gz").error, "empty file");
    EXPECT_EQ(stream_all(std::string("PK\x03\x04\0\0\x01", 7), "z.jsonl").error, "binary file (NUL bytes)");
    EXPECT_EQ(stream_all("\x1F\x8B\x08 not really gzip", "g.jsonl.gz").error, "gzip: corrupt or truncated data");
    // Only broken lines: nothing to import, each line said.
    const Streamed broken = stream_all("{a\n{b\n", "b.jsonl");
    EXPECT_EQ(broken.error, "");
    EXPECT_TRUE(broken.articles.empty());
    EXPECT_EQ(broken.issues.size(), 2u);
}

TEST(test_jsonl_stream, files_named_as_json_lines_are_streamed) {
    EXPECT_TRUE(streams_records("a/dump.jsonl"));
    EXPECT_TRUE(streams_records("a/dump.NDJSON"));
    EXPECT_TRUE(streams_records("dump.jsonl.gz"));
    EXPECT_FALSE(streams_records("dump.json"));
    EXPECT_FALSE(streams_records("dump.json.gz"));
    EXPECT_FALSE(streams_records("page.html"));
    EXPECT_FALSE(streams_records("jsonl"));
    EXPECT_TRUE(streams_when_large("export.json"));
    EXPECT_TRUE(streams_when_large("export.JSON.gz"));
    EXPECT_FALSE(streams_when_large("dump.jsonl"));
    EXPECT_FALSE(streams_when_large("page.html"));
}
