#pragma once
// main() of the Google Benchmark programs: measured with the allocator the program runs with.
#include "core/process.h"

#include <benchmark/benchmark.h>

int main(int argc, char **argv)
{
    vs::restartWithTunedAllocator(argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
