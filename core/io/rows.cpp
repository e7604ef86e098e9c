#include "rows.h"

#include "core/io/budget.h"
#include "core/io/typing.h"

#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>
#include <thread>

namespace vs {

namespace {

// The lines a piece's rows start on. Kept one by one only from the first gap (a blank line, a
// quoted line break): in most files row i is on line first + i.
class RowLines {
public:
    void add(int64_t line)
    {
        if (!m_gaps && m_count && line != m_first + int64_t(m_count)) {
            m_gaps = true;
            m_listed.reserve(2 * m_count);
            for (size_t i = 0; i < m_count; ++i)
                m_listed.push_back(m_first + int64_t(i));
        }
        if (m_gaps)
            m_listed.push_back(line);
        else if (!m_count)
            m_first = line;
        ++m_count;
    }
    size_t size() const { return m_count; }
    bool gaps() const { return m_gaps; }
    int64_t at(size_t i) const { return m_gaps ? m_listed[i] : m_first + int64_t(i); }

private:
    int64_t m_first = 0;
    size_t m_count = 0;
    bool m_gaps = false;
    std::vector<int64_t> m_listed;
};

// The rows of one piece of the text (tableFromRows); their cells are in the columns' buffers,
// from slot `first` on.
struct PieceRows {
    std::unique_ptr<RowCursor> cursor; // the cells' views may point into it
    size_t first = 0, room = 0;        // its stretch of the columns' slots
    RowLines rows;                     // lines from the piece's start (base)
    int64_t base = 0, lines = 0;       // the piece's first line; the lines it took
    RowShapes shapes;                  // lines from the piece's start
    bool quoteOpen = false;            // it ended inside a quoted field
    bool full = false;                 // it had more rows than slots (lone CRs as line breaks)
};

// All records of a file in three flat arrays (one allocation each, not one per record).
class RecordList {
public:
    void push(const Record &r)
    {
        m_start.push_back(m_fields.size());
        m_fields.insert(m_fields.end(), r.fields.begin(), r.fields.end());
        m_line.push_back(r.line);
    }
    size_t size() const { return m_line.size(); }
    bool empty() const { return m_line.empty(); }
    size_t bytes() const { return m_fields.size() * sizeof(std::string_view) + m_line.size() * 16; }
    SampleRow operator[](size_t i) const
    {
        const size_t b = m_start[i];
        const size_t e = i + 1 < m_start.size() ? m_start[i + 1] : m_fields.size();
        return {std::span<const std::string_view>(m_fields.data() + b, e - b), m_line[i]};
    }

private:
    std::vector<std::string_view> m_fields;
    std::vector<size_t> m_start;
    std::vector<int64_t> m_line;
};

// RFC 4180 with the leniencies real files need: CR, LF or CRLF; spaces around unquoted fields;
// ' ' as delimiter means "any run of blanks" (as in fixed-width exports such as CDNOW).
std::string_view numericCore(std::string_view s)
{
    auto keep = [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; };
    size_t b = 0, e = s.size();
    while (b < e && !keep(s[b]))
        ++b;
    while (e > b && !keep(s[e - 1]))
        --e;
    std::string_view core = s.substr(b, e - b);
    bool digit = false;
    for (char c : core) {
        digit |= (c >= '0' && c <= '9');
        if (!keep(c) && c != ' ' && c != '\'')
            return {};
    }
    // around the number only signs, brackets, spaces, % and currency symbols (not words)
    for (std::string_view side : {s.substr(0, b), s.substr(e)})
        for (char c : side)
            if (std::isalpha((unsigned char)c) || c == '/' || c == ':' || c == '"')
                return {};
    return digit ? core : std::string_view();
}

// Decimal comma or point, from the shapes of the numbers in a sample.
char sniffDecimal(std::span<const SampleRow> records, size_t first)
{
    int comma = 0, point = 0;
    for (size_t r = first; r < records.size(); ++r) {
        for (std::string_view f : records[r].fields) {
            double ignored;
            if (parseDate(f, DateOrder::Unknown, false, ignored) == CellParse::Ok)
                continue; // 31.01.2024 is a date, not a number with thousands
            std::string_view c = numericCore(f);
            if (c.empty())
                continue;
            const size_t lastComma = c.rfind(','), lastDot = c.rfind('.');
            const bool hasComma = lastComma != std::string_view::npos, hasDot = lastDot != std::string_view::npos;
            if (hasComma && hasDot) {
                (lastComma > lastDot ? comma : point) += 2; // 1.234,56 or 1,234.56
            } else if (hasComma) {
                const size_t after = c.size() - lastComma - 1;
                if (std::count(c.begin(), c.end(), ',') > 1)
                    ++point; // 1,234,567
                else if (after != 3)
                    ++comma; // 12,5
            } else if (hasDot) {
                const size_t after = c.size() - lastDot - 1;
                if (std::count(c.begin(), c.end(), '.') > 1)
                    ++comma; // 1.234.567
                else if (after != 3)
                    ++point; // 12.5
            }
        }
    }
    return comma > point ? ',' : '.';
}

enum class Kind { Empty, Number, Date, Text };

Kind cellKind(std::string_view s, const NumberFormat &fmt)
{
    double v;
    CellParse p = parseNumber(s, fmt, v);
    if (p == CellParse::Missing)
        return Kind::Empty;
    if (p == CellParse::Ok)
        return Kind::Number;
    if (parseDate(s, DateOrder::Unknown, false, v) == CellParse::Ok)
        return Kind::Date;
    return Kind::Text;
}

bool yearLike(std::string_view s)
{
    s = trimSpaces(s);
    return s.size() == 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           s >= "1900" && s <= "2100";
}

// Is this record a header? Each column votes by comparing the cell with the column's body.
bool looksLikeHeader(std::span<const SampleRow> records, size_t candidate, const NumberFormat &fmt)
{
    const SampleRow &head = records[candidate];
    int votes = 0;
    bool anyNumber = false, allText = true;
    for (size_t c = 0; c < head.fields.size(); ++c) {
        const Kind h = cellKind(head.fields[c], fmt);
        anyNumber |= h == Kind::Number;
        allText &= h == Kind::Text;
        int numeric = 0, text = 0;
        for (size_t r = candidate + 1; r < records.size(); ++r) {
            if (c >= records[r].fields.size())
                continue;
            const Kind k = cellKind(records[r].fields[c], fmt);
            numeric += (k == Kind::Number || k == Kind::Date);
            text += k == Kind::Text;
        }
        if (numeric + text == 0)
            continue;
        const bool bodyNumeric = numeric >= 4 * text;
        if (bodyNumeric && h == Kind::Text)
            ++votes;
        else if (bodyNumeric && (h == Kind::Number || h == Kind::Date) && !yearLike(head.fields[c]))
            --votes;
    }
    if (votes > 0)
        return true;
    if (votes < 0)
        return false;
    return allText || !anyNumber;
}

} // namespace

Result<TableLayout> findLayout(std::span<const SampleRow> records, const std::string &fileName,
                               const ReadOptions &opt, ReadReport &rep, const LayoutRules &rules)
{
    if (records.empty())
        return makeError(ErrorKind::Format, Msg::FileEmptyNoRows, {}, fileName);

    std::map<size_t, size_t> fieldCounts;
    for (const SampleRow &r : records)
        ++fieldCounts[r.fields.size()];
    size_t width = 1, widthCount = 0;
    for (auto [w, n] : fieldCounts)
        if (n > widthCount || (n == widthCount && w > width))
            width = w, widthCount = n;

    TableLayout layout;
    size_t headerIndex = 0; // index of the header among the non-blank records (or of the first data record)
    bool hasHeader = true;
    if (opt.headerRow.userSet) {
        hasHeader = opt.headerRow.value > 0;
        const int64_t wantLine = std::max(1, opt.headerRow.value);
        while (headerIndex < records.size() && records[headerIndex].line < wantLine)
            ++headerIndex;
        if (headerIndex >= records.size())
            return makeError(ErrorKind::Format, Msg::HeaderRowPastEnd, {std::to_string(opt.headerRow.value)}, fileName);
    } else {
        while (headerIndex < records.size() && records[headerIndex].fields.size() < width &&
               records[headerIndex].fields.size() <= 2 && width > 2)
            ++headerIndex;
    }
    {
        const auto sample = records.subspan(headerIndex, std::min<size_t>(records.size() - headerIndex, 500));
        rep.decimal = opt.decimal.userSet ? opt.decimal.value : rules.sniffDecimal ? sniffDecimal(sample, 1) : '.';
        rep.thousands = rep.decimal == ',' ? '.' : ',';
        layout.format = {rep.decimal, rep.thousands};
        if (!opt.headerRow.userSet)
            hasHeader = looksLikeHeader(sample, 0, layout.format);
    }
    rep.headerRow = hasHeader ? int(records[headerIndex].line) : 0;
    if (headerIndex > 0)
        rep.warnings.push_back({Msg::LinesAboveHeader, {std::to_string(headerIndex)}});

    // Column names.
    layout.firstData = headerIndex + (hasHeader ? 1 : 0);
    size_t columns = hasHeader ? records[headerIndex].fields.size() : width;
    if (rules.columnsFromData && layout.firstData < records.size()) {
        // a column past the header's last name that holds data in one row in twenty or more
        // (a stray note far to the right does not make a thousand empty columns)
        std::vector<size_t> filled;
        for (size_t r = layout.firstData; r < records.size(); ++r) {
            const auto f = records[r].fields;
            if (filled.size() < f.size())
                filled.resize(f.size());
            for (size_t c = columns; c < f.size(); ++c)
                filled[c] += !f[c].empty();
        }
        const size_t dataRows = records.size() - layout.firstData;
        for (size_t c = columns; c < filled.size(); ++c)
            if (filled[c] * 20 >= dataRows)
                columns = c + 1;
    }
    std::vector<std::string> &names = layout.names;
    names.resize(columns);
    {
        std::map<std::string, int> seen;
        int renamed = 0, unnamed = 0;
        for (size_t c = 0; c < columns; ++c) {
            const auto header = records[headerIndex].fields;
            std::string name = hasHeader && c < header.size() ? std::string(trimSpaces(header[c])) : std::string();
            if (name.empty()) {
                name = "column " + std::to_string(c + 1);
                unnamed += hasHeader;
            }
            if (int n = ++seen[name]; n > 1) {
                std::string unique;
                int k = n;
                do
                    unique = name + " (" + std::to_string(k++) + ")";
                while (seen.count(unique));
                seen[unique] = 1;
                name = unique;
                ++renamed;
            }
            names[c] = name;
        }
        if (unnamed)
            rep.warnings.push_back({Msg::UnnamedColumns, {std::to_string(unnamed)}});
        if (renamed)
            rep.warnings.push_back({Msg::RepeatedColumnNames, {std::to_string(renamed)}});
    }
    return layout;
}

Result<ReadResult> tableFromRows(const std::function<std::unique_ptr<RowCursor>()> &openCursor,
                                 const std::string &fileName, const ReadOptions &opt, ReadReport report)
{
    ReadResult result;
    result.report = std::move(report);
    ReadReport &rep = result.report;
    // 1. Sniff on the first records: where the header is, how numbers are written.
    const size_t sampleLimit = 1000;
    RecordList records; // the first records only
    // The records' views point into the cursor (unescaped "" fields live in its arena): it stays
    // open until the layout has been found and the names copied out.
    auto sampleCursor = openCursor();
    {
        Record rec;
        // the first 1,000 records, or fewer if they hold more than budget::kSampleBytes
        bool more = true;
        while (records.size() < sampleLimit && records.bytes() < budget::kSampleBytes &&
               (more = sampleCursor->next(rec)))
            if (!rec.blank())
                records.push(rec);
        if (!more)
            if (auto e = sampleCursor->error()) {
                e->file = fileName;
                return *e;
            }
    }
    std::vector<SampleRow> sample;
    sample.reserve(records.size());
    for (size_t i = 0; i < records.size(); ++i)
        sample.push_back(records[i]);
    auto layout = findLayout(sample, fileName, opt, rep, LayoutRules{});
    sample.clear();
    records = RecordList();
    sampleCursor.reset();
    if (!layout)
        return layout.error();
    const size_t firstData = layout->firstData, columns = layout->names.size();
    const std::vector<std::string> &names = layout->names;
    const NumberFormat fmt = layout->format;

    // 2. One pass over the whole text, cells straight into their columns: the rows after the
    // header in pieces read on every core, or in one piece.
    // the rows to make room for: the lines counted (a file has no more rows than lines), within
    // what the memory budget lets the text hold
    const size_t rowBytes = heldRowBytes(columns);
    size_t rowCap = opt.rowEstimate ? opt.rowEstimate : 1024;
    rowCap = std::min<uint64_t>(rowCap, budget::limit(opt.textBytes) / rowBytes);
    if (opt.maxRows)
        rowCap = std::min(rowCap, opt.maxRows);
    size_t seenRecords = 0;
    RowShapes shapes; // of the whole read
    auto cursor = openCursor();
    Record rec;
    while (seenRecords < firstData && cursor->next(rec)) { // the header and the lines above it
        if (rec.blank()) {
            ++shapes.blank;
            continue;
        }
        shapes.cut(rec);
        ++seenRecords;
    }
    const int64_t dataLine = cursor->line();
    const uint64_t dataByte = cursor->bytesRead();
    const std::thread::id caller = std::this_thread::get_id();
    // what the pieces have read so far (the progress this thread reports), and whether one failed
    // (the others stop: the rows are read again in one piece)
    std::atomic<uint64_t> piecesRead{0};
    std::atomic<bool> pieceFailed{false};
    const uint64_t restBytes = std::max<uint64_t>(1, opt.textBytes > dataByte ? opt.textBytes - dataByte : 1);
    // The cells go into one buffer a column (ColumnCells). Pieces read on every core fill
    // stretches of it sized by their lines (a piece has no more rows than lines); a text read in
    // one piece grows the buffers as its rows come.
    CellText cellText;
    std::vector<ColumnCells> cells;
    // a piece's rows; on the budget a piece holds its share of the allowance
    auto readPiece = [&](RowCursor &in, size_t k, uint64_t startByte, size_t share, size_t pieces, PieceRows &out) -> Status {
        uint64_t reported = 0;
        Record r;
        std::vector<uint64_t *> slot(columns);
        for (size_t c = 0; c < columns; ++c)
            slot[c] = cells[c].refs() + out.first;
        size_t n = 0;
        while (in.next(r)) {
            if (r.blank()) {
                ++out.shapes.blank;
                continue;
            }
            out.shapes.cut(r);
            if (opt.maxRows && n >= opt.maxRows)
                break;
            // the cells as their places in the text, short rows padded: within the memory budget
            const uint64_t read = startByte + in.bytesRead();
            if (uint64_t(n + 1) * rowBytes >
                budget::kPerInputByte * in.bytesRead() + (budget::limit(read) - budget::kPerInputByte * read) / share)
                return budget::exceeded(fileName, read);
            if (n == out.room) {
                if (pieces > 1) { // read again in one piece
                    out.full = true;
                    return Ok{};
                }
                out.room = std::max<size_t>(1024, 2 * out.room);
                for (size_t c = 0; c < columns; ++c) {
                    cells[c].grow(out.room, n);
                    slot[c] = cells[c].refs();
                }
            }
            out.rows.add(r.line);
            const size_t fields = r.fields.size();
            for (size_t c = 0; c < columns; ++c)
                slot[c][n] = c < fields ? cellText.ref(r.fields[c], k) : 0;
            ++n;
            out.shapes.fields(r, columns);
            if ((n % (size_t(1) << 16)) == 0) {
                if (opt.cancel && opt.cancel->load(std::memory_order_relaxed))
                    return makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, fileName);
                if (pieces > 1 && pieceFailed.load(std::memory_order_relaxed))
                    return Ok{}; // read again in one piece
                const uint64_t now = in.bytesRead();
                const uint64_t all = piecesRead.fetch_add(now - reported, std::memory_order_relaxed) + now - reported;
                reported = now;
                if (opt.progress && std::this_thread::get_id() == caller)
                    opt.progress(pieces > 1 ? 0.6 * std::min(1.0, double(all) / double(restBytes)) : 0.6 * in.progress());
            }
        }
        out.lines = in.line();
        out.quoteOpen = in.error().has_value();
        return Ok{};
    };
    std::vector<PieceRows> pieces;
    std::vector<RowCursor::Piece> cut;
    // two pieces a core: a core that is done takes the next piece (pieces read at unequal speeds)
    // (at most CellText::kMaxPieces; one core: one piece)
    const size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const size_t parts = opt.pieces ? std::min(opt.pieces, CellText::kMaxPieces)
                         : cores > 1 ? std::min<size_t>(2 * cores, CellText::kMaxPieces)
                                     : 1;
    if (parts > 1 && !opt.maxRows && opt.textBytes > dataByte + opt.splitBytes)
        cut = cursor->splitRest(parts);
    if (cut.size() > 1) {
        // each piece's stretch: its lines (counted on every core), if all fit in the budget
        std::vector<size_t> bound(cut.size());
        parallelFor(cut.size(), [&](size_t k) { bound[k] = countLineFeeds(cut[k].cursor->text()) + 1; });
        size_t room = 0;
        for (size_t b : bound)
            room += b;
        if (uint64_t(room) * rowBytes > budget::limit(opt.textBytes))
            cut.clear();
        else {
            pieces.resize(cut.size());
            for (size_t k = 0, at = 0; k < cut.size(); at += bound[k++]) {
                pieces[k].first = at;
                pieces[k].room = bound[k];
            }
            cellText = CellText(cursor->text(), cut.size());
            cells.clear();
            for (size_t c = 0; c < columns; ++c)
                cells.emplace_back(&cellText, room);
        }
    }
    if (cut.size() > 1) {
        std::vector<Status> done(cut.size(), Ok{});
        parallelFor(cut.size(), [&](size_t k) {
            if (pieceFailed.load(std::memory_order_relaxed))
                return;
            done[k] = readPiece(*cut[k].cursor, k, cut[k].startByte, cut.size(), cut.size(), pieces[k]);
            if (!done[k] || pieces[k].quoteOpen || pieces[k].full)
                pieceFailed = true;
        });
        for (const Status &st : done)
            if (!st && st.error().code == Msg::ImportCancelled)
                return st.error();
        const bool whole = !pieceFailed; // every piece ended outside quotes, within the budget
        if (whole) {
            int64_t base = dataLine; // the pieces' lines from the start of the text
            for (size_t k = 0; k < pieces.size(); ++k) {
                pieces[k].base = base;
                base += pieces[k].lines;
                pieces[k].cursor = std::move(cut[k].cursor);
            }
        } else {
            pieces.clear(); // a cut in a quoted field, or a piece over its share: in one piece
        }
        cut.clear();
    }
    if (pieces.empty()) {
        pieces.resize(1);
        pieces[0].room = rowCap;
        cellText = CellText(cursor->text(), 1);
        cells.clear();
        for (size_t c = 0; c < columns; ++c)
            cells.emplace_back(&cellText, rowCap);
        if (Status st = readPiece(*cursor, 0, 0, 1, 1, pieces[0]); !st)
            return st.error();
        if (auto e = cursor->error()) {
            e->file = fileName;
            return *e;
        }
    }
    size_t dataRows = 0;
    std::vector<ColumnCells::Stretch> stretches;
    for (const PieceRows &p : pieces) {
        shapes.add(p.shapes, p.base);
        dataRows += p.rows.size();
        stretches.push_back({p.first, p.rows.size()});
    }
    for (ColumnCells &col : cells)
        col.setStretches(stretches);
    shapes.report(rep);

