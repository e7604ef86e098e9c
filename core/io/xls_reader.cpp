// Excel 97-2003 (.xls) through freexl, in a separate process.
//
// freexl (Debian's 1.0.6) cannot be trusted with a hostile file: a second DIMENSIONS record can
// make it free memory it does not own, repeated ones fill 256 MB each, oversized names read past
// its buffers (issue 20). We cannot fix it, so it runs in a child: the program itself started
// again in its reader mode (`valuescope --xls-reader FILE SHEET`), with an address-space and a
// CPU-time limit and no core dump. The child sends the sheets' names and the chosen sheet's cells
// back over a pipe in a small binary format; this process checks every byte of it and types the
// cells as for any workbook (SheetTableBuilder). A crash, a limit reached or output that does not
// read is "this .xls file is damaged", never the end of the window. Stop reading kills the child.
//
// The format (native byte order: the child is this very program): messages of a tag byte and
// its fields; strings are u32 length + UTF-8.
//   'H' u32 version          'S' string: a sheet's name     'C' u32 the chosen sheet (or ~0u)
//   'D' u32 rows, u16 columns  'R' u32 row (0-based)         'N' u16 column, f64 value
//   'T' u16 column, string   'P' u32 rows done               'E' u8 what, i32 freexl code
//   'Z' the end: everything was sent
#include "workbook_readers.h"

#include "core/io/budget.h"
#include "core/io/encoding.h"
#include "core/io/rows.h"
#include "core/io/sheet_table.h"
#include "core/process.h"
#include "core/table/cell_parse.h"

#include <freexl.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace vs {

