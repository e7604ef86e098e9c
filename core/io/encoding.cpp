#include "encoding.h"

#include <uchardet/uchardet.h>

#include <algorithm>
#include <cstring>
#include <cerrno>
#include <iconv.h>
#include <memory>
#include <vector>

#include "core/parallel.h"

namespace vs {

namespace {
// The length of the UTF-8 character at p (1 to 4 bytes), or 0 when it is not one: a bad lead
// byte, a cut or bad continuation, an overlong form, a surrogate, past U+10FFFF.
inline int utf8Length(const unsigned char *p, const unsigned char *end)
{
    const unsigned char c = *p;
    if (c < 0x80)
        return 1;
    int n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
    else return 0;
    if (end - p <= n)
        return 0;
    for (int i = 1; i <= n; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n + 1;
}

constexpr uint64_t kHighBits = 0x8080808080808080ULL, kLowBits = 0x0101010101010101ULL;

// The first byte at which the text stops being UTF-8 (or holds a zero byte, when zeros count as
// bad), else npos. Runs of ASCII are skipped 8 bytes at a time.
template <bool ZerosAreBad>
size_t firstBadByte(std::string_view bytes)
{
    const auto *begin = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *p = begin;
    const auto *end = p + bytes.size();
    while (p < end) {
        while (end - p >= 8) {
            uint64_t w;
            std::memcpy(&w, p, 8);
            // a byte >= 0x80, or (when asked) a zero byte: (w - 0x01..) & ~w has its high bit
            const uint64_t stop = ZerosAreBad ? (w | ((w - kLowBits) & ~w)) & kHighBits : w & kHighBits;
            if (stop)
                break;
            p += 8;
        }
        if (p >= end)
            break;
        if (ZerosAreBad && *p == 0)
            return size_t(p - begin);
        const int n = utf8Length(p, end);
        if (n == 0)
            return size_t(p - begin);
        p += n;
    }
    return std::string_view::npos;
}
} // namespace

size_t firstInvalidUtf8(std::string_view bytes)
{
    return firstBadByte<false>(bytes);
}

bool isUtf8WithoutZeros(std::string_view bytes)
{
    return firstBadByte<true>(bytes) == std::string_view::npos;
}

bool isValidUtf8(std::string_view bytes)
{
    return firstInvalidUtf8(bytes) == std::string_view::npos;
}

std::string canonicalEncodingName(std::string_view name)
{
    std::string n(name);
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    n.erase(std::remove(n.begin(), n.end(), '_'), n.end());
    if (n == "UTF8" || n == "UTF-8-SIG" || n == "ASCII" || n == "US-ASCII")
        return "UTF-8";
    if (n == "GBK" || n == "GB2312" || n == "GB18030" || n == "CP936" || n == "HZ-GB-2312" || n == "EUC-CN")
        return "GB18030";
    if (n == "LATIN1" || n == "LATIN-1" || n == "ISO-8859-1" || n == "ISO8859-1" || n == "CP1252" ||
        n == "WINDOWS-1252" || n == "ISO-8859-15")
        return "WINDOWS-1252";
    if (n == "UTF16" || n == "UTF-16")
        return "UTF-16";
    if (n == "UTF16LE")
        return "UTF-16LE";
    if (n == "UTF16BE")
        return "UTF-16BE";
    return n;
}

namespace {
constexpr size_t kChunk = size_t(64) << 20;

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

// firstInvalidUtf8 in parts read on every core (a text of some megabytes and more). A part
// starts at a byte that is no continuation byte (at most three steps on; a longer run of them is
// invalid and found by the part before), so that when all before it is valid it starts where the
// one-pass scan has a character start: the first part with a bad byte has the first bad byte.
size_t firstInvalidUtf8Checked(std::string_view b, const std::atomic<bool> *cancel)
{
    const size_t parts = std::max(scanParts(b.size()), b.size() / kChunk + 1);
    std::vector<size_t> start(parts + 1, b.size());
    for (size_t k = 0; k < parts; ++k) {
        size_t at = b.size() / parts * k;
        for (int step = 0; k > 0 && step < 3 && at < b.size() && (uint8_t(b[at]) & 0xC0) == 0x80; ++step)
            ++at;
        start[k] = std::max(at, k > 0 ? start[k - 1] : 0);
    }
    std::vector<size_t> bad(parts, std::string_view::npos);
    parallelFor(parts, [&](size_t k) {
        if (cancelled(cancel))
            return;
        const size_t found = firstInvalidUtf8(b.substr(start[k], start[k + 1] - start[k]));
        if (found != std::string_view::npos)
            bad[k] = start[k] + found;
    });
    if (cancelled(cancel))
        return 0;
    for (size_t k = 0; k < parts; ++k)
        if (bad[k] != std::string_view::npos)
            return bad[k];
    return std::string_view::npos;
}
} // namespace

DetectedEncoding detectEncoding(std::string_view b, const std::atomic<bool> *cancel)
{
    auto starts = [&](std::string_view p) { return b.substr(0, p.size()) == p; };
    if (starts("\xEF\xBB\xBF"))
        return {"UTF-8", 3};
    if (starts(std::string_view("\xFF\xFE\x00\x00", 4)))
        return {"UTF-32LE", 4};
    if (starts("\xFF\xFE"))
        return {"UTF-16LE", 2};
    if (starts("\xFE\xFF"))
        return {"UTF-16BE", 2};

    // UTF-16 without a BOM: text in Latin script has a zero in every other byte.
    const size_t probe = std::min<size_t>(b.size(), 4096) & ~size_t(1);
    size_t evenZeros = 0, oddZeros = 0;
    for (size_t i = 0; i < probe; i += 2) {
        evenZeros += b[i] == 0;
        oddZeros += b[i + 1] == 0;
    }
    if (probe >= 4) {
        if (oddZeros > probe / 4 && evenZeros == 0)
            return {"UTF-16LE", 0};
        if (evenZeros > probe / 4 && oddZeros == 0)
            return {"UTF-16BE", 0};
    }

    if (firstInvalidUtf8Checked(b, cancel) == std::string_view::npos)
        return {"UTF-8", 0};

    // uchardet on a sample that holds the high bytes (plain ASCII tells it nothing).
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> det(uchardet_new(), uchardet_delete);
    const size_t limit = 1 << 20;
    size_t firstHigh = 0;
    while (firstHigh < b.size() && (unsigned char)b[firstHigh] < 0x80)
        ++firstHigh;
    size_t start = firstHigh > 1024 ? firstHigh - 1024 : 0;
    // start at a line boundary so that a multi-byte character is not cut
    while (start > 0 && b[start - 1] != '\n')
        --start;
    std::string_view sample = b.substr(start, limit);
    uchardet_handle_data(det.get(), sample.data(), sample.size());
    uchardet_data_end(det.get());
    std::string name = canonicalEncodingName(uchardet_get_charset(det.get()));
    if (name.empty() || name == "UTF-8")
        name = "WINDOWS-1252"; // not valid UTF-8, so the most common single-byte encoding
    return {name, 0};
}

Status checkUtf8(std::string_view bytes, size_t bomBytes, const std::string &file, const std::atomic<bool> *cancel)
{
    const std::string_view in = bytes.substr(std::min(bomBytes, bytes.size()));
    const size_t lo = firstInvalidUtf8Checked(in, cancel);
    if (cancelled(cancel))
        return makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, file);
    if (lo != std::string_view::npos) {
        // one pass finds the first bad byte, and its row for the message
        const int64_t row = 1 + std::count(in.begin(), in.begin() + lo, '\n');
        return makeError(ErrorKind::Encoding, Msg::InvalidUtf8, {std::to_string(lo + bomBytes)}, file, row);
    }
    return Ok{};
}

Result<std::string> convertToUtf8(std::string_view bytes, const DetectedEncoding &enc, const std::string &file,
                                  const std::atomic<bool> *cancel)
{
    std::string_view in = bytes.substr(std::min(enc.bomBytes, bytes.size()));
    if (enc.name == "UTF-8") {
        VS_TRY(checkUtf8(bytes, enc.bomBytes, file, cancel));
        return std::string(in);
    }
    iconv_t cd = iconv_open("UTF-8", enc.name.c_str());
    if (cd == iconv_t(-1))
        return makeError(ErrorKind::Encoding, Msg::EncodingNotSupported, {enc.name}, file);
    std::string out;
    out.resize(in.size() * 2 + 16);
    char *src = const_cast<char *>(in.data());
    size_t srcLeft = in.size();
    char *dst = out.data();
    size_t dstLeft = out.size();
    while (srcLeft > 0) {
        if (cancelled(cancel)) {
            iconv_close(cd);
            return makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, file);
        }
        size_t chunk = std::min(srcLeft, kChunk);
        const char *before = src;
        size_t r = iconv(cd, &src, &chunk, &dst, &dstLeft);
        srcLeft -= size_t(src - before);
        if (r != size_t(-1))
            continue; // this chunk is done
        if (errno == EINVAL && srcLeft > chunk)
            continue; // a character cut by the chunk's end: the next chunk starts with it
        if (errno == E2BIG) {
            size_t used = size_t(dst - out.data());
            out.resize(out.size() * 2);
            dst = out.data() + used;
            dstLeft = out.size() - used;
            continue;
        }
        const size_t offset = size_t(src - in.data());
        iconv_close(cd);
        const std::string done(out.data(), size_t(dst - out.data()));
        const int64_t row = 1 + std::count(done.begin(), done.end(), '\n');
        const std::string byte = std::to_string(offset + enc.bomBytes);
        if (errno == EINVAL)
            return makeError(ErrorKind::Encoding, Msg::EndsInCharacter, {byte}, file, row);
        return makeError(ErrorKind::Encoding, Msg::InvalidByteSequence, {enc.name, byte}, file, row);
    }
    out.resize(size_t(dst - out.data()));
    iconv_close(cd);
    return out;
}

} // namespace vs
