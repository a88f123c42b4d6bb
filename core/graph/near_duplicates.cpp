#include "core/graph/near_duplicates.hpp"

#include "core/graph/entity_timeline.hpp"
#include "core/graph/time_interval.hpp"
#include "core/util/hash.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <limits>
#include <mutex>
#include <numeric>
#include <thread>
#include <tuple>
#include <utility>

namespace storyline {
namespace {

using Signature = std::array<std::uint32_t, NearDuplicateFinder::hashes>;
constexpr std::size_t large_bucket = 64;  // band buckets above this size are not compared pairwise

// The 128 hash functions h ↦ a·h + b (mod 2^64, a odd) applied to one 64-bit shingle hash; the
// coefficients come from a fixed SplitMix64 sequence, so signatures are the same on every machine
// and every run (std::hash is not).
struct Coefficients {
    std::array<std::uint64_t, NearDuplicateFinder::hashes> a{}, b{};
    Coefficients() {
        std::uint64_t state = 0x5354'4f52'594c'494eULL;  // "STORYLIN"
        auto next = [&state] {
            std::uint64_t z = (state += 0x9E37'79B9'7F4A'7C15ULL);
            z = (z ^ (z >> 30)) * 0xBF58'476D'1CE4'E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D0'49BB'1331'11EBULL;
            return z ^ (z >> 31);
        };
        for (std::size_t i = 0; i < a.size(); ++i) {
            a[i] = next() | 1U;
            b[i] = next();
        }
    }
};

const Coefficients& coefficients() {
    static const Coefficients c;
    return c;
}

// mins[j] = min(mins[j], a[j]·h + b[j]) over the n shingle hashes hs, for the 128 functions: the
// export's costliest loop (a fifth of its instructions for 4,000 Reuters files, scalar). Four
// shingles per pass over the coefficients; compiled below once per instruction set.
[[gnu::always_inline]] inline void fold_into_mins_loop(std::uint64_t* __restrict mins, const std::uint64_t* __restrict a,
                                                       const std::uint64_t* __restrict b,
                                                       const std::uint64_t* __restrict hs, std::size_t n) {
    constexpr std::size_t m = NearDuplicateFinder::hashes;
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        const std::uint64_t h0 = hs[i], h1 = hs[i + 1], h2 = hs[i + 2], h3 = hs[i + 3];
        for (std::size_t j = 0; j < m; ++j) {
            const std::uint64_t aj = a[j], bj = b[j];
            mins[j] = std::min(std::min(std::min(mins[j], aj * h0 + bj), std::min(aj * h1 + bj, aj * h2 + bj)), aj * h3 + bj);
        }
    }
    for (; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j) mins[j] = std::min(mins[j], a[j] * hs[i] + b[j]);
    }
}

using FoldIntoMins = void (*)(std::uint64_t*, const std::uint64_t*, const std::uint64_t*, const std::uint64_t*, std::size_t);

void fold_into_mins_plain(std::uint64_t* mins, const std::uint64_t* a, const std::uint64_t* b, const std::uint64_t* hs,
                          std::size_t n) {
    fold_into_mins_loop(mins, a, b, hs, n);
}

#if defined(__x86_64__)
// 64-bit multiplies and unsigned minimums in 8 lanes (AVX-512) or emulated in 4 (AVX2), where
// plain x86-64 has neither: 9x and 2x faster than one shingle at a time in scalar code. Chosen
// once, on first use, not by an ifunc (`target_clones`): a resolver runs while the dynamic loader
// relocates the program, before a sanitizer's runtime is ready (ThreadSanitizer crashed in it).
__attribute__((target("avx512f,avx512dq,avx512vl,avx512bw,avx512cd")))
void fold_into_mins_avx512(std::uint64_t* mins, const std::uint64_t* a, const std::uint64_t* b, const std::uint64_t* hs,
                           std::size_t n) {
    fold_into_mins_loop(mins, a, b, hs, n);
}

__attribute__((target("avx2")))
void fold_into_mins_avx2(std::uint64_t* mins, const std::uint64_t* a, const std::uint64_t* b, const std::uint64_t* hs,
                         std::size_t n) {
    fold_into_mins_loop(mins, a, b, hs, n);
}
#endif

FoldIntoMins pick_fold_into_mins() {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl") &&
        __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512cd")) {
        return fold_into_mins_avx512;
    }
    if (__builtin_cpu_supports("avx2")) return fold_into_mins_avx2;
#endif
    return fold_into_mins_plain;
}

// The same integers whichever copy runs, so the same signatures on every machine.
void fold_into_mins(std::uint64_t* mins, const std::uint64_t* a, const std::uint64_t* b, const std::uint64_t* hs,
                    std::size_t n) {
    static const FoldIntoMins chosen = pick_fold_into_mins();
    chosen(mins, a, b, hs, n);
}

