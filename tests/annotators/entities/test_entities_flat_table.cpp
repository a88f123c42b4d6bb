#include "core/util/flat_table.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <new>
#include <string>

using namespace storyline;

TEST(test_entities_flat_table, filter_keeps_every_stored_hash_and_drops_most_absent_ones) {
    FlatTable<int> t;
    for (int k = 0; k < 20000; ++k) t[StringHash::of("phrase " + std::to_string(k))] = k;
    t.add_filter();
    t[StringHash::of("added after the filter")] = -1;   // later inserts set their bit too
    for (int k = 0; k < 20000; ++k) {
        const int* v = t.find(StringHash::of("phrase " + std::to_string(k)));
        ASSERT_NE(v, nullptr) << k;
        EXPECT_EQ(*v, k);
    }
    ASSERT_NE(t.find(StringHash::of("added after the filter")), nullptr);
    int found = 0;
    for (int k = 20000; k < 30000; ++k) found += t.find(StringHash::of("phrase " + std::to_string(k))) != nullptr;
    EXPECT_EQ(found, 0);   // the slots still answer exactly: the filter only saves their loads
}

namespace {

// An image in memory aligned as a mapped file is (ImageReader::pod_array needs it).
struct AlignedImage {
    explicit AlignedImage(const std::string& bytes) : size(bytes.size()) {
        data = static_cast<char*>(::operator new(bytes.size() + 1, std::align_val_t{64}));
        std::memcpy(data, bytes.data(), bytes.size());
    }
    ~AlignedImage() { ::operator delete(data, std::align_val_t{64}); }
    AlignedImage(const AlignedImage&) = delete;
    AlignedImage& operator=(const AlignedImage&) = delete;
    [[nodiscard]] std::string_view view() const { return {data, size}; }
    char* data;
    std::size_t size;
};

} // namespace

// A table read as a view of its image answers as the original; a copy of it that is written to
// gets slots of its own, and neither the view nor the image changes.
TEST(test_entities_flat_table, view_of_an_image_answers_and_copies_before_writing) {
    FlatTable<int> t;
    for (int k = 0; k < 3000; ++k) t[StringHash::of("w" + std::to_string(k))] = k;
    t.add_filter();
    ImageWriter out;
    out.str("a header before the table");
    t.write_image(out);
    const AlignedImage image(out.data());
    ImageReader in(image.view());
    EXPECT_EQ(in.str(), "a header before the table");
    FlatTable<int> view;
    ASSERT_TRUE(view.read_image(in, true));
    EXPECT_TRUE(in.at_end());
    EXPECT_EQ(view.size(), t.size());
    for (int k = 0; k < 3000; ++k) {
        const int* v = view.find(StringHash::of("w" + std::to_string(k)));
        ASSERT_NE(v, nullptr) << k;
        EXPECT_EQ(*v, k);
    }
    EXPECT_EQ(view.find(StringHash::of("absent")), nullptr);
    FlatTable<int> copy = view;
    copy[StringHash::of("new word")] = 7;
    copy[StringHash::of("w5")] = -5;
    EXPECT_EQ(*copy.find(StringHash::of("new word")), 7);
    EXPECT_EQ(*copy.find(StringHash::of("w5")), -5);
    EXPECT_EQ(view.find(StringHash::of("new word")), nullptr);
    EXPECT_EQ(*view.find(StringHash::of("w5")), 5);
    EXPECT_TRUE(image.view() == out.data());
    // A short image is refused and leaves the table empty.
    ImageReader cut(image.view().substr(0, image.size / 2));
    cut.str();
    FlatTable<int> refused;
    EXPECT_FALSE(refused.read_image(cut, true));
    EXPECT_EQ(refused.find(StringHash::of("w1")), nullptr);
}
