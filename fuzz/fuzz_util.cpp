#include "fuzz_util.h"

#include <cstring>

#include "core/io/budget.h"
#include "core/io/encoding.h"

#include <zlib.h>

#include <cstdio>
#include <map>
#include <fcntl.h>
#include <unistd.h>

namespace fuzz {

const std::string &scratchFile(const char *extension)
{
    static std::map<std::string, std::string> paths; // one per extension
    std::string &path = paths[extension];
    if (path.empty()) {
        const char *dir = std::getenv("TMPDIR");
        std::string templ = std::string(dir && *dir ? dir : "/tmp") + "/vs-fuzz-XXXXXX" + extension;
        const int fd = ::mkstemps(templ.data(), int(std::string_view(extension).size()));
        if (fd < 0)
            fail("cannot make a scratch file in " + templ);
        ::close(fd);
        path = templ;
        if (paths.size() == 1)
            std::atexit([] {
                for (const auto &p : paths)
                    ::unlink(p.second.c_str());
            });
    }
    return path;
}

void writeScratch(const std::string &path, std::string_view bytes)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0)
        fail("cannot write the scratch file " + path);
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0)
            fail("cannot write the scratch file " + path);
        done += size_t(n);
    }
    ::close(fd);
}

namespace {
void le16(std::string &o, uint32_t v)
{
    o.push_back(char(v & 0xFF));
    o.push_back(char((v >> 8) & 0xFF));
}
void le32(std::string &o, uint32_t v)
{
    le16(o, v & 0xFFFF);
    le16(o, v >> 16);
}
} // namespace

std::string zipOf(const std::vector<std::pair<std::string, std::string>> &entries)
{
    std::string out, central;
    for (const auto &[name, data] : entries) {
        const uint32_t crc = uint32_t(crc32(0, reinterpret_cast<const Bytef *>(data.data()), uInt(data.size())));
        const uint32_t offset = uint32_t(out.size());
        // local file header: stored, no data descriptor
        le32(out, 0x04034b50);
        le16(out, 20);
        le16(out, 0);
        le16(out, 0);
        le16(out, 0);
        le16(out, 0x21);
        le32(out, crc);
        le32(out, uint32_t(data.size()));
        le32(out, uint32_t(data.size()));
        le16(out, uint32_t(name.size()));
        le16(out, 0);
        out += name;
        out += data;
        // its central directory entry
        le32(central, 0x02014b50);
        le16(central, 20);
        le16(central, 20);
        le16(central, 0);
        le16(central, 0);
        le16(central, 0);
        le16(central, 0x21);
        le32(central, crc);
        le32(central, uint32_t(data.size()));
        le32(central, uint32_t(data.size()));
        le16(central, uint32_t(name.size()));
        le16(central, 0);
        le16(central, 0);
        le16(central, 0);
        le16(central, 0);
        le32(central, 0);
        le32(central, offset);
        central += name;
    }
    const uint32_t centralOffset = uint32_t(out.size());
    out += central;
    le32(out, 0x06054b50);
    le16(out, 0);
    le16(out, 0);
    le16(out, uint32_t(entries.size()));
    le16(out, uint32_t(entries.size()));
    le32(out, uint32_t(central.size()));
    le32(out, centralOffset);
    le16(out, 0);
    return out;
}

std::pair<std::string_view, std::string_view> split(std::string_view data, std::string_view separator)
{
    const size_t at = data.find(separator);
    if (at == std::string_view::npos)
        return {data, {}};
    return {data.substr(0, at), data.substr(at + separator.size())};
}