    if (opt.progress)
        opt.progress(0.65);
    auto fillColumn = [&](size_t c, ColumnCells &out) {
        // hand the column over; its memory goes when typing is done
        out = std::move(cells[c]);
        if (opt.progress && std::this_thread::get_id() == caller)
            opt.progress(0.65 + 0.35 * double(c + 1) / double(columns));
    };
    result.table = buildTypedTable(names, dataRows, fillColumn, fmt, opt.cancel, &rep.dateOrder);
    if (opt.cancel && opt.cancel->load())
        return makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, fileName);
    // Store row numbers only when they are not simply consecutive (looked at in the pieces: no
    // joined copy of them for a file without blank lines or quoted line breaks).
    int64_t first = 2;
    bool consecutive = true;
    {
        size_t i = 0;
        for (const PieceRows &p : pieces) {
            if (!p.rows.size())
                continue;
            if (i == 0)
                first = p.base + p.rows.at(0);
            if (!p.rows.gaps()) { // (a piece's own lines are consecutive)
                consecutive = p.base + p.rows.at(0) == first + int64_t(i);
                i += p.rows.size();
            } else {
                for (size_t k = 0; k < p.rows.size() && consecutive; ++k, ++i)
                    consecutive = p.base + p.rows.at(k) == first + int64_t(i);
            }
            if (!consecutive)
                break;
        }
    }
    if (consecutive) {
        result.table.firstRowNumber = first;
    } else {
        std::vector<int64_t> &rowNumbers = result.table.rowNumbers;
        rowNumbers.reserve(dataRows);
        for (const PieceRows &p : pieces)
            for (size_t k = 0; k < p.rows.size(); ++k)
                rowNumbers.push_back(p.base + p.rows.at(k));
    }
    if (opt.progress)
        opt.progress(1.0);
    return result;
}

