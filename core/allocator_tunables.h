#pragma once
// glibc's allocator settings for tables of millions of rows (restartWithTunedAllocator in
// process.h says why each). One string for the program and its launcher (app/launcher.cpp),
// which sets it before the program starts, so that the program is not started twice.
namespace vs {
inline constexpr char kAllocatorTunables[] =
    "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456:"
    "glibc.malloc.arena_max=1";
} // namespace vs
