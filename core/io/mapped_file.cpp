#include "mapped_file.h"

#include <algorithm>
#include <csignal>
#include <cstdint>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vs {

namespace {

// The mappings the SIGBUS handler answers for: a slot is free while its begin is 0, being filled
// while it is kClaiming.
struct Slot {
    std::atomic<uintptr_t> begin{0}, end{0};
    std::atomic<bool> changed{false};
};
constexpr int kSlots = 64;
constexpr uintptr_t kClaiming = 1;
Slot slots[kSlots];
uintptr_t pageSize = 4096;
struct sigaction previous;

void onSigbus(int sig, siginfo_t *info, void *context)
{
    const uintptr_t at = reinterpret_cast<uintptr_t>(info->si_addr);
    for (Slot &s : slots) {
        const uintptr_t b = s.begin.load(std::memory_order_acquire), e = s.end.load(std::memory_order_acquire);
        if (b <= kClaiming || at < b || at >= e)
            continue;
        // the file ends before this page now: zero pages from here to the mapping's end, and
        // the faulting read is done again on them
        const uintptr_t page = at & ~(pageSize - 1);
        if (::mmap(reinterpret_cast<void *>(page), e - page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) !=
            MAP_FAILED) {
            s.changed.store(true, std::memory_order_release);
            return;
        }
    }
    // not a mapped file's: whatever was there before
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction) {
        previous.sa_sigaction(sig, info, context);
        return;
    }
    if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
        return;
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void installHandler()
{
    static std::once_flag once;
    std::call_once(once, [] {
        pageSize = uintptr_t(::sysconf(_SC_PAGESIZE));
        struct sigaction sa = {};
        sa.sa_sigaction = &onSigbus;
        sa.sa_flags = SA_SIGINFO;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGBUS, &sa, &previous);
    });
}

// A slot is taken by one thread (0 -> kClaiming), filled, then shown to the handler (its begin).
int claimSlot(uintptr_t begin, uintptr_t end)
{
    for (int i = 0; i < kSlots; ++i) {
        uintptr_t none = 0;
        if (slots[i].begin.compare_exchange_strong(none, kClaiming, std::memory_order_acq_rel)) {
            slots[i].end.store(end, std::memory_order_release);
            slots[i].changed.store(false, std::memory_order_release);
            slots[i].begin.store(begin, std::memory_order_release);
            return i;
        }
    }
    return -1;
}

} // namespace

Result<MappedFile> MappedFile::open(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorKind::Io, Msg::FileCannotBeOpenedExists, {}, path);
    struct stat st = {};
    MappedFile f;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if (st.st_size == 0) {
            ::close(fd);
            return f;
        }
        installHandler();
        const size_t length = size_t(st.st_size);
        void *map = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map != MAP_FAILED) {
            const uintptr_t b = reinterpret_cast<uintptr_t>(map);
            f.m_slot = claimSlot(b, b + ((length + pageSize - 1) & ~(pageSize - 1)));
            if (f.m_slot >= 0) {
                ::close(fd);
                f.m_map = map;
                f.m_mapLength = length;
                f.m_bytes = std::string_view(static_cast<const char *>(map), length);
                return f;
            }
            ::munmap(map, length); // no slot free: read it instead
        }
    }
    ::close(fd);
    // not a regular file, or not mappable: read into memory
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorKind::Io, Msg::FileCannotBeOpenedExists, {}, path);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad())
        return makeError(ErrorKind::Io, Msg::FileCannotBeReadToEnd, {}, path);
    f.m_copy = std::move(bytes);
    f.m_bytes = f.m_copy;
    return f;
}

MappedFile::MappedFile(MappedFile &&other) noexcept { *this = std::move(other); }

MappedFile &MappedFile::operator=(MappedFile &&other) noexcept
{
    if (this == &other)
        return *this;
    reset();
    m_map = other.m_map;
    m_mapLength = other.m_mapLength;
    m_slot = other.m_slot;
    m_released = other.m_released;
    m_copy = std::move(other.m_copy);
    m_bytes = m_map ? other.m_bytes : std::string_view(m_copy);
    other.m_map = nullptr;
    other.m_mapLength = 0;
    other.m_slot = -1;
    other.m_bytes = {};
    other.m_released = 0;
    return *this;
}

MappedFile::~MappedFile() { reset(); }

void MappedFile::reset()
{
    if (m_map) {
        slots[m_slot].begin.store(0, std::memory_order_release);
        ::munmap(m_map, m_mapLength);
    }
    m_map = nullptr;
    m_slot = -1;
    m_bytes = {};
    m_copy.clear();
}

bool MappedFile::changed() const { return m_map && slots[m_slot].changed.load(std::memory_order_acquire); }

void MappedFile::release(size_t upTo)
{
    if (!m_map)
        return;
    upTo = std::min(upTo, m_mapLength) & ~size_t(pageSize - 1);
    if (upTo <= m_released)
        return;
    ::madvise(static_cast<char *>(m_map) + m_released, upTo - m_released, MADV_DONTNEED);
    m_released = upTo;
}

} // namespace vs