namespace {

constexpr uint32_t kVersion = 1;
constexpr const char *kReaderFlag = "--xls-reader";
// What the child may take. A full BIFF8 sheet (65,536 x 256 cells) takes freexl about 270 MB.
constexpr rlim_t kChildMemory = rlim_t(1) << 30;
constexpr rlim_t kChildCpuSeconds = 10;
// and in time from its start: a child stopped (or starved of the processor) is not waited for
constexpr auto kChildWallTime = std::chrono::seconds(60);
constexpr uint32_t kMaxText = 16u << 20; // a string in the output; freexl's are at most 32,767 characters
constexpr uint32_t kNoSheet = ~0u;

enum class Failure : uint8_t { Open = 1, Password = 2, NoSheets = 3, SelectSheet = 4, Dimensions = 5, Memory = 6 };

// ------------------------------------------------------------------ the child: freexl -> pipe

class Writer {
public:
    explicit Writer(int fd) : m_fd(fd) { m_buf.reserve(kSize); }
    ~Writer() { flush(); }
    void tag(char t) { put(&t, 1); }
    template <class T>
    void value(T v) { put(&v, sizeof v); }
    void string(std::string_view s)
    {
        const auto n = uint32_t(std::min<size_t>(s.size(), kMaxText));
        value(n);
        put(s.data(), n);
    }
    void flush()
    {
        size_t done = 0;
        while (done < m_buf.size()) {
            const ssize_t n = ::write(m_fd, m_buf.data() + done, m_buf.size() - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                ::_exit(3); // the reading side has gone: nothing more to do
            done += size_t(n);
        }
        m_buf.clear();
    }

private:
    static constexpr size_t kSize = 64 << 10;
    void put(const void *p, size_t n)
    {
        if (m_buf.size() + n > kSize)
            flush();
        m_buf.append(static_cast<const char *>(p), n);
    }
    int m_fd;
    std::string m_buf;
};

void limitChild()
{
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    const rlimit cpu{kChildCpuSeconds, kChildCpuSeconds + 1}; // SIGXCPU, then SIGKILL
    ::setrlimit(RLIMIT_CPU, &cpu);
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer (the fuzzing build) maps terabytes of shadow memory: no address-space
    // limit there (its own allocator_may_return_null and malloc_limit_mb stand in)
#elif defined(__has_feature)
#if !__has_feature(address_sanitizer)
    const rlimit as{kChildMemory, kChildMemory};
    ::setrlimit(RLIMIT_AS, &as);
#endif
#else
    const rlimit as{kChildMemory, kChildMemory};
    ::setrlimit(RLIMIT_AS, &as);
#endif
}

int runReader(const char *path, const char *sheet, int fd)
{
    Writer out(fd);
    out.tag('H');
    out.value(kVersion);
    auto fail = [&](Failure what, int code) {
        out.tag('E');
        out.value(uint8_t(what));
        out.value(int32_t(code));
        out.flush();
        return 0;
    };
    const void *handle = nullptr;
    const int rc = freexl_open(path, &handle);
    if (rc != FREEXL_OK || !handle) {
        // freexl says FREEXL_OK and gives no workbook when an allocation fails: if it took
        // half of what it may before failing, that is what happened (repeated DIMENSIONS)
        rusage use{};
        ::getrusage(RUSAGE_SELF, &use);
        const bool memory = rc == FREEXL_INSUFFICIENT_MEMORY || uint64_t(use.ru_maxrss) * 1024 > kChildMemory / 2;
        return fail(memory ? Failure::Memory : Failure::Open, rc);
    }
    unsigned int obfuscated = 0;
    if (freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &obfuscated) == FREEXL_OK && obfuscated == FREEXL_BIFF_OBFUSCATED)
        return fail(Failure::Password, 0);
    unsigned int sheetCount = 0;
    if (freexl_get_info(handle, FREEXL_BIFF_SHEET_COUNT, &sheetCount) != FREEXL_OK || sheetCount == 0)
        return fail(Failure::NoSheets, 0);
    uint32_t chosen = kNoSheet;
    for (unsigned int i = 0; i < sheetCount && i < 65536; ++i) {
        const char *name = nullptr;
        freexl_get_worksheet_name(handle, (unsigned short)i, &name);
        const std::string_view n = name ? name : "";
        out.tag('S');
        out.string(n);
        if (chosen == kNoSheet && (!*sheet || n == sheet))
            chosen = i;
    }
    out.tag('C');
    out.value(chosen);
    if (chosen == kNoSheet) {
        out.tag('Z');
        return 0;
    }
    if (freexl_select_active_worksheet(handle, (unsigned short)chosen) != FREEXL_OK)
        return fail(Failure::SelectSheet, 0);
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(handle, &rows, &cols) != FREEXL_OK)
        return fail(Failure::Dimensions, 0);
    out.tag('D');
    out.value(uint32_t(rows));
    out.value(uint16_t(cols));
    // a sheet without columns has no cells, however many rows its DIMENSIONS claims (issue 20:
    // 2.4 billion rows and no columns were looped over for 10 s)
    for (unsigned int r = 0; cols > 0 && r < rows; ++r) {
        bool started = false;
        for (unsigned short c = 0; c < cols; ++c) {
            FreeXL_CellValue v;
            if (freexl_get_cell_value(handle, r, c, &v) != FREEXL_OK)
                continue;
            const bool number = v.type == FREEXL_CELL_INT || v.type == FREEXL_CELL_DOUBLE;
            const bool text = (v.type == FREEXL_CELL_TEXT || v.type == FREEXL_CELL_SST_TEXT || v.type == FREEXL_CELL_DATE ||
                               v.type == FREEXL_CELL_DATETIME || v.type == FREEXL_CELL_TIME) &&
                              v.value.text_value;
            if (!number && !text)
                continue;
            if (!started) {
                out.tag('R');
                out.value(uint32_t(r));
                started = true;
            }
            if (number) {
                out.tag('N');
                out.value(uint16_t(c));
                out.value(v.type == FREEXL_CELL_INT ? double(v.value.int_value) : v.value.double_value);
            } else {
                out.tag('T');
                out.value(uint16_t(c));
                out.string(trimSpaces(v.value.text_value)); // trimmed here, once: freexl repeats shared strings
            }
        }
        if ((r & 4095) == 4095) {
            out.tag('P');
            out.value(uint32_t(r + 1));
        }
    }
    freexl_close(handle);
    out.tag('Z');
    return 0;
}

// ------------------------------------------------------------------ the parent: pipe -> table