// The MinHash signature of the body's word shingles; false when the body has too few words.
// Folded words only (case, accents, punctuation and line breaks do not count).
bool signature_of(std::string_view text, const NearDuplicateSettings& s, Signature& out) {
    const std::string words = folded_words(text);
    std::vector<std::pair<std::size_t, std::size_t>> bounds;  // [begin, end) of each word
    for (std::size_t i = 0; i < words.size();) {
        const std::size_t end = std::min(words.find(' ', i), words.size());
        bounds.emplace_back(i, end);
        i = end + 1;
    }
    const std::size_t k = std::max<std::size_t>(1, s.shingle_words);
    if (bounds.size() < std::max(s.min_words, k)) return false;
    std::vector<std::uint64_t> shingles(bounds.size() - k + 1);
    for (std::size_t i = 0; i < shingles.size(); ++i) {
        // Words are joined by single spaces, so a shingle is one substring of `words`.
        const std::size_t from = bounds[i].first, to = bounds[i + k - 1].second;
        shingles[i] = hash64(std::string_view(words).substr(from, to - from));
    }
    const auto& c = coefficients();
    std::array<std::uint64_t, NearDuplicateFinder::hashes> mins;
    mins.fill(std::numeric_limits<std::uint64_t>::max());
    fold_into_mins(mins.data(), c.a.data(), c.b.data(), shingles.data(), shingles.size());
    for (std::size_t j = 0; j < mins.size(); ++j) out[j] = static_cast<std::uint32_t>(mins[j] >> 32);
    return true;
}

double estimate(const Signature& x, const Signature& y) {
    std::size_t same = 0;
    for (std::size_t j = 0; j < x.size(); ++j) same += x[j] == y[j];
    return static_cast<double>(same) / static_cast<double>(x.size());
}

} // namespace

bool NearDuplicates::folded(const std::string& article_id) const {
    const auto it = cluster_of.find(article_id);
    return it != cluster_of.end() && clusters[it->second].representative != article_id;
}

const std::vector<std::string>* NearDuplicates::cluster_sources(const std::string& article_id) const {
    const auto it = cluster_of.find(article_id);
    if (it == cluster_of.end() || clusters[it->second].representative != article_id) return nullptr;
    return &clusters[it->second].sources;
}

std::size_t NearDuplicates::clustered_articles() const { return cluster_of.size(); }

void NearDuplicates::collect_sources(const std::function<std::vector<std::string>(const std::string&)>& sources_of) {
    for (auto& c : clusters) {
        c.sources.clear();
        for (const auto& id : c.members) {
            auto keys = sources_of(id);
            c.sources.insert(c.sources.end(), keys.begin(), keys.end());
        }
        std::sort(c.sources.begin(), c.sources.end());
        c.sources.erase(std::unique(c.sources.begin(), c.sources.end()), c.sources.end());
    }
}

NearDuplicateFinder::NearDuplicateFinder(NearDuplicateSettings settings) : m_settings(settings) {}

void NearDuplicateFinder::add(const std::string& article_id, const std::string& lang, std::string_view text,
                              std::string_view published) {
    Entry e;
    e.id = article_id;
    e.lang = lang;
    if (published.size() >= 10) {
        const TimeInterval day = interval_from_timex(published.substr(0, 10));
        if (day.known() && day.precision == Precision::day) {
            e.dated = true;
            e.day = static_cast<int>(day.first.time_since_epoch().count());
        }
    }
    m_entries.push_back(std::move(e));
    m_pending.emplace_back(m_entries.size() - 1, std::string(text));
    m_pending_bytes += text.size();
    constexpr std::size_t pending_limit = 4 << 20;   // bytes of text held for signing
    if (m_pending_bytes >= pending_limit) sign_pending();
}

void NearDuplicateFinder::sign_pending() {
    // A signature depends on its own text only: the pending ones are shared, 16 at a time, between
    // this thread and one more per further core (the pass was a third of an export's instructions).
    constexpr std::size_t chunk = 16;
    std::atomic<std::size_t> next{0};
    std::exception_ptr failed;
    std::mutex failed_mutex;
    auto sign = [&] {
        try {
            for (std::size_t from; (from = next.fetch_add(chunk)) < m_pending.size();) {
                for (std::size_t k = from; k < std::min(from + chunk, m_pending.size()); ++k) {
                    Entry& e = m_entries[m_pending[k].first];
                    e.eligible = signature_of(m_pending[k].second, m_settings, e.mins);
                }
            }
        } catch (...) {   // handed to the calling thread once every helper has stopped
            std::lock_guard lock(failed_mutex);
            failed = std::current_exception();
        }
    };
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    std::vector<std::thread> helpers;
    for (unsigned c = 1; c < cores && c * chunk < m_pending.size(); ++c) helpers.emplace_back(sign);
    sign();
    for (auto& t : helpers) t.join();
    m_pending.clear();
    m_pending_bytes = 0;
    if (failed) std::rethrow_exception(failed);
}

