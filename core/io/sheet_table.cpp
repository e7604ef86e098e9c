#include "sheet_table.h"

#include "core/io/budget.h"
#include "core/io/rows.h"
#include "core/io/typing.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace vs {

namespace {

constexpr size_t kSampleRows = 1000;          // rows looked at to find the header, as for CSV
constexpr size_t kMaxCells = size_t(1) << 28; // 2 GB of numbers: far beyond any customer list

} // namespace

// One column while the sheet streams: doubles while every cell is a number (or every one a
// date), packed text from the first cell that is not.
class SheetColumn {
public:
    void start(bool text, size_t rows, size_t textBytes)
    {
        m_text = text;
        if (text)
            m_texts.reserve(rows, textBytes);
        else
            m_values.reserve(rows);
    }
    size_t size() const { return m_text ? m_texts.size() : m_values.size(); }
    size_t textBytes() const { return m_text ? m_texts.textBytes() : 0; }
    void dropLast()
    {
        if (m_text)
            m_texts.pop_back();
        else
            m_values.pop_back();
    }
    void padTo(size_t rows)
    {
        if (m_text) {
            while (m_texts.size() < rows)
                m_texts.push_back({});
        } else if (m_values.size() < rows) {
            m_values.resize(rows, kMissing);
        }
    }
    void number(double v)
    {
        if (!m_text && m_hasDate)
            toText();
        if (m_text) {
            m_texts.push_back(formatNumber(v));
        } else {
            m_hasNumber = true;
            m_values.push_back(v);
        }
    }
    void date(double days)
    {
        if (!m_text && m_hasNumber)
            toText();
        if (m_text) {
            m_texts.push_back(formatDate(days));
        } else {
            m_hasDate = true;
            m_values.push_back(days);
        }
    }
    void text(std::string_view s)
    {
        if (!m_text)
            toText();
        m_texts.push_back(s);
    }
    Column finish(const std::string &name, const NumberFormat &fmt, DateOrder *dateOrder)
    {
        if (m_text) {
            if (m_texts.byteSize() > m_texts.usedBytes() + m_texts.usedBytes() / 8)
                m_texts.shrink_to_fit(); // the sheet said it had more rows than it has
            return typeTextColumn(name, std::move(m_texts), fmt, dateOrder);
        }
        if (m_values.capacity() > m_values.size() + m_values.size() / 8)
            m_values.shrink_to_fit(); // the sheet said it had more rows than it has
        Column c = Column::numberColumn(name, std::move(m_values));
        if (m_hasDate)
            c.type = ColumnType::Date;
        return c;
    }

private:
    // The cells so far as the text they show, for a column that turns out to hold text.
    void toText()
    {
        TextData t;
        t.reserve(std::max(m_values.capacity(), m_values.size()), m_values.size() * 8);
        for (double v : m_values)
            t.push_back(isMissing(v) ? std::string() : m_hasDate ? formatDate(v) : formatNumber(v));
        m_texts = std::move(t);
        std::vector<double>().swap(m_values);
        m_text = true;
    }

    bool m_text = false, m_hasNumber = false, m_hasDate = false;
    std::vector<double> m_values;
    TextData m_texts;
};

SheetTableBuilder::SheetTableBuilder(std::string path, const ReadOptions &opt, ReadReport report)
    : m_path(std::move(path)), m_opt(opt), m_report(std::move(report))
{
}

SheetTableBuilder::~SheetTableBuilder() = default;

void SheetTableBuilder::startRow(int64_t line)
{
    if (m_rowOpen)
        endRow(); // a row never ended (a damaged sheet) ends where the next one starts
    m_rowOpen = true;
    m_line = line;
    m_rowHasCells = m_rowHasValue = m_rowHasExtra = false;
    m_rowStart = m_sampleCells.size();
    m_rowWidth = 0;
    m_row.clear();
    m_rowTextAt.clear();
    m_rowText.clear();
    ++m_rowSerial;
}

size_t SheetTableBuilder::sampleBytes() const
{
    // the cells and their text as given, and the grid of texts decideLayout makes of them
    constexpr size_t kGridCell = sizeof(std::string) + sizeof(std::string_view);
    return m_sampleCells.size() * sizeof(SampleCell) + m_sampleText.size() + (m_sampleWidths + m_rowWidth) * kGridCell;
}

uint64_t SheetTableBuilder::held() const
{
    if (m_sampling)
        return sampleBytes();
    // a number, date or text offset per cell, padding included, and a row number per row
    // (with a sink: as if every cell were kept, the text of every text cell)
    return uint64_t(m_rows + 1) * (m_width + 1) * sizeof(double) + m_textBytes;
}

bool SheetTableBuilder::checkBudget()
{
    if (!budget::allows(held(), m_input))
        m_overBudget = true;
    return !m_overBudget;
}