void checkRead(const vs::Result<vs::ReadResult> &r)
{
    if (!r) {
        // every error is a coded message naming the file
        if (r.error().code >= vs::Msg::Count)
            fail("an error without a code");
        (void)r.error().describe();
        return;
    }
    const vs::Table &t = r->table;
    nlohmann::ordered_json j;
    j["sheets"] = r->report.sheets;
    j["sheet"] = r->report.sheet;
    j["warnings"] = vs::describeAll(r->report.warnings);
    auto cols = nlohmann::ordered_json::array();
    const size_t rows = t.rowCount();
    for (size_t k = 0; k < t.columns.size(); ++k) {
        const vs::Column &c = t.columns[k];
        if (c.size() != rows)
            fail("column '" + c.name + "' has " + std::to_string(c.size()) + " cells, the table " +
                 std::to_string(rows) + " rows");
        // every text is UTF-8 (what the JSON below would throw on), checked cell by cell; the
        // JSON itself holds the first cells of the first columns, as a preview shows them
        if (c.type == vs::ColumnType::Text)
            for (size_t i = 0; i < rows; ++i)
                if (!vs::isValidUtf8(c.texts().at(i)))
                    fail("column '" + c.name + "' row " + std::to_string(i) + " is not UTF-8");
        if (!vs::isValidUtf8(c.name))
            fail("column " + std::to_string(k) + "'s name is not UTF-8");
        if (k >= 64)
            continue; // a table of 16,384 columns in JSON took a second a run under ASan
        auto cells = nlohmann::ordered_json::array();
        for (size_t i = 0; i < rows && i < 20; ++i)
            cells.push_back(c.cellText(i));
        cols.push_back({{"name", c.name}, {"type", vs::columnTypeName(c.type)}, {"cells", cells}});
    }
    if (t.columns.size() > vs::budget::kMaxColumns + 1)
        fail("more columns than a sheet can have");
    if (!t.rowNumbers.empty() && t.rowNumbers.size() != rows)
        fail("row numbers do not match the rows");
    j["columns"] = cols;
    (void)j.dump(); // throws (and so aborts) on text that is not UTF-8
}

void checkSameRead(const vs::Result<vs::ReadResult> &a, const vs::Result<vs::ReadResult> &b)
{
    if (bool(a) != bool(b))
        fail("one read failed, the other did not: " + (a ? b.error().describe() : a.error().describe()));
    if (!a) {
        if (a.error().describe() != b.error().describe())
            fail("different errors: " + a.error().describe() + " / " + b.error().describe());
        return;
    }
    const vs::ReadReport &ra = a->report, &rb = b->report;
    if (ra.format != rb.format || ra.encoding != rb.encoding || ra.delimiter != rb.delimiter || ra.decimal != rb.decimal ||
        ra.thousands != rb.thousands || ra.headerRow != rb.headerRow || ra.dateOrder != rb.dateOrder ||
        ra.skippedBlankRows != rb.skippedBlankRows || vs::describeAll(ra.warnings) != vs::describeAll(rb.warnings))
        fail("different read reports");
    const vs::Table &ta = a->table, &tb = b->table;
    if (ta.columns.size() != tb.columns.size() || ta.rowCount() != tb.rowCount())
        fail("different table shapes");
    const size_t rows = ta.rowCount();
    for (size_t i = 0; i < rows; ++i)
        if (ta.rowNumber(i) != tb.rowNumber(i))
            fail("data row " + std::to_string(i) + " on different lines");
    for (size_t k = 0; k < ta.columns.size(); ++k) {
        const vs::Column &x = ta.columns[k], &y = tb.columns[k];
        if (x.name != y.name || x.type != y.type)
            fail("column " + std::to_string(k) + " differs in name or type");
        if (k >= 256)
            continue; // the cells of the first 256 columns (a row's pieces are the same for all)
        for (size_t i = 0; i < rows; ++i) {
            const bool same = x.type == vs::ColumnType::Text
                                  ? x.texts().at(i) == y.texts().at(i)
                                  : std::memcmp(&x.numbers()[i], &y.numbers()[i], sizeof(double)) == 0;
            if (!same)
                fail("column '" + x.name + "' row " + std::to_string(i) + " differs");
        }
    }
}

void fail(const std::string &why)
{
    std::fprintf(stderr, "fuzz: %s\n", why.c_str());
    std::abort();
}

namespace {
const char *kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
const char *kWorkbook =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><workbookPr/>"
    "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
const char *kRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "</Relationships>";
} // namespace

std::string oneSheetXlsx(const std::string &styles, const std::string &sheet, const std::string &sharedStrings)
{
    std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml", kContentTypes},
        {"xl/workbook.xml", kWorkbook},
        {"xl/_rels/workbook.xml.rels", kRels},
        {"xl/styles.xml", styles},
        {"xl/worksheets/sheet1.xml", sheet},
    };
    if (!sharedStrings.empty())
        parts.push_back({"xl/sharedStrings.xml", sharedStrings});
    return zipOf(parts);
}

} // namespace fuzz
