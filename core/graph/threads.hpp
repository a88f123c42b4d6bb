#pragma once
// Story threads: events linked through a shared participant or place within a time window
// form one thread (connected components of that relation). NodeProps::thread gets
// "thread-<n>", numbered by each thread's earliest event.
#include "core/graph/story_graph.hpp"

namespace storyline {

constexpr int default_thread_window_days = 14;

// Returns the number of threads with at least two events (single events get a thread too).
std::size_t assign_threads(StoryGraph& g, int window_days = default_thread_window_days);

} // namespace storyline
