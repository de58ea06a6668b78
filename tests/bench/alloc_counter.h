// Counts heap allocations (malloc, calloc, realloc, and operator new through
// them) made by any thread between Start and Stop. Linked only into the
// counted build of the workloads: it replaces the C allocator's entry points.
#ifndef FNF_TESTS_BENCH_ALLOC_COUNTER_H_
#define FNF_TESTS_BENCH_ALLOC_COUNTER_H_

#include <cstdint>

namespace fnf_bench {

void StartCountingAllocations();
// The allocations made since StartCountingAllocations.
int64_t StopCountingAllocations();

}  // namespace fnf_bench

#endif  // FNF_TESTS_BENCH_ALLOC_COUNTER_H_
