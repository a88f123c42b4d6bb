// Resolution keys: transliteration-aware folding, gazetteer ids, organisation aliases.
#include "entities_test_util.hpp"

namespace storyline::entities_test {
namespace {

std::string key(std::string_view surface, EntityType t, std::string_view lang) {
    test_support::use_source_resources();
    return entity_key(surface, t, lang);
}

TEST(entities_resolution, test_entities_key_putin_across_languages) {
    const auto k = key("Vladimir Putin", EntityType::person, "en");
    EXPECT_EQ(k, "per:putin");
    EXPECT_EQ(key("Putin", EntityType::person, "en"), k);
    EXPECT_EQ(key("Poutine", EntityType::person, "fr"), k);
    EXPECT_EQ(key("le président Poutine", EntityType::person, "fr"), k);
    EXPECT_EQ(key("Vladimir Poutine", EntityType::person, "fr"), k);
}

TEST(entities_resolution, test_entities_key_transliterations_meet) {
    EXPECT_EQ(key("Tokaïev", EntityType::person, "fr"), key("Kassym-Jomart Tokayev", EntityType::person, "en"));
    const auto z = key("Zelensky", EntityType::person, "en");
    EXPECT_EQ(key("Volodymyr Zelenskyy", EntityType::person, "en"), z);
    EXPECT_EQ(key("Zelenski", EntityType::person, "fr"), z);
    EXPECT_EQ(key("Khrouchtchev", EntityType::person, "fr"), key("Khrushchev", EntityType::person, "en"));
}

TEST(entities_resolution, test_entities_key_different_people_stay_apart) {
    EXPECT_NE(key("Putin", EntityType::person, "en"), key("Blinken", EntityType::person, "en"));
    EXPECT_NE(key("Zas", EntityType::person, "en"), key("Zelensky", EntityType::person, "en"));
}

TEST(entities_resolution, test_entities_key_organisation_aliases) {
    EXPECT_EQ(key("OTSC", EntityType::organization, "fr"), "org:csto");
    EXPECT_EQ(key("CSTO", EntityType::organization, "en"), "org:csto");
    EXPECT_EQ(key("Collective Security Treaty Organization", EntityType::organization, "en"), "org:csto");
    EXPECT_EQ(key("l'OTAN", EntityType::organization, "fr"), "org:nato");
}

TEST(entities_resolution, test_entities_key_places_by_gazetteer_id) {
    EXPECT_EQ(key("Russie", EntityType::location, "fr"), "country:RU");
    EXPECT_EQ(key("Russia", EntityType::location, "en"), "country:RU");
    EXPECT_EQ(key("États-Unis", EntityType::location, "fr"), "country:US");
    EXPECT_EQ(key("Moscou", EntityType::location, "fr"), key("Moscow", EntityType::location, "en"));
    EXPECT_EQ(key("Biélorussie", EntityType::location, "fr"), "country:BY");
}

TEST(entities_resolution, test_entities_lookup_place) {
    test_support::use_source_resources();
    const auto kz = lookup_place("country:KZ");
    ASSERT_TRUE(kz.has_value());
    EXPECT_EQ(kz->name, "Kazakhstan");
    EXPECT_EQ(kz->kind, "country");
    EXPECT_NEAR(kz->latitude, 48.0, 1.0);
    const auto almaty = lookup_place("city:1526384");
    ASSERT_TRUE(almaty.has_value());
    EXPECT_EQ(almaty->country, "KZ");
    EXPECT_GT(almaty->population, 1'000'000);
    EXPECT_NEAR(almaty->longitude, 76.9, 0.5);
    const auto asia = lookup_place("region:central-asia");
    ASSERT_TRUE(asia.has_value());
    EXPECT_EQ(asia->kind, "region");
    EXPECT_FALSE(lookup_place("city:0").has_value());
}

} // namespace
} // namespace storyline::entities_test