NearDuplicates NearDuplicateFinder::find() {
    sign_pending();
    NearDuplicates out;
    // Work in representative order (dated first, then by article id): nothing below depends on the
    // order of add(), and the root of each component is its representative.
    std::vector<std::uint32_t> order(m_entries.size());
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        const Entry& a = m_entries[x];
        const Entry& b = m_entries[y];
        return std::tie(b.dated, a.id) < std::tie(a.dated, b.id);
    });
    std::vector<const Entry*> e;
    for (std::uint32_t i : order) e.push_back(&m_entries[i]);

    // Candidates: articles of one language that agree on all 6 hashes of at least one of the 21
    // bands. A pair with Jaccard 0.8 is a candidate with probability 1 − (1 − 0.8^6)^21 ≈ 0.998,
    // one with 0.5 with ≈ 0.28, one with 0.3 with ≈ 0.015: few pairs are compared.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> candidates;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
    for (std::size_t band = 0; band < bands; ++band) {
        keys.clear();
        for (std::uint32_t i = 0; i < e.size(); ++i) {
            if (!e[i]->eligible) continue;
            std::string bytes = e[i]->lang;
            bytes.push_back('\0');
            bytes.append(reinterpret_cast<const char*>(e[i]->mins.data() + band * rows), rows * sizeof(std::uint32_t));
            keys.emplace_back(hash64(bytes, band), i);
        }
        std::sort(keys.begin(), keys.end());
        for (std::size_t lo = 0; lo < keys.size();) {
            std::size_t hi = lo + 1;
            while (hi < keys.size() && keys[hi].first == keys[lo].first) ++hi;
            if (hi - lo <= large_bucket) {
                for (std::size_t x = lo; x < hi; ++x) {
                    for (std::size_t y = x + 1; y < hi; ++y) candidates.emplace_back(keys[x].second, keys[y].second);
                }
            } else {
                // Hundreds of bodies agreeing on a band (one boilerplate page scraped many times):
                // each is compared with the first and with its neighbour, not with every other,
                // so the work stays linear; the components are the same when all of them confirm.
                for (std::size_t x = lo + 1; x < hi; ++x) {
                    candidates.emplace_back(keys[lo].second, keys[x].second);
                    if (x > lo + 1) candidates.emplace_back(keys[x - 1].second, keys[x].second);
                }
            }
            lo = hi;
        }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    // Confirm each candidate on the whole signature; clusters are the connected components of the
    // confirmed pairs, rooted at their representative (the smallest index).
    std::vector<std::uint32_t> parent(e.size());
    std::iota(parent.begin(), parent.end(), 0U);
    auto root = [&](std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    for (const auto& [x, y] : candidates) {
        if (e[x]->lang != e[y]->lang) continue;  // a band hash collision across languages
        const double j = estimate(e[x]->mins, e[y]->mins);
        ++out.candidates_by_tenth[static_cast<std::size_t>(std::clamp(j * 10.0, 0.0, 10.0))];
        if (j < m_settings.threshold) continue;
        if (e[x]->dated && e[y]->dated && std::abs(e[x]->day - e[y]->day) > m_settings.max_days_apart) continue;
        out.pairs.push_back(NearDuplicates::Pair{std::min(e[x]->id, e[y]->id), std::max(e[x]->id, e[y]->id), j});
        const std::uint32_t rx = root(x), ry = root(y);
        if (rx != ry) parent[std::max(rx, ry)] = std::min(rx, ry);
    }
    std::map<std::uint32_t, std::vector<std::uint32_t>> members;   // root → members
    for (const auto& [x, y] : candidates) {
        if (root(x) == root(y)) members[root(x)];
    }
    for (std::uint32_t i = 0; i < e.size(); ++i) {
        if (const auto it = members.find(root(i)); it != members.end()) it->second.push_back(i);
    }
    for (auto& [r, list] : members) {
        NearDuplicates::Cluster c;
        c.representative = e[r]->id;
        for (std::uint32_t i : list) c.members.push_back(e[i]->id);
        std::sort(c.members.begin(), c.members.end());
        for (const auto& id : c.members) out.cluster_of[id] = out.clusters.size();
        out.clusters.push_back(std::move(c));
    }
    std::sort(out.pairs.begin(), out.pairs.end(),
              [](const NearDuplicates::Pair& x, const NearDuplicates::Pair& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    return out;
}

double near_duplicate_similarity(std::string_view a, std::string_view b, NearDuplicateSettings settings) {
    Signature x{}, y{};
    if (!signature_of(a, settings, x) || !signature_of(b, settings, y)) return -1.0;
    return estimate(x, y);
}

} // namespace storyline