bool SheetTableBuilder::roomFor(uint64_t rows, uint64_t cells, uint64_t textBytes)
{
    if (stopped())
        return false;
    const uint64_t width = std::max<uint64_t>(std::max<uint64_t>(cells, m_width), 1) + 1;
    const uint64_t perRow = width * sizeof(double) + textBytes;
    const uint64_t limit = budget::limit(m_input), now = held();
    if (now > limit || (perRow && rows > (limit - now) / perRow))
        m_overBudget = true;
    return !m_overBudget;
}

void SheetTableBuilder::number(size_t col, double value)
{
    put(col, Kind::Number, value, {});
}

void SheetTableBuilder::numberText(size_t col, std::string_view written)
{
    double v = 0;
    const auto [end, ec] = std::from_chars(written.data(), written.data() + written.size(), v);
    if (ec == std::errc() && end == written.data() + written.size() && std::isfinite(v) && !identifierLike(written))
        put(col, Kind::Number, v, {});
    else
        text(col, written);
}

void SheetTableBuilder::date(size_t col, double days)
{
    // to the second, as shown (formatDate) and as a date written as text reads back (parseDate)
    double whole = std::floor(days);
    double secs = std::round((days - whole) * 86400.0);
    if (secs >= 86400.0)
        whole += 1, secs = 0;
    put(col, Kind::Date, whole + secs / 86400.0, {});
}

void SheetTableBuilder::text(size_t col, std::string_view s)
{
    s = trimSpaces(s); // as for unquoted CSV fields: " North " is North
    put(col, s.empty() ? Kind::Empty : Kind::Text, 0, s);
}

void SheetTableBuilder::put(size_t col, Kind kind, double value, std::string_view text)
{
    if (stopped())
        return; // the reader may still be finishing the piece of the file it has
    if (col >= budget::kMaxColumns)
        return;
    m_rowHasCells = true;
    if (kind != Kind::Empty)
        m_rowHasValue = true;
    if (m_sampling) {
        if (kind == Kind::Empty)
            return;
        // checked before the text is taken, and the text grown within the budget: one row can
        // be large (16,384 cells of a long shared string)
        const uint64_t limit = budget::limit(m_input);
        if (text.size() > UINT32_MAX || sampleBytes() + text.size() + sizeof(SampleCell) > limit) {
            m_overBudget = true;
            return;
        }
        if (m_sampleText.size() + text.size() > m_sampleText.capacity())
            m_sampleText.reserve(size_t(std::min<uint64_t>(limit, std::max<uint64_t>(2 * m_sampleText.capacity(),
                                                                                   m_sampleText.size() + text.size()))));
        m_sampleCells.push_back({m_sampleText.size(), value, uint32_t(col), uint32_t(text.size()), kind});
        m_sampleText.append(text);
        m_rowWidth = std::max(m_rowWidth, col + 1);
        return;
    }
    if (kind == Kind::Empty)
        return;
    if (col >= m_width) {
        m_rowHasExtra = true;
        return;
    }
    if (m_sink)
        putInRow(col, kind, value, text);
    else
        putInColumn(col, kind, value, text);
}

void SheetTableBuilder::putInRow(size_t col, Kind kind, double value, std::string_view text)
{
    if (m_cellRow[col] == m_rowSerial && m_cellOf[col] < m_row.size()) {
        // the same cell again: the last one counts
        m_row[m_cellOf[col]] = {uint32_t(col), kind, value, {}};
        m_rowTextAt[m_cellOf[col]] = m_rowText.size();
    } else {
        m_cellRow[col] = m_rowSerial;
        m_cellOf[col] = uint32_t(m_row.size());
        m_row.push_back({uint32_t(col), kind, value, {}});
        m_rowTextAt.push_back(m_rowText.size());
    }
    if (kind == Kind::Text) {
        m_row[m_cellOf[col]].text = std::string_view(nullptr, 0);
        m_rowText.append(text);
        m_row[m_cellOf[col]].value = double(text.size()); // (the view is made when the row is given)
        m_textBytes += text.size();
        if (!checkBudget())
            return;
    }
}

void SheetTableBuilder::putInColumn(size_t col, Kind kind, double value, std::string_view text)
{
    if (kind == Kind::Text && !budget::allows(held() + text.size(), m_input)) {
        m_overBudget = true;
        return;
    }
    SheetColumn &c = m_columns[col];
    const size_t textBefore = c.textBytes();
    if (c.size() > m_rows)
        c.dropLast(); // the same cell again: the last one counts
    c.padTo(m_rows);
    switch (kind) {
    case Kind::Number: c.number(value); break;
    case Kind::Date: c.date(value); break;
    case Kind::Text: c.text(text); break;
    case Kind::Empty: break;
    }
    const size_t textAfter = c.textBytes();
    if (textAfter != textBefore) {
        m_textBytes = m_textBytes + textAfter - textBefore;
        checkBudget();
    }
}

