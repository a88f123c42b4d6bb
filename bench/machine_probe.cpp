// The state of the machine when bench/whole_run.sh measures: on a shared VM the same import
// takes 0.8 s or 1.3 s from one quarter of an hour to the next, and a figure means little without
// it. Three references, printed before and after the runs:
// - a chain of dependent multiply-adds: the core's own speed (its clock, time stolen by the host);
// - loads that each depend on the one before, at random through 16 MB: the memory behind the
//   caches, which the VM's neighbours share (its latency moved between 90 and 200 ns in a day);
// - the same through 1 to 12 MB, a cache line each: how much of the shared last-level cache the
//   neighbours leave us (seventeenth session: 17 ns up to 3-4 MB, 100-150 ns from 4-6 MB in the
//   VM's slow state; an import's data touched per article is 4-8 MB, docs/performance-history.md).
// Standard C++ only; whole_run.sh compiles it on first use.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {
volatile std::uint64_t sink;   // the loops' results go here, so that neither is optimised away

// One load per cache line (an index at the start of each 64-byte line), cycling through all of
// them, in sizes from 1 MB. The cache "left" is the largest size whose loads, and those of every
// smaller size, take less than three times those of 1 MB (which the last-level cache holds
// whatever the neighbours do). `sized` gets each size's time.
std::size_t cache_left_mb(std::mt19937_64& rng, long steps, std::string& sized) {
    using Clock = std::chrono::steady_clock;
    struct alignas(64) Line {
        std::uint32_t next;
    };
    constexpr std::size_t sizes_mb[] = {1, 2, 3, 4, 6, 8, 12};
    double first = 0;
    std::size_t left_mb = 0;
    bool within = true;   // every size so far below the bound
    std::uint32_t q = 0;
    for (const std::size_t mb : sizes_mb) {
        const std::size_t n = (mb << 20) / sizeof(Line);
        std::vector<Line> lines(n);
        std::vector<std::uint32_t> order(n);
        std::iota(order.begin(), order.end(), std::uint32_t{0});
        for (std::size_t i = n - 1; i > 0; --i)
            std::swap(order[i], order[std::uniform_int_distribution<std::size_t>(0, i - 1)(rng)]);
        for (std::size_t i = 0; i < n; ++i) lines[order[i]].next = order[(i + 1) % n];
        q = 0;
        for (std::size_t i = 0; i < n; ++i) q = lines[q].next;   // one round to bring them in
        // The best of three walks: one the host interrupted would read as a smaller cache.
        double ns = 1e9;
        for (int walk = 0; walk < 3; ++walk) {
            const auto l0 = Clock::now();
            for (long i = 0; i < steps; ++i) q = lines[q].next;
            ns = std::min(ns, std::chrono::duration<double, std::nano>(Clock::now() - l0).count() / static_cast<double>(steps));
        }
        sink = sink ^ q;
        if (first == 0) first = ns;
        within = within && ns < 3 * first;
        if (within) left_mb = mb;
        sized += (sized.empty() ? "" : ", ") + std::to_string(mb) + " MB " + std::to_string(static_cast<int>(ns + 0.5));
    }
    return left_mb;
}

} // namespace

// With --cache, only the cache left to us, in MB (whole_run.sh asks before each run).
int main(int argc, char** argv) {
    using Clock = std::chrono::steady_clock;
    std::mt19937_64 rng(42);
    if (argc > 1 && std::string_view(argv[1]) == "--cache") {
        std::string sized;
        std::printf("%zu\n", cache_left_mb(rng, 200'000, sized));
        return 0;
    }
    auto ns_per = [](Clock::duration d, double steps) {
        return std::chrono::duration<double, std::nano>(d).count() / steps;
    };

    constexpr long alu_steps = 200'000'000;
    std::uint64_t x = 1;
    const auto a0 = Clock::now();
    for (long i = 0; i < alu_steps; ++i) x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto a1 = Clock::now();

    // One cycle through every slot (Sattolo's shuffle of the identity), so that no load can start
    // before the one it depends on, and the walk never settles in a small loop the caches hold.
    constexpr std::size_t slots = (std::size_t{16} << 20) / sizeof(std::uint64_t);
    std::vector<std::uint64_t> next(slots);
    std::iota(next.begin(), next.end(), std::uint64_t{0});
    for (std::size_t i = slots - 1; i > 0; --i)
        std::swap(next[i], next[std::uniform_int_distribution<std::size_t>(0, i - 1)(rng)]);
    constexpr long loads = 4'000'000;
    std::uint64_t p = 0;
    const auto m0 = Clock::now();
    for (long i = 0; i < loads; ++i) p = next[p];
    const auto m1 = Clock::now();

    std::string sized;
    const std::size_t left_mb = cache_left_mb(rng, 400'000, sized);

    sink = x ^ p;
    std::printf("a dependent multiply-add %.2f ns, a dependent load at random in 16 MB %.0f ns\n",
                ns_per(a1 - a0, alu_steps), ns_per(m1 - m0, loads));
    std::printf("  loads at random, one per cache line, in %s ns: the cache left to us about %zu MB\n",
                sized.c_str(), left_mb);
    return 0;
}
