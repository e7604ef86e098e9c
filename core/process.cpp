#include "process.h"

#include <cstdlib>
#include <unistd.h>

namespace vs {

void restartWithTunedAllocator(char *argv[])
{
#ifdef __GLIBC__
    if (std::getenv("GLIBC_TUNABLES") || std::getenv("VALUESCOPE_NO_REEXEC"))
        return;
    ::setenv("GLIBC_TUNABLES",
             "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456:"
             "glibc.malloc.arena_max=1",
             1);
    ::execv("/proc/self/exe", argv);
    ::unsetenv("GLIBC_TUNABLES"); // exec failed: carry on as we are
#else
    (void)argv;
#endif
}

} // namespace vs
