#include "process.h"

#include "core/allocator_tunables.h"

#include <climits>
#include <cstdlib>
#include <mutex>
#include <unistd.h>

namespace vs {

namespace {
std::mutex helperMutex;
std::string &helperPath()
{
    static std::string path;
    return path;
}
} // namespace

void setHelperExecutable(std::string path)
{
    std::lock_guard lock(helperMutex);
    helperPath() = std::move(path);
}

std::string helperExecutable()
{
    std::lock_guard lock(helperMutex);
    return helperPath();
}

std::string ownExecutable()
{
    char buf[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    return n > 0 ? std::string(buf, size_t(n)) : std::string();
}

void restartWithTunedAllocator(char *argv[])
{
#ifdef __GLIBC__
    if (std::getenv("GLIBC_TUNABLES") || std::getenv("VALUESCOPE_NO_REEXEC"))
        return;
    ::setenv("GLIBC_TUNABLES", kAllocatorTunables, 1);
    ::execv("/proc/self/exe", argv);
    ::unsetenv("GLIBC_TUNABLES"); // exec failed: carry on as we are
#else
    (void)argv;
#endif
}

} // namespace vs