// Reads the child's output as it comes; any byte out of place is a damaged file.
class OutputReader {
public:
    // fileBytes: the size of the .xls, what the memory budget grows with (not the output, in which
    // freexl repeats a shared string for every cell that shows it)
    OutputReader(const std::string &path, const ReadOptions &opt, uint64_t fileBytes)
        : m_path(path), m_opt(opt), m_fileBytes(fileBytes) {}

    // false once no more is wanted: the end, an error, or the table has its rows
    bool feed(const char *data, size_t size)
    {
        if (m_stop)
            return false;
        m_buf.append(data, size);
        size_t pos = 0;
        while (!m_stop && pos < m_buf.size()) {
            const size_t used = message(std::string_view(m_buf).substr(pos));
            if (used == 0)
                break; // the message goes on in the next piece
            pos += used;
        }
        m_buf.erase(0, pos);
        if (!m_stop && m_buf.size() > kMaxText + 64)
            garbage();
        return !m_stop;
    }

    // after the child has ended (or been stopped): the table, or why not
    Result<ReadResult> finish(bool childOk, const std::optional<Error> &childError)
    {
        if (m_error)
            return *m_error;
        if (m_table && m_table->failed())
            return m_table->finish();
        if (m_noSheet)
            return noSuchSheet(m_path, m_opt.sheet, m_report.sheets);
        if (m_tableDone)
            return m_table->finish();
        if (childError)
            return *childError;
        if (!m_ended || !childOk || !m_table)
            return makeError(ErrorKind::Format, Msg::XlsReaderGarbage, {}, m_path);
        if (m_opt.progress)
            m_opt.progress(0.95);
        return m_table->finish();
    }

    bool ended() const { return m_ended; }

private:
    void garbage()
    {
        if (!m_error)
            m_error = makeError(ErrorKind::Format, Msg::XlsReaderGarbage, {}, m_path);
        m_stop = true;
    }

    template <class T>
    static bool take(std::string_view &in, T &v)
    {
        if (in.size() < sizeof v)
            return false;
        std::memcpy(&v, in.data(), sizeof v);
        in.remove_prefix(sizeof v);
        return true;
    }
    static bool takeString(std::string_view &in, std::string_view &s, bool &tooLong)
    {
        uint32_t n = 0;
        if (!take(in, n))
            return false;
        if (n > kMaxText) {
            tooLong = true;
            return false;
        }
        if (in.size() < n)
            return false;
        s = in.substr(0, n);
        in.remove_prefix(n);
        return true;
    }