bool SheetTableBuilder::endRow()
{
    m_rowOpen = false;
    if (stopped())
        return false;
    if (!m_rowHasValue) {
        m_blankRows += m_rowHasCells;
        if (m_sampling)
            m_sampleCells.resize(m_rowStart);
        return true;
    }
    if (!m_sampling)
        return commitRow(m_line, m_rowHasExtra);
    m_sampleRowStart.push_back(m_rowStart);
    m_sampleLines.push_back(m_line);
    m_sampleWidths += m_rowWidth;
    m_rowWidth = 0;
    // the header is looked for in the first 1,000 rows, or in fewer if they hold too much
    if (m_sampleLines.size() < kSampleRows && sampleBytes() < budget::kSampleBytes)
        return true;
    return !!decideLayout() && !stopped();
}

bool SheetTableBuilder::commitRow(int64_t line, bool extra)
{
    if (m_rows == 0) {
        m_firstLine = line;
    } else if (m_sink) {
        // the sink has each row's number: none kept here
    } else if (m_consecutive && line != m_firstLine + int64_t(m_rows)) {
        m_consecutive = false;
        m_rowNumbers.reserve(m_rows + 1);
        for (size_t i = 0; i < m_rows; ++i)
            m_rowNumbers.push_back(m_firstLine + int64_t(i));
    }
    if (!m_consecutive && !m_sink)
        m_rowNumbers.push_back(line);
    if (extra && !m_longRows++)
        m_firstLong = line;
    ++m_rows;
    if (m_opt.maxRows && m_rows >= m_opt.maxRows) {
        m_full = true;
        return false;
    }
    if (m_sink) {
        for (size_t k = 0; k < m_row.size(); ++k)
            if (m_row[k].kind == Kind::Text) {
                m_row[k].text = std::string_view(m_rowText).substr(m_rowTextAt[k], size_t(m_row[k].value));
                m_row[k].value = 0;
            }
        const bool more = m_sink->row(line, m_row);
        m_row.clear();
        m_rowTextAt.clear();
        m_rowText.clear();
        ++m_rowSerial;
        if (!more) {
            m_sinkStopped = true;
            return false;
        }
    }
    if (m_rows * m_width > kMaxCells) {
        m_tooLarge = true;
        return false;
    }
    if (!checkBudget())
        return false;
    if ((m_rows & 0xFFFF) == 0 && m_opt.cancel && m_opt.cancel->load(std::memory_order_relaxed)) {
        m_cancelled = true;
        return false;
    }
    return true;
}

