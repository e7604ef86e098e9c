#include "zip_archive.h"

#include <zip.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace vs {

Result<std::shared_ptr<ZipArchive>> ZipArchive::open(const std::string &path, ZipLimits limits)
{
    int err = 0;
    zip_t *z = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z) {
        if (err == ZIP_ER_NOENT || err == ZIP_ER_OPEN || err == ZIP_ER_READ)
            return makeError(ErrorKind::Io, Msg::FileCannotBeOpened, {}, path);
        return makeError(ErrorKind::Format, Msg::ZipDamaged, {}, path);
    }
    std::shared_ptr<ZipArchive> a(new ZipArchive);
    a->m_zip = z;
    a->m_path = path;
    a->m_limits = limits;
    return a;
}

ZipArchive::~ZipArchive()
{
    if (m_zip)
        zip_discard(m_zip);
}

bool ZipArchive::has(const std::string &name) const
{
    return zip_name_locate(m_zip, name.c_str(), 0) >= 0;
}

uint64_t ZipArchive::size(const std::string &name) const
{
    zip_stat_t st;
    return zip_stat(m_zip, name.c_str(), 0, &st) == 0 ? st.size : 0;
}

uint64_t ZipArchive::compressedSize(const std::string &name) const
{
    zip_stat_t st;
    return zip_stat(m_zip, name.c_str(), 0, &st) == 0 ? st.comp_size : 0;
}

Status ZipArchive::check(const std::string &name, uint64_t &declared) const
{
    zip_stat_t st;
    if (zip_stat(m_zip, name.c_str(), 0, &st) != 0)
        return makeError(ErrorKind::Format, Msg::PartMissing, {name}, m_path);
    declared = st.size;
    if (st.size > m_limits.maxEntryBytes)
        return makeError(ErrorKind::Format, Msg::PartWouldInflate, {name, std::to_string(st.size >> 20)}, m_path);
    if (st.size > (uint64_t(64) << 20) && st.comp_size > 0 && double(st.size) / double(st.comp_size) > m_limits.maxRatio)
        return makeError(ErrorKind::Format, Msg::PartCompressionRatio, {name, std::to_string(st.size / st.comp_size)},
                         m_path);
    return Ok{};
}

Status ZipArchive::stream(const std::string &name, const std::function<bool(const char *, size_t)> &sink,
                          const std::atomic<bool> *cancel, const std::function<void(double)> &progress) const
{
    uint64_t declared = 0;
    if (Status s = check(name, declared); !s)
        return s;
    zip_file_t *f = zip_fopen(m_zip, name.c_str(), 0);
    if (!f)
        return makeError(ErrorKind::Format, Msg::PartCannotBeRead, {name}, m_path);
    const std::unique_ptr<zip_file_t, int (*)(zip_file_t *)> closeFile(f, zip_fclose);

    // Inflating runs on a second thread, one buffer ahead of the consumer (parsing), so that
    // both cores work on a large sheet. Buffers go round between the two through small queues.
    constexpr size_t kBufSize = 256 << 10; // small: the parser's own buffer grows to about two
    struct Piece { std::vector<char> data; size_t size = 0; };
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Piece> full, empty;
    for (int i = 0; i < 3; ++i)
        empty.push_back(Piece{std::vector<char>(kBufSize), 0});
    bool finished = false, stop = false;
    std::optional<Error> readError;
    std::exception_ptr inflaterFailure; // no exception may leave a std::thread: it is carried over

    std::thread inflater([&] {
        try {
            uint64_t total = 0;
            for (;;) {
                Piece piece;
                {
                    std::unique_lock lock(mutex);
                    changed.wait(lock, [&] { return stop || !empty.empty(); });
                    if (stop)
                        break;
                    piece = std::move(empty.front());
                    empty.pop_front();
                }
                const zip_int64_t n = zip_fread(f, piece.data.data(), piece.data.size());
                std::optional<Error> err;
                if (n < 0)
                    err = makeError(ErrorKind::Format, Msg::PartCannotBeInflated,
                                    {name, zip_error_strerror(zip_file_get_error(f))}, m_path);
                else if ((total += uint64_t(n)) > declared || total > m_limits.maxEntryBytes) // a directory that lies
                    err = makeError(ErrorKind::Format, Msg::PartInflatesBeyond, {name}, m_path);
                std::lock_guard lock(mutex);
                if (err || n == 0) {
                    readError = err;
                    finished = true;
                    changed.notify_all();
                    break;
                }
                piece.size = size_t(n);
                full.push_back(std::move(piece));
                changed.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            inflaterFailure = std::current_exception();
            finished = true;
            changed.notify_all();
        }
    });
    // However the consumer leaves (an error, enough read, or an exception such as bad_alloc
    // from the parser), the inflater is stopped and joined first: a std::thread destroyed while
    // it runs calls std::terminate.
    auto stopInflater = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
            changed.notify_all();
        }
        if (inflater.joinable())
            inflater.join();
    };
    struct JoinOnExit {
        decltype(stopInflater) &f;
        ~JoinOnExit() { f(); }
    } joinOnExit{stopInflater};

    Status result = Ok{};
    uint64_t consumed = 0;
    for (;;) {
        Piece piece;
        {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return !full.empty() || finished; });
            if (full.empty()) {
                if (readError)
                    result = *readError;
                break;
            }
            piece = std::move(full.front());
            full.pop_front();
        }
        bool more = true;
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            result = makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, m_path);
            more = false;
        } else {
            more = sink(piece.data.data(), piece.size);
            consumed += piece.size;
            if (progress && declared)
                progress(double(consumed) / double(declared));
        }
        std::lock_guard lock(mutex);
        empty.push_back(std::move(piece));
        changed.notify_all();
        if (!more)
            break;
    }
    stopInflater();
    if (inflaterFailure)
        std::rethrow_exception(inflaterFailure);
    return result;
}

Result<std::string> ZipArchive::read(const std::string &name, uint64_t maxBytes) const
{
    std::string out;
    bool tooBig = false;
    Status s = stream(name, [&](const char *d, size_t n) {
        if (out.size() + n > maxBytes) {
            tooBig = true;
            return false;
        }
        out.append(d, n);
        return true;
    });
    if (!s)
        return s.error();
    if (tooBig)
        return makeError(ErrorKind::Format, Msg::PartTooLarge, {name}, m_path);
    return out;
}

} // namespace vs
