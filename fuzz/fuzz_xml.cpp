// The worksheet scanner (FastXmlScanner): whatever the bytes, the same events (text joined)
// however the input is cut into pieces, and every piece of text it gives is UTF-8. The first
// byte chooses the piece size. Seeds: the sheets and shared strings of tests/data/workbooks;
// dictionary xml.dict.
#include "fuzz_util.h"

#include "core/io/encoding.h"
#include "core/io/fast_xml.h"

#include <algorithm>

namespace {
// the events as text; text runs joined so that a text given in two calls compares equal
std::string events(std::string_view xml, size_t piece, bool *ok, std::string *error)
{
    std::string log;
    bool inText = false;
    auto start = [&](std::string_view n, std::span<const vs::XmlAttr> a) {
        inText = false;
        log += "<" + std::string(n);
        for (const vs::XmlAttr &at : a) {
            if (!vs::isValidUtf8(at.value))
                fuzz::fail("an attribute is not UTF-8");
            log += " " + std::string(at.name) + "=" + std::string(at.value);
        }
        log += ">";
    };
    auto end = [&](std::string_view n) {
        inText = false;
        log += "</" + std::string(n) + ">";
    };
    auto text = [&](std::string_view t) {
        if (!vs::isValidUtf8(t))
            fuzz::fail("a text is not UTF-8");
        if (!inText)
            log += "|";
        inText = true;
        log += t;
    };
    vs::FastXmlScanner x(start, end, text, "sheetData");
    *ok = true;
    for (size_t i = 0; i < xml.size() && *ok && !x.done(); i += piece)
        *ok = x.feed(xml.data() + i, std::min(piece, xml.size() - i));
    if (*ok && !x.done())
        *ok = x.feed(nullptr, 0, true);
    if (!*ok)
        *error = vs::englishMessage(x.error()->code, x.error()->args);
    return log;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const size_t piece = 1 + data[0] % 64;
    const std::string_view xml(reinterpret_cast<const char *>(data) + 1, size - 1);
    bool okWhole = false, okSplit = false;
    std::string errWhole, errSplit;
    const std::string whole = events(xml, std::max<size_t>(1, xml.size()), &okWhole, &errWhole);
    const std::string split = events(xml, piece, &okSplit, &errSplit);
    if (okWhole != okSplit)
        fuzz::fail("whole: " + (okWhole ? std::string("read") : errWhole) + "; in pieces of " + std::to_string(piece) +
                   ": " + (okSplit ? std::string("read") : errSplit));
    // the events before an error may stop at different places; when both read, they are the same
    if (okWhole && whole != split)
        fuzz::fail("other events in pieces of " + std::to_string(piece));
    return 0;
}
