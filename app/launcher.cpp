// `valuescope`: sets glibc's allocator tunables (core/allocator_tunables.h) and starts the
// program, valuescope-app, beside it (the build tree) or in ../lib/valuescope (installed). glibc
// reads the tunables only when a program starts; without this launcher the program starts itself
// a second time to get them, loading its ~90 libraries twice (20 ms of every command-line run).
// Only the C library: it is loaded and gone in about a millisecond.
// `run` and `inspect` that draw no chart and no report go to valuescope-cli, the same program
// without the window's libraries (55 libraries instead of 87: a run on a tiny file takes 12 ms
// instead of 23 ms).
#include "core/allocator_tunables.h"

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

int main(int argc, char *argv[])
{
    char self[PATH_MAX];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    std::string dir = n > 0 ? std::string(self, size_t(n)) : std::string(argv[0]);
    dir = dir.substr(0, dir.rfind('/') == std::string::npos ? 0 : dir.rfind('/'));
    if (dir.empty())
        dir = ".";
    if (!std::getenv("GLIBC_TUNABLES") && !std::getenv("VALUESCOPE_NO_REEXEC"))
        ::setenv("GLIBC_TUNABLES", vs::kAllocatorTunables, 1);
    bool headless = argc > 1 && (std::strcmp(argv[1], "run") == 0 || std::strcmp(argv[1], "inspect") == 0);
    for (int i = 2; i < argc && headless; ++i)
        headless = std::strncmp(argv[i], "--chart", 7) != 0 && std::strncmp(argv[i], "--report", 8) != 0;
    // (the program with the window does all that valuescope-cli does, if that one is missing)
    const std::vector<std::string> names = headless ? std::vector<std::string>{"valuescope-cli", "valuescope-app"}
                                                    : std::vector<std::string>{"valuescope-app"};
    std::vector<std::string> programs;
    for (const std::string &name : names)
        for (const std::string &at : {dir + "/", dir + "/../lib/valuescope/"})
            programs.push_back(at + name);
    for (const std::string &app : programs)
        if (::access(app.c_str(), X_OK) == 0) {
            ::execv(app.c_str(), argv);
            std::perror(app.c_str());
            return 127;
        }
    std::fprintf(stderr, "valuescope: valuescope-app is not installed beside %s\n", dir.c_str());
    return 127;
}