Status SheetTableBuilder::decideLayout()
{
    m_sampling = false;
    const size_t n = m_sampleLines.size();
    auto cellsOf = [&](size_t r) {
        const size_t b = m_sampleRowStart[r], e = r + 1 < n ? m_sampleRowStart[r + 1] : m_sampleCells.size();
        return std::span<const SampleCell>(m_sampleCells.data() + b, e - b);
    };
    // The sample as text, as a CSV of the same sheet would show it.
    std::vector<std::vector<std::string>> texts(n);
    std::vector<std::vector<std::string_view>> views(n);
    std::vector<SampleRow> sample(n);
    for (size_t r = 0; r < n; ++r) {
        size_t width = 0;
        for (const SampleCell &c : cellsOf(r))
            if (c.kind != Kind::Empty) // a styled empty cell (as in a merged title) does not widen a row
                width = std::max(width, size_t(c.col) + 1);
        texts[r].resize(width);
        for (const SampleCell &c : cellsOf(r))
            if (c.kind != Kind::Empty)
                texts[r][c.col] = c.kind == Kind::Number ? formatNumber(c.value)
                              : c.kind == Kind::Date ? formatDate(c.value)
                                                     : m_sampleText.substr(c.textBegin, c.textSize);
        views[r].assign(texts[r].begin(), texts[r].end());
        sample[r] = {views[r], m_sampleLines[r]};
    }
    auto layout = findLayout(sample, m_path, m_opt, m_report, LayoutRules{false, true});
    if (!layout) {
        m_error = layout.error();
        return layout.error();
    }
    m_names = std::move(layout->names);
    m_decimal = layout->format.decimal;
    m_thousands = layout->format.thousands;
    m_width = m_names.size();
    if (m_sink) {
        m_sink->layout(m_names, layout->format);
        m_cellOf.assign(m_width, 0);
        m_cellRow.assign(m_width, 0);
        ++m_rowSerial;
        for (size_t r = layout->firstData; r < n; ++r) {
            bool extra = false;
            for (const SampleCell &c : cellsOf(r)) {
                if (c.kind == Kind::Empty)
                    continue;
                if (c.col >= m_width)
                    extra = true;
                else
                    putInRow(c.col, c.kind, c.value, std::string_view(m_sampleText).substr(c.textBegin, c.textSize));
            }
            if (!commitRow(m_sampleLines[r], extra))
                break;
        }
        std::vector<SampleCell>().swap(m_sampleCells);
        std::string().swap(m_sampleText);
        return Ok{};
    }

    // Room for the rows the sheet says it has; text columns (by the sample) start as text.
    const size_t columns = m_names.size();
    // (a hint: never more than budget::kReserveBytes in all, numbers and text together)
    size_t rows = m_opt.maxRows ? std::min(m_opt.maxRows, m_expectRows ? m_expectRows : m_opt.maxRows) : m_expectRows;
    rows = std::min(rows, kMaxCells / std::max<size_t>(1, columns));
    rows = budget::reserveRows(rows, std::max<size_t>(1, columns) * sizeof(double));
    std::vector<size_t> textBytes(columns, 0);
    std::vector<bool> isText(columns, false);
    for (size_t r = layout->firstData; r < n; ++r)
        for (const SampleCell &c : cellsOf(r))
            if (c.col < columns && c.kind == Kind::Text) {
                isText[c.col] = true;
                textBytes[c.col] += c.textSize;
            }
    const size_t sampleData = std::max<size_t>(1, n - std::min(n, layout->firstData));
    size_t sampleTextBytes = 0;
    for (size_t b : textBytes)
        sampleTextBytes += b;
    // the text the rows announced would hold at the sample's rate, within what is left to reserve
    const double textScale = std::min(double(rows / sampleData + 1),
                                      double(budget::kReserveBytes - std::min(budget::kReserveBytes, rows * columns * sizeof(double))) /
                                          double(std::max<size_t>(1, sampleTextBytes)));
    m_columns.resize(columns);
    for (size_t c = 0; c < columns; ++c)
        m_columns[c].start(isText[c], rows, isText[c] ? size_t(double(textBytes[c]) * textScale) : 0);

    // The data rows of the sample into the columns.
    for (size_t r = layout->firstData; r < n; ++r) {
        bool extra = false;
        for (const SampleCell &c : cellsOf(r)) {
            if (c.kind == Kind::Empty)
                continue;
            if (c.col >= columns)
                extra = true;
            else
                putInColumn(c.col, c.kind, c.value, std::string_view(m_sampleText).substr(c.textBegin, c.textSize));
        }
        if (!commitRow(m_sampleLines[r], extra))
            break;
    }
    std::vector<SampleCell>().swap(m_sampleCells);
    std::string().swap(m_sampleText);
    return Ok{};
}

Result<ReadResult> SheetTableBuilder::finish()
{
    // a last row never ended (a sheet cut short) counts as a row: its cells are in the columns
    // already, and every column must be as long as the table (found by fuzz_xlsx)
    if (m_rowOpen)
        endRow();
    if (m_cancelled || (m_opt.cancel && m_opt.cancel->load()))
        return makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, m_path);
    if (m_overBudget)
        return budget::exceeded(m_path, m_input);
    if (m_sampling) {
        if (m_sampleLines.empty())
            return makeError(ErrorKind::Format, Msg::SheetEmpty, {m_report.sheet}, m_path);
        if (Status s = decideLayout(); !s)
            return s.error();
        if (m_overBudget)
            return budget::exceeded(m_path, m_input);
    }
    if (m_error)
        return *m_error;
    if (m_sinkStopped)
        return makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, m_path);
    if (m_tooLarge)
        return makeError(ErrorKind::Format, Msg::SheetTooLarge,
                         {m_report.sheet, std::to_string(m_width), std::to_string(m_rows)}, m_path);
    ReadResult result;
    result.report = std::move(m_report);
    ReadReport &rep = result.report;
    rep.skippedBlankRows = m_blankRows;
    if (m_longRows)
        rep.warnings.push_back(extraFieldsWarning(m_longRows, m_firstLong));
    Table &t = result.table;
    t.decimal = m_decimal;
    t.thousands = m_thousands;
    const NumberFormat fmt{m_decimal, m_thousands};
    t.columns.reserve(m_columns.size());
    for (size_t c = 0; c < m_columns.size(); ++c) {
        m_columns[c].padTo(m_rows);
        t.columns.push_back(m_columns[c].finish(m_names[c], fmt, &rep.dateOrder));
        m_columns[c] = SheetColumn(); // its memory goes now, not at the end
        if (m_opt.progress)
            m_opt.progress(0.95 + 0.05 * double(c + 1) / double(m_columns.size()));
    }
    if (m_consecutive)
        t.firstRowNumber = m_rows ? m_firstLine : 2;
    else
        t.rowNumbers = std::move(m_rowNumbers);
    return result;
}

} // namespace vs
