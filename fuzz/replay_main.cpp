// The harnesses without libFuzzer (the GCC build of packaging/run-tests.sh): each file named, or
// each file in each directory named, goes through LLVMFuzzerTestOneInput once; then, with
// -runs=N, N inputs made from them by a fixed sequence of mutations (bytes flipped, inserted,
// removed, repeated, files cut and spliced; seed 1), as a short fuzzing run with a fixed number
// of runs. A finding aborts (the harness's checks) or crashes; the input is saved first to
// replay-crash-<harness> in the working directory and named on stderr.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <signal.h>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace {

std::string current; // the input being run, written out if it crashes
const char *crashPath = "replay-crash";

void saveCurrent(int sig)
{
    if (FILE *f = std::fopen(crashPath, "wb")) {
        std::fwrite(current.data(), 1, current.size(), f);
        std::fclose(f);
    }
    std::fprintf(stderr, "replay: the input that failed (%zu bytes) is in %s\n", current.size(), crashPath);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void run(const std::string &input)
{
    current = input;
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.data()), input.size());
}

std::string readFile(const std::filesystem::path &p)
{
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string mutate(const std::vector<std::string> &corpus, std::mt19937_64 &rng)
{
    std::string s = corpus[rng() % corpus.size()];
    const int steps = 1 + int(rng() % 4);
    for (int k = 0; k < steps; ++k) {
        const size_t at = s.empty() ? 0 : rng() % s.size();
        switch (rng() % 7) {
        case 0: if (!s.empty()) s[at] = char(s[at] ^ (1 << (rng() % 8))); break;               // flip a bit
        case 1: if (!s.empty()) s[at] = char(rng()); break;                                      // a byte
        case 2: s.insert(at, 1, char(rng())); break;                                            // insert
        case 3: if (!s.empty()) s.erase(at, 1 + rng() % std::min<size_t>(16, s.size() - at)); break; // remove
        case 4: if (!s.empty()) s.insert(at, s.substr(at, 1 + rng() % 64)); break;              // repeat
        case 5: s.resize(at); break;                                                             // cut
        case 6: {                                                                                // splice
            const std::string &o = corpus[rng() % corpus.size()];
            if (!o.empty())
                s.insert(at, o.substr(rng() % o.size(), 1 + rng() % 256));
            break;
        }
        }
    }
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    static std::string crashName = "replay-crash-" + std::filesystem::path(argv[0]).filename().string();
    crashPath = crashName.c_str();
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL})
        ::signal(sig, saveCurrent);
    long runs = 0;
    std::vector<std::string> corpus;
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "-runs=", 6) == 0) {
            runs = std::atol(argv[i] + 6);
            continue;
        }
        if (argv[i][0] == '-')
            continue; // libFuzzer's other flags mean nothing here
        std::vector<std::filesystem::path> files;
        if (std::filesystem::is_directory(argv[i])) {
            for (const auto &e : std::filesystem::recursive_directory_iterator(argv[i]))
                if (e.is_regular_file())
                    files.push_back(e.path());
            std::sort(files.begin(), files.end());
        } else {
            files.push_back(argv[i]);
        }
        for (const auto &f : files)
            corpus.push_back(readFile(f));
    }
    for (const std::string &input : corpus)
        run(input);
    std::mt19937_64 rng(1);
    for (long r = 0; r < runs && !corpus.empty(); ++r)
        run(mutate(corpus, rng));
    std::printf("replay: %zu corpus inputs and %ld mutations ran without a finding\n", corpus.size(), runs);
    return 0;
}
