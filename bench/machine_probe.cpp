// The state of the machine when bench/whole_run.sh measures: on a shared VM the same import
// takes 0.8 s or 1.3 s from one quarter of an hour to the next, and a figure means little without
// it. Two references, printed before and after the runs:
// - a chain of dependent multiply-adds: the core's own speed (its clock, time stolen by the host);
// - loads that each depend on the one before, at random through 16 MB: the memory behind the
//   caches, which the VM's neighbours share (its latency moved between 90 and 200 ns in a day).
// Standard C++ only; whole_run.sh compiles it on first use.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <random>
#include <utility>
#include <vector>

namespace {
volatile std::uint64_t sink;   // the loops' results go here, so that neither is optimised away
} // namespace

int main() {
    using Clock = std::chrono::steady_clock;
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
    std::mt19937_64 rng(42);
    for (std::size_t i = slots - 1; i > 0; --i)
        std::swap(next[i], next[std::uniform_int_distribution<std::size_t>(0, i - 1)(rng)]);
    constexpr long loads = 4'000'000;
    std::uint64_t p = 0;
    const auto m0 = Clock::now();
    for (long i = 0; i < loads; ++i) p = next[p];
    const auto m1 = Clock::now();

    sink = x ^ p;
    std::printf("a dependent multiply-add %.2f ns, a dependent load at random in 16 MB %.0f ns\n",
                ns_per(a1 - a0, alu_steps), ns_per(m1 - m0, loads));
    return 0;
}
