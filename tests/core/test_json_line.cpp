#include "core/util/json_line.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <gtest/gtest.h>

#include <limits>
#include <string>

using namespace storyline;

namespace {

// What rapidjson's Writer gives for one value: JsonLine must give the very same bytes (stored
// layers written before it and after it are then the same).
template <class Fn>
std::string rapidjson_bytes(Fn&& write) {
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    write(w);
    return std::string(buf.GetString(), buf.GetSize());
}

} // namespace

TEST(test_json_line, strings_escape_like_rapidjson_for_every_byte) {
    std::string all;
    for (int c = 1; c < 256; ++c) all.push_back(static_cast<char>(c));
    // Each byte alone, then all of them (the eight-bytes-at-a-time path), then with a prefix.
    for (int c = 1; c < 256; ++c) {
        const std::string one(1, static_cast<char>(c));
        JsonLine j(4);
        j.string(one);
        EXPECT_EQ(j.view(), rapidjson_bytes([&](auto& w) { w.String(one.data(), 1); })) << c;
    }
    for (const std::string& s : {all, "plain ascii text, then " + all, std::string("caf\xc3\xa9 \"quoted\" \\ end")}) {
        JsonLine j(4);   // grows as it goes
        j.string(s);
        EXPECT_EQ(j.view(), rapidjson_bytes([&](auto& w) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }));
    }
}

TEST(test_json_line, numbers_are_written_like_rapidjson) {
    for (const double x : {0.0, 0.4, 0.6, 1.0, 0.1 + 0.2, 1e-7, 123456789.125, -2.5, 1e300,
                           std::numeric_limits<double>::denorm_min()}) {
        JsonLine j;
        j.number(x);
        EXPECT_EQ(j.view(), rapidjson_bytes([&](auto& w) { w.Double(x); })) << x;
    }
    for (const long long v : {0LL, -1LL, 42LL, 4294967295LL, -2147483648LL}) {
        JsonLine j;
        j.integer(v);
        EXPECT_EQ(j.view(), rapidjson_bytes([&](auto& w) { w.Int64(v); })) << v;
    }
    // Every length of the fast path below a million, its edges, and the first number past it.
    for (long long v = 0; v <= 1000000; v += (v < 2000 ? 1 : 997)) {
        for (const long long x : {v, v == 0 ? 0 : v - 1, 999999LL, 1000000LL, 100000LL, 99999LL}) {
            JsonLine j(1);   // growing from the smallest buffer
            j.integer(x);
            ASSERT_EQ(j.view(), std::to_string(x)) << x;
        }
    }
    JsonLine j;
    j.raw('[');
    j.uint(7);
    j.raw(",");
    j.string("x");
    j.raw(']');
    EXPECT_EQ(std::move(j).take(), "[7,\"x\"]");
}