    // Reads one whole message at the start of in: its length, 0 if it is not all there yet.
    size_t message(std::string_view in)
    {
        const size_t whole = in.size();
        const char tag = in[0];
        in.remove_prefix(1);
        // the order: H, S..., C, then D, rows and cells, Z
        switch (tag) {
        case 'H': {
            uint32_t v = 0;
            if (!take(in, v))
                return 0;
            if (m_hello || v != kVersion)
                return garbage(), 0;
            m_hello = true;
            break;
        }
        case 'S': {
            std::string_view name;
            bool tooLong = false;
            if (!takeString(in, name, tooLong))
                return tooLong ? (garbage(), 0) : 0;
            if (!m_hello || m_chosen || !isValidUtf8(name) || m_report.sheets.size() >= 65536)
                return garbage(), 0;
            m_report.sheets.emplace_back(name);
            break;
        }
        case 'C': {
            uint32_t c = 0;
            if (!take(in, c))
                return 0;
            if (!m_hello || m_chosen || (c != kNoSheet && c >= m_report.sheets.size()))
                return garbage(), 0;
            m_chosen = true;
            if (c == kNoSheet)
                m_noSheet = true;
            else
                m_report.sheet = m_report.sheets[c];
            break;
        }
        case 'D': {
            uint32_t rows = 0;
            uint16_t cols = 0;
            if (!take(in, rows) || !take(in, cols))
                return 0;
            if (!m_chosen || m_noSheet || m_table)
                return garbage(), 0;
            m_rows = rows;
            m_cols = cols;
            m_report.format = "xls";
            m_report.encoding = "UTF-8";
            m_report.delimiter = 0;
            m_table.emplace(m_path, m_opt, m_report);
            m_table->expectRows(rows); // a hint (budget.h)
            m_table->consumed(m_fileBytes);
            break;
        }
        case 'R': {
            uint32_t r = 0;
            if (!take(in, r))
                return 0;
            if (!m_table || r >= m_rows || (m_inRow && r <= m_row))
                return garbage(), 0;
            endRow();
            m_row = r;
            m_inRow = true;
            m_table->startRow(int64_t(r) + 1);
            break;
        }
        case 'N': {
            uint16_t c = 0;
            double v = 0;
            if (!take(in, c) || !take(in, v))
                return 0;
            if (!m_inRow || c >= m_cols)
                return garbage(), 0;
            // 1e16 and up are written with more than 15 digits: an identifier, as in a CSV
            if (std::fabs(v) < 1e15)
                m_table->number(c, v);
            else
                m_table->numberText(c, formatNumber(v));
            break;
        }
        case 'T': {
            uint16_t c = 0;
            std::string_view s;
            bool tooLong = false;
            if (!take(in, c))
                return 0;
            if (!takeString(in, s, tooLong))
                return tooLong ? (garbage(), 0) : 0;
            if (!m_inRow || c >= m_cols || !isValidUtf8(s))
                return garbage(), 0;
            m_table->text(c, s);
            break;
        }
        case 'P': {
            uint32_t done = 0;
            if (!take(in, done))
                return 0;
            if (!m_table || done > m_rows)
                return garbage(), 0;
            if (m_opt.progress && m_rows)
                m_opt.progress(0.95 * double(done) / double(m_rows));
            if (m_opt.cancel && m_opt.cancel->load(std::memory_order_relaxed)) {
                m_error = makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, m_path);
                m_stop = true;
            }
            break;
        }
        case 'E': {
            uint8_t what = 0;
            int32_t code = 0;
            if (!take(in, what) || !take(in, code))
                return 0;
            if (!m_hello || m_table)
                return garbage(), 0;
            switch (Failure(what)) {
            case Failure::Open: m_error = makeError(ErrorKind::Format, Msg::XlsDamaged, {std::to_string(code)}, m_path); break;
            case Failure::Memory:
                m_error = makeError(ErrorKind::Format, Msg::XlsReaderMemoryLimit, {std::to_string(kChildMemory >> 20)}, m_path);
                break;
            case Failure::Password: m_error = makeError(ErrorKind::Format, Msg::XlsPasswordProtected, {}, m_path); break;
            case Failure::NoSheets: m_error = makeError(ErrorKind::Format, Msg::WorkbookNoSheets, {}, m_path); break;
            case Failure::SelectSheet:
            case Failure::Dimensions:
                m_error = makeError(ErrorKind::Format, Msg::SheetCannotBeRead, {m_report.sheet}, m_path);
                break;
            default: return garbage(), 0;
            }
            m_stop = true;
            break;
        }
        case 'Z':
            if (!m_chosen || (!m_noSheet && !m_table))
                return garbage(), 0;
            endRow();
            m_ended = true;
            m_stop = true;
            break;
        default: return garbage(), 0;
        }
        return whole - in.size();
    }

    void endRow()
    {
        if (!m_inRow)
            return;
        m_inRow = false;
        if (!m_table->endRow()) { // enough rows (a preview), or the table stopped (its finish says why)
            m_tableDone = true;
            m_stop = true;
        }
    }

    const std::string &m_path;
    const ReadOptions &m_opt;
    uint64_t m_fileBytes = 0;
    std::string m_buf;
    ReadReport m_report;
    std::optional<SheetTableBuilder> m_table;
    std::optional<Error> m_error;
    uint32_t m_rows = 0, m_row = 0;
    uint16_t m_cols = 0;
    bool m_hello = false, m_chosen = false, m_noSheet = false, m_inRow = false, m_ended = false, m_stop = false,
         m_tableDone = false;
};

std::string signalName(int sig)
{
    const char *d = ::sigdescr_np(sig);
    return "signal " + std::to_string(sig) + (d ? std::string(" (") + d + ")" : std::string());
}

} // namespace