void RowShapes::fields(const Record &r, size_t columns)
{
    const size_t n = r.fields.size();
    if (n < columns) {
        if (!shortRows++)
            firstShort = r.line;
    } else if (n > columns) {
        bool extraData = false;
        for (size_t c = columns; c < n; ++c)
            extraData |= !r.fields[c].empty();
        if (extraData && !longRows++)
            firstLong = r.line;
    }
}

void RowShapes::add(const RowShapes &later, int64_t base)
{
    if (later.shortRows && !shortRows)
        firstShort = base + later.firstShort;
    if (later.longRows && !longRows)
        firstLong = base + later.firstLong;
    if (later.cutRows && !cutRows)
        firstCut = base + later.firstCut;
    shortRows += later.shortRows;
    longRows += later.longRows;
    cutRows += later.cutRows;
    blank += later.blank;
}

void RowShapes::report(ReadReport &rep) const
{
    rep.skippedBlankRows = blank;
    if (shortRows)
        rep.warnings.push_back({Msg::ShortRows, {std::to_string(shortRows), std::to_string(firstShort)}});
    if (longRows)
        rep.warnings.push_back(extraFieldsWarning(longRows, firstLong));
    if (cutRows)
        rep.warnings.push_back({Msg::ColumnsBeyondLimit, {std::to_string(cutRows), std::to_string(budget::kMaxColumns),
                                                          std::to_string(firstCut)}});
}

Diagnostic extraFieldsWarning(size_t rows, int64_t firstRow)
{
    return {Msg::LongRows, {std::to_string(rows), std::to_string(firstRow)}};
}

Error noSuchSheet(const std::string &path, const std::string &asked, const std::vector<std::string> &sheets)
{
    std::string names;
    for (const std::string &s : sheets)
        names += (names.empty() ? "" : ", ") + ("'" + s + "'");
    return makeError(ErrorKind::Format, Msg::NoSuchSheet, {asked, names}, path);
}

} // namespace vs