bool isXlsReaderMode(int argc, char **argv)
{
    return argc >= 2 && std::strcmp(argv[1], kReaderFlag) == 0;
}

int xlsReaderMain(int argc, char **argv)
{
    if (argc != 4)
        return 2;
    limitChild();
    return runReader(argv[2], argv[3], STDOUT_FILENO);
}

Result<ReadResult> readXlsOutput(std::string_view output, const std::string &path, const ReadOptions &opt)
{
    OutputReader reader(path, opt, output.size());
    reader.feed(output.data(), output.size());
    return reader.finish(true, std::nullopt);
}

Result<ReadResult> readXlsFile(const std::string &path, const ReadOptions &opt)
{
    if (opt.cancel && opt.cancel->load())
        return makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, path);
    const std::string exe = helperExecutable();
    if (exe.empty() || ::access(exe.c_str(), X_OK) != 0)
        return makeError(ErrorKind::Io, Msg::XlsReaderMissing,
                         {exe.empty() ? std::string("no program set") : exe + ": " + std::strerror(errno)}, path);
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return makeError(ErrorKind::Io, Msg::XlsReaderMissing, {std::strerror(errno)}, path);

    // the child: stdout is the pipe, stdin and stderr /dev/null (a crash report is not for the
    // user), no other descriptor of ours, signals as a fresh program has them
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int sig : {SIGPIPE, SIGXCPU, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGCHLD, SIGINT, SIGTERM, SIGHUP})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    std::string flag = kReaderFlag, file = path, sheet = opt.sheet;
    char *args[] = {const_cast<char *>(exe.c_str()), flag.data(), file.data(), sheet.data(), nullptr};
    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, exe.c_str(), &actions, &attr, args, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(fds[1]);
    if (spawned != 0) {
        ::close(fds[0]);
        return makeError(ErrorKind::Io, Msg::XlsReaderMissing, {exe + ": " + std::strerror(spawned)}, path);
    }

    // However this ends (an exception included), the child is gone and reaped, the pipe closed.
    int status = 0;
    bool reaped = false;
    auto stopChild = [&] {
        if (!reaped) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            reaped = true;
        }
    };
    struct Cleanup {
        int fd;
        decltype(stopChild) &stop;
        ~Cleanup()
        {
            stop();
            ::close(fd);
        }
    } cleanup{fds[0], stopChild};

    std::error_code sizeError;
    const uint64_t fileBytes = std::filesystem::file_size(path, sizeError);
    OutputReader reader(path, opt, sizeError ? 0 : fileBytes);
    const auto started = std::chrono::steady_clock::now();
    std::optional<Error> childError;
    std::string piece(64 << 10, '\0');
    for (;;) {
        if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) {
            stopChild();
            return makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, path);
        }
        if (std::chrono::steady_clock::now() - started > kChildWallTime) {
            childError = makeError(ErrorKind::Format, Msg::XlsReaderTimeLimit,
                                   {std::to_string(std::chrono::seconds(kChildWallTime).count())}, path);
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, 50);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready <= 0)
            continue;
        const ssize_t n = ::read(fds[0], piece.data(), piece.size());
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            break; // the child has ended (or closed its output)
        if (!reader.feed(piece.data(), size_t(n)))
            break;
    }
    // Its output is complete ('Z'), or it has ended without finishing it (its status says how),
    // or no more is wanted: in each case it goes now, and is reaped.
    const bool ended = reader.ended();
    stopChild();
    if (!childError && !ended) {
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
            childError = makeError(ErrorKind::Format, Msg::XlsReaderTimeLimit, {std::to_string(kChildCpuSeconds)}, path);
        else if (WIFSIGNALED(status) && WTERMSIG(status) != SIGKILL)
            childError = makeError(ErrorKind::Format, Msg::XlsReaderFailed, {signalName(WTERMSIG(status))}, path);
        else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
            childError = makeError(ErrorKind::Format, Msg::XlsReaderFailed,
                                   {"exit code " + std::to_string(WEXITSTATUS(status))}, path);
    }
    const bool childOk = ended;
    return reader.finish(childOk, childError);
}

} // namespace vs
