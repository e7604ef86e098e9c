#include "order_stream.h"

#include "core/analytics/stats.h"
#include "core/analytics/string_index.h"
#include "core/io/budget.h"
#include "core/io/csv_tokenizer.h"
#include "core/io/encoding.h"
#include "core/io/mapped_file.h"
#include "core/io/order_store.h"
#include "core/io/typing.h"
#include "core/parallel.h"
#include "core/table/cell_parse.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <future>
#include <thread>
#include <unordered_set>

namespace vs {

namespace {

using namespace orderstore;

// What a column's cells allow it to be, as buildTypedTable decides (typing.cpp).
struct Typing {
    bool number = true;         // every cell a number (or missing), none identifier-like
    bool date = true;           // every cell a date (or missing), without yyyymmdd
    bool anyDate = false;
    DateParseInfo info;
    std::vector<double> values; // the numbers, while `number` holds
    ValueCounts counts;
};

struct Roles {
    int customer = -1, date = -1, amount = -1, quantity = -1, price = -1, invoice = -1;
};

// An order line; without an invoice column, a run of a customer's lines of one day that come
// one after another (most of them: a log sorted by customer or by date), summed here on the
// parsing core. The merge takes the run's sum when the day is new to the store, where the store
// would have added the same amounts to 0 in the same order; else it adds the amounts one by one.
struct Line {
    uint32_t customer; // chunk-local number
    int32_t day;
    double amount;     // with an invoice column: the line's; else the run's amounts added to 0
    uint32_t invoice;  // chunk-local number; UINT32_MAX: none
    uint32_t lines;    // in the run (1 with an invoice column)
    uint32_t returns;  // of them returns (cancellations)
    uint32_t first;    // the run's first amount in Chunk::amounts (a return's as -|amount|)
};

struct Chunk {
    std::string_view text; // of the mapped file
    bool last = false;
    uint64_t endOffset = 0; // of the text in the file (for the memory budget)
    // parsed
    bool fallback = false;
    int64_t lines = 0; // line breaks in the chunk
    size_t dataRows = 0;
    RowShapes shapes; // lines from the chunk's start
    LinesLeftOut leftOut; // rows from the chunk's start
    bool dateReadDayFirst = false, dateReadMonthFirst = false, dateCompact = false;
    bool invoiceStartsWithC = false;
    std::vector<Typing> typing;
    std::vector<Line> kept;
    std::vector<double> amounts; // the runs' amounts, in file order (without an invoice column)
    StringIndex customerIndex{1024}, invoiceIndex{16}; // chunk-local numbers and their text
    std::vector<uint32_t> customerTags;                 // StringIndex::tagOf each customer's text, by number
    std::deque<std::string> arena;                      // fields the tokenizer unescaped

    // Ready for the next text. A chunk is used again and again, keeping its room: buffers freed
    // and made anew for every chunk would spread the heap (its pages are kept) with the lines.
    void reset()
    {
        last = fallback = false;
        endOffset = 0;
        lines = 0;
        dataRows = 0;
        shapes = {};
        leftOut = {};
        dateReadDayFirst = dateReadMonthFirst = dateCompact = invoiceStartsWithC = false;
        for (Typing &t : typing) {
            t.values.clear();
            t.counts.clear();
            t.info = {};
            t.anyDate = false;
        }
        kept.clear();
        amounts.clear();
        customerTags.clear();
        customerIndex.clear(); // (before the text and the arena its keys view are replaced)
        invoiceIndex.clear();
        arena.clear();
    }
};

struct Context {
    char delimiter;
    NumberFormat fmt;
    size_t columns;
    Roles roles;
};

void parseChunk(Chunk &ch, const Context &cx, const std::vector<char> &stillTyping)
{
    const std::string_view text = ch.text;
    if (!isUtf8WithoutZeros(text)) {
        ch.fallback = true; // not UTF-8 after all: the table reader detects the encoding
        return;
    }
    ch.typing.resize(cx.columns);
    for (size_t c = 0; c < cx.columns; ++c) {
        ch.typing[c].number = stillTyping[2 * c];
        ch.typing[c].date = stillTyping[2 * c + 1];
    }
    StringIndex &customers = ch.customerIndex, &invoices = ch.invoiceIndex;
    // a field the tokenizer unescaped ("a""b") lives in the tokenizer: the chunk keeps a copy
    auto stable = [&](std::string_view s) {
        if (s.data() >= text.data() && s.data() + s.size() <= text.data() + text.size())
            return s;
        return std::string_view(ch.arena.emplace_back(s));
    };
    Tokenizer tok(text, cx.delimiter, 0);
    Record rec;
    const Roles &ro = cx.roles;
    ch.kept.reserve(text.size() / 24);
    uint32_t lastCustomer = UINT32_MAX;
    // each column's last text read as a number, and the last ISO day (views into the text, or
    // into the arena, which keeps what it holds)
    struct Recent {
        std::string_view text;
        bool valid = false, identifier = false;
        CellParse parse = CellParse::Missing;
        double value = kMissing;
    };
    std::vector<Recent> recent(cx.columns);
    std::string_view isoText;
    double isoValue = kMissing;
    while (tok.next(rec)) {
        if (rec.blank()) {
            ++ch.shapes.blank;
            continue;
        }
        ch.shapes.cut(rec);
        ++ch.dataRows;
        const size_t n = rec.fields.size();
        ch.shapes.fields(rec, cx.columns);
        auto cell = [&](int c) { return size_t(c) < n ? rec.fields[size_t(c)] : std::string_view(); };
        // every column's type, as the table reader would find it
        double amount = kMissing, quantity = kMissing, price = kMissing, dayValue = kMissing;
        for (size_t c = 0; c < cx.columns; ++c) {
            Typing &t = ch.typing[c];
            const std::string_view s = cell(int(c));
            double v = kMissing;
            bool numberOk = false;
            const int ci = int(c);
            const bool needNumber = ci == ro.amount || ci == ro.quantity || ci == ro.price;
            if (t.number || needNumber) {
                // the text of the row before (a customer's id, a day, line after line): as read then
                Recent &r = recent[c];
                if (!r.valid || s != r.text) {
                    r.parse = parseNumber(s, cx.fmt, r.value);
                    if (r.parse == CellParse::Missing)
                        r.value = kMissing;
                    r.identifier = r.parse == CellParse::Ok && identifierLike(s);
                    r.text = s;
                    r.valid = true;
                }
                const CellParse p = r.parse;
                v = r.value;
                numberOk = p != CellParse::Invalid;
                if (needNumber && !numberOk) { // the table reader says which cell (or that dates are no numbers)
                    ch.fallback = true;
                    return;
                }
                if (t.number) {
                    if (!numberOk || r.identifier) {
                        t.number = false;
                        t.values.clear();
                        t.values.shrink_to_fit();
                    } else {
                        t.values.push_back(v);
                    }
                }
                if (ci == ro.amount)
                    amount = v;
                else if (ci == ro.quantity)
                    quantity = v;
                else if (ci == ro.price)
                    price = v;
            }
            if (ci == ro.date) {
                double d;
                if (s == isoText && !isoText.empty()) { // the day of the row before
                    dayValue = isoValue;
                    continue;
                }
                if (isoDay(s, d)) {
                    dayValue = d;
                    t.anyDate = true;
                    isoText = s;
                    isoValue = d;
                    continue;
                }
                const CellParse p = parseDate(s, DateOrder::Unknown, false, d, t.date ? &t.info : nullptr);
                if (p == CellParse::Invalid) {
                    t.date = false;
                    if (parseDate(s, DateOrder::Unknown, true, d) != CellParse::Ok) {
                        ch.fallback = true; // the table reader names the cell
                        return;
                    }
                    ch.dateCompact = true; // yyyymmdd: 8 digits, read alike as a number or as text
                } else if (p == CellParse::Ok) {
                    t.anyDate = true;
                    double dayFirst, monthFirst; // d/m or m/d: which way this cell was read
                    if (parseDate(s, DateOrder::DayFirst, false, dayFirst) == CellParse::Ok &&
                        parseDate(s, DateOrder::MonthFirst, false, monthFirst) == CellParse::Ok && dayFirst != monthFirst) {
                        ch.dateReadDayFirst |= d == dayFirst;
                        ch.dateReadMonthFirst |= d == monthFirst;
                    }
                }
                dayValue = p == CellParse::Missing ? kMissing : d;
                continue;
            }
            if (t.date) {
                double d;
                const CellParse p = parseDate(s, DateOrder::Unknown, false, d, &t.info);
                if (p == CellParse::Invalid)
                    t.date = false;
                t.anyDate |= p == CellParse::Ok;
            }
        }
        // the order line, as groupOrderLines takes it
        if (ro.amount < 0)
            amount = quantity * price;
        const std::string_view id = trimSpaces(cell(ro.customer));
        int why = -1;
        if (id.empty())
            why = 0;
        else if (std::isnan(dayValue))
            why = 1;
        else if (std::isnan(amount))
            why = 2;
        if (why >= 0) {
            ch.leftOut.add(why, rec.line);
            continue;
        }
        bool isNew = false;
        uint32_t c = lastCustomer; // a customer's lines mostly come together: its number again
        if (lastCustomer == UINT32_MAX || id != customers.keys()[lastCustomer]) {
            // (the hash kept for the merge, which finds the id in the whole file's index with it)
            const uint32_t tag = StringIndex::tagOf(id);
            c = customers.insertTagged(id, tag, isNew, stable);
            if (isNew)
                ch.customerTags.push_back(tag);
            lastCustomer = c;
        }
        bool cancelled = amount < 0 || (ro.quantity >= 0 && quantity < 0);
        uint32_t inv = UINT32_MAX;
        if (ro.invoice >= 0) {
            const std::string_view s = trimSpaces(cell(ro.invoice));
            if (!s.empty()) {
                inv = invoices.insert(s, isNew, stable);
                if (s[0] == 'C' || s[0] == 'c') {
                    cancelled = true; // (only as long as the column is text: checked when merged)
                    ch.invoiceStartsWithC = true;
                }
            }
        }
        const int32_t day = int32_t(std::floor(dayValue));
        if (ro.invoice >= 0) {
            ch.kept.push_back({c, day, amount, inv, 1, uint32_t(cancelled), 0});
            continue;
        }
        const double signedAmount = cancelled ? -std::fabs(amount) : amount; // (x - y is x + -y)
        if (ch.kept.empty() || ch.kept.back().customer != c || ch.kept.back().day != day)
            ch.kept.push_back({c, day, 0.0, UINT32_MAX, 0, 0, uint32_t(ch.amounts.size())});
        Line &run = ch.kept.back();
        run.amount += signedAmount;
        ++run.lines;
        run.returns += cancelled;
        ch.amounts.push_back(signedAmount);
    }
    ch.lines = tok.line();
    // how often each number occurs (for the median), counted here on every core
    for (Typing &t : ch.typing)
        if (t.number)
            for (double v : t.values)
                if (!std::isnan(v))
                    t.counts.add(v);
    // a chunk that is not the last must end with a whole record: else it was cut in a quoted field
    if (tok.unterminatedQuote() || (!ch.last && tok.position() != text.size()))
        ch.fallback = true;
}

} // namespace

Result<std::optional<StreamedOrderLines>> streamOrderLines(const std::string &path, const ReadOptions &opt,
                                                           const std::map<std::string, std::string> &roleMap,
                                                           const StreamOptions &so)
{
    using Out = std::optional<StreamedOrderLines>;
    const Out plain = std::nullopt;
    if (opt.maxRows)
        return plain;
    // the page cache parsed in place (mapped_file.h): chunks are views of it, released as merged
    auto mapped = MappedFile::open(path);
    if (!mapped)
        return plain; // the table reader's message
    MappedFile &file = *mapped;
    const std::string_view bytes = file.bytes();
    const size_t fileSize = bytes.size();
    if (fileSize == 0)
        return plain;
    size_t bom = 0;
    if (opt.encoding.userSet && canonicalEncodingName(opt.encoding.value) != "UTF-8")
        return plain;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bom = 3;
    else if (bytes.size() >= 2 && ((uint8_t(bytes[0]) == 0xFF && uint8_t(bytes[1]) == 0xFE) ||
                                  (uint8_t(bytes[0]) == 0xFE && uint8_t(bytes[1]) == 0xFF)))
        return plain;
    if (bytes.substr(0, 1 << 16).find('\0') != std::string_view::npos) // (every chunk looks for them too)
        return plain;
    const std::string_view text = bytes.substr(bom);
    if (text.substr(0, 4) == "sep=" || text.substr(0, 4) == "SEP=")
        return plain;
    ReadReport rep;
    rep.format = "csv";
    rep.encoding = "UTF-8";
    rep.delimiter = opt.delimiter.userSet ? opt.delimiter.value : sniffDelimiter(text.substr(0, size_t(16) << 20));
    if (rep.delimiter == ' ')
        return plain;

    // the header and the number format, from the first records as tableFromRows finds them
    std::optional<TableLayout> layout;
    RowShapes shapes; // of the whole read: the lines above the data first
    int64_t dataLine = 1;
    size_t dataStart = 0;
    {
        Tokenizer tok(text, rep.delimiter, 1);
        std::vector<std::vector<std::string_view>> fields;
        std::vector<int64_t> lines;
        size_t bytes = 0;
        Record rec;
        bool more = true;
        while (fields.size() < 1000 && bytes < budget::kSampleBytes && (more = tok.next(rec)))
            if (!rec.blank()) {
                fields.push_back(rec.fields);
                lines.push_back(rec.line);
                bytes += rec.fields.size() * sizeof(std::string_view) + 16;
            }
        if (tok.unterminatedQuote())
            return plain;
        std::vector<SampleRow> sample;
        for (size_t i = 0; i < fields.size(); ++i)
            sample.push_back({fields[i], lines[i]});
        auto found = findLayout(sample, path, opt, rep, LayoutRules{});
        if (!found)
            return plain;
        layout = std::move(found.value());
        // where the data start
        Tokenizer again(text, rep.delimiter, 1);
        for (size_t seen = 0; seen < layout->firstData && again.next(rec);) {
            if (rec.blank()) {
                ++shapes.blank;
                continue;
            }
            shapes.cut(rec);
            ++seen;
        }
        dataStart = again.position();
        dataLine = again.line();
        if (again.unterminatedQuote())
            return plain;
        // the lines above the data are not parsed as chunks: not UTF-8 there is the table
        // reader's to decode too (a header name in Latin-1; found by fuzz_orders)
        if (firstInvalidUtf8(text.substr(0, dataStart)) != std::string_view::npos ||
            text.substr(0, dataStart).find('\0') != std::string_view::npos)
            return plain;
    }
    Context cx;
    cx.delimiter = rep.delimiter;
    cx.fmt = layout->format;
    cx.columns = layout->names.size();
    {
        auto index = [&](const char *role) {
            const std::string name = roleColumn(roleMap, role);
            if (name.empty())
                return -1;
            auto it = std::find(layout->names.begin(), layout->names.end(), name);
            return it == layout->names.end() ? -2 : int(it - layout->names.begin());
        };
        Roles &r = cx.roles;
        r.customer = index("customer");
        r.date = index("date");
        r.amount = index("amount");
        r.quantity = index("quantity");
        r.price = index("unit_price");
        r.invoice = index("invoice");
        for (int c : {r.customer, r.date, r.amount, r.quantity, r.price, r.invoice})
            if (c == -2)
                return plain; // a role on a column the file lacks: the table reader's message
        if (r.customer < 0 || r.date < 0 || (r.amount < 0 && (r.quantity < 0 || r.price < 0)))
            return plain;
    }

    // chunks: read, parsed on every core, merged in file order
    const unsigned threads = so.threads ? so.threads : std::max(1u, std::thread::hardware_concurrency());
    const size_t chunkBytes = std::max<size_t>(so.chunkBytes, 1);
    size_t next = dataStart; // where the next chunk starts in the text
    // the next chunk: up to the first line break after chunkBytes that is outside quotes (as far
    // as quotes pair up; a chunk that does not end with a whole record is found when parsed)
    std::vector<std::unique_ptr<Chunk>> pool; // every chunk ever made; free ones in `spare`
    std::vector<Chunk *> spare;
    auto nextChunk = [&]() -> Chunk * {
        if (spare.empty()) {
            pool.push_back(std::make_unique<Chunk>());
            spare.push_back(pool.back().get());
        }
        Chunk *ch = spare.back();
        spare.pop_back();
        ch->reset();
        const std::string_view rest = text.substr(next);
        size_t cut = std::string_view::npos;
        if (rest.size() > chunkBytes) {
            const size_t nl = rest.find('\n', chunkBytes - 1);
            if (nl != std::string_view::npos && std::memchr(rest.data(), '"', nl) == nullptr) {
                cut = nl + 1;
            } else if (nl != std::string_view::npos) {
                bool quoted = false;
                for (size_t i = 0; i < rest.size(); ++i) {
                    if (rest[i] == '"')
                        quoted = !quoted;
                    else if (rest[i] == '\n' && !quoted && i + 1 >= chunkBytes) {
                        cut = i + 1;
                        break;
                    }
                }
            }
        }
        ch->last = cut == std::string_view::npos;
        ch->text = ch->last ? rest : rest.substr(0, cut);
        next += ch->text.size();
        ch->endOffset = bom + next;
        return ch;
    };

    // what the merge keeps
    StreamedOrderLines out;
    GroupedLines &g = out.grouped;
    DayStore store(cx.roles.invoice >= 0);
    // no more customer-days than lines, and no line shorter than "a,2024-01-01,1\n"
    store.reserve(std::min<size_t>(size_t(fileSize) / 15 + 1024, size_t(1) << 26));
    StringIndex globalIds(1 << 16), globalInvoices(1 << 10);
    Arena idText, invoiceText;
    TextData invoiceNames;
    std::vector<ColumnStats> stats(cx.columns);
    std::vector<Typing> typing(cx.columns); // number/date flags and date info, over all chunks
    std::vector<char> stillTyping(2 * cx.columns, 1);
    size_t rows = 0;
    LinesLeftOut leftOut;
    bool readDayFirst = false, readMonthFirst = false, compact = false, invoiceC = false;
    int64_t line = dataLine;
    const size_t rowBytes = heldRowBytes(cx.columns);
    std::vector<uint32_t> globalOf, invoiceOf;

    auto merge = [&](Chunk &ch) -> bool {
        if (ch.fallback)
            return false;
        leftOut.add(ch.leftOut, line);
        shapes.add(ch.shapes, line);
        rows += ch.dataRows;
        line += ch.lines;
        readDayFirst |= ch.dateReadDayFirst;
        readMonthFirst |= ch.dateReadMonthFirst;
        compact |= ch.dateCompact;
        invoiceC |= ch.invoiceStartsWithC;
        // what the table reader would hold so far, within the memory budget (else it says so)
        if (!budget::allows(uint64_t(rows + 1) * rowBytes, ch.endOffset))
            return false;
        for (size_t c = 0; c < cx.columns; ++c) {
            Typing &t = ch.typing[c], &all = typing[c];
            all.date &= t.date;
            all.anyDate |= t.anyDate;
            all.info.slashDayGt12 |= t.info.slashDayGt12;
            all.info.slashMonthGt12 |= t.info.slashMonthGt12;
            stillTyping[2 * c + 1] = all.date;
            if (!t.number)
                stats[c].number = false;
            if (stats[c].number)
                stats[c].add(t.values, t.counts);
            else
                stats[c].counts = ValueCounts();
            stillTyping[2 * c] = stats[c].number;
        }
        const std::vector<std::string_view> &ids = ch.customerIndex.keys(), &invoices = ch.invoiceIndex.keys();
        globalOf.resize(ids.size());
        for (size_t k = 0; k < ids.size(); ++k) {
            const std::string_view id = ids[k];
            bool isNew = false;
            if (k + 8 < ids.size()) // the table's slot of an id a few ahead, on its way to the cache
                globalIds.prefetch(ch.customerTags[k + 8]);
            // the text is copied only for a new id
            const uint32_t gi = globalIds.insertTagged(id, ch.customerTags[k], isNew,
                                                       [&](std::string_view s) { return idText.keep(s); });
            if (isNew) {
                g.ids.push_back(id);
                store.addCustomer();
            }
            globalOf[k] = gi;
        }
        invoiceOf.resize(invoices.size());
        for (size_t k = 0; k < invoices.size(); ++k) {
            bool isNew = false;
            const uint32_t gi =
                globalInvoices.insert(invoices[k], isNew, [&](std::string_view s) { return invoiceText.keep(s); });
            if (isNew)
                invoiceNames.push_back(invoices[k]);
            invoiceOf[k] = gi;
        }
        if (cx.roles.invoice >= 0) {
            for (const Line &l : ch.kept)
                store.add(globalOf[l.customer], l.day, l.amount, l.invoice == UINT32_MAX ? UINT32_MAX : invoiceOf[l.invoice],
                          l.returns != 0);
        } else {
            for (const Line &l : ch.kept)
                store.addRun(globalOf[l.customer], l.day, l.amount, std::span(ch.amounts.data() + l.first, l.lines),
                             l.returns);
        }
        return true;
    };

    std::deque<std::pair<Chunk *, std::future<void>>> inFlight;
    bool more = true, ok = true;
    const size_t total = size_t(fileSize);
    while (ok && (more || !inFlight.empty())) {
        while (more && inFlight.size() < threads + 1) {
            Chunk *p = nextChunk();
            more = !p->last;
            inFlight.emplace_back(p, startAlongside([p, &cx, flags = stillTyping] { parseChunk(*p, cx, flags); }));
        }
        Chunk *ch = inFlight.front().first;
        std::future<void> job = std::move(inFlight.front().second);
        inFlight.pop_front();
        job.get();
        ok = merge(*ch);
        // nothing views the merged text now (its indexes are emptied): its pages leave the
        // process (they stay in the page cache)
        ch->customerIndex.clear();
        ch->invoiceIndex.clear();
        file.release(ch->endOffset);
        spare.push_back(ch);
        if (opt.cancel && opt.cancel->load(std::memory_order_relaxed)) {
            for (auto &f : inFlight)
                f.second.wait();
            return makeError(ErrorKind::Cancelled, Msg::ImportCancelled, {}, path);
        }
        if (opt.progress)
            opt.progress(0.95 * double(ch->endOffset) / double(std::max<size_t>(total, 1)));
    }
    for (auto &f : inFlight)
        f.second.wait();
    if (file.changed()) // (a chunk with the zeros read in place of the lost pages turns the stream down)
        return makeError(ErrorKind::Io, Msg::FileChangedWhileRead, {}, path);
    if (!ok)
        return plain;
    // the chunks' room back to the heap, for what is sorted and summed next (pages already
    // touched: fresh ones cost as much as the work on them here)
    inFlight.clear();
    spare.clear();
    pool.clear();

    // the columns' types, as buildTypedTable gives them
    out.columns.decimal = cx.fmt.decimal;
    out.columns.thousands = cx.fmt.thousands;
    DateOrder dateColumnOrder = DateOrder::Unknown;
    std::vector<size_t> numberColumns;
    for (size_t c = 0; c < cx.columns; ++c) {
        const std::string &name = layout->names[c];
        if (stats[c].number) {
            out.columns.columns.push_back(Column::numberColumn(name, {}));
            out.inputStats.emplace_back(name, DescriptiveStats{});
            numberColumns.push_back(c);
            continue;
        }
        const Typing &t = typing[c];
        const bool isDate = t.date && t.anyDate && !(int(c) == cx.roles.date && compact);
        if (!isDate) {
            out.columns.columns.push_back(Column::textColumn(name, {}));
            continue;
        }
        Column dc = Column::numberColumn(name, {});
        dc.type = ColumnType::Date;
        out.columns.columns.push_back(std::move(dc));
        DateOrder order = DateOrder::Unknown;
        if (t.info.slashDayGt12 && !t.info.slashMonthGt12)
            order = DateOrder::DayFirst;
        else if (t.info.slashMonthGt12 && !t.info.slashDayGt12)
            order = DateOrder::MonthFirst;
        if (order != DateOrder::Unknown)
            rep.dateOrder = order;
        if (int(c) == cx.roles.date)
            dateColumnOrder = order;
    }
    // the number columns' statistics (their values sorted for the median) on another core, while
    // the ids are read as numbers and the days put in order here
    std::future<void> statsDone = startAlongside([&] {
        parallelFor(numberColumns.size(),
                    [&](size_t i) { out.inputStats[i].second = stats[numberColumns[i]].finish(); });
    });
    // a date column read in one order where the table reader reads the whole column in the other
    if ((dateColumnOrder == DateOrder::DayFirst && readMonthFirst) ||
        (dateColumnOrder == DateOrder::MonthFirst && readDayFirst))
        return plain;
    // ids and invoices in a number column are numbers: "7" and "7.0" are one, "NA" none
    if (cx.roles.customer >= 0 && out.columns.columns[size_t(cx.roles.customer)].type != ColumnType::Text &&
        !orderstore::namesAsNumbers(g.ids, cx.fmt, true))
        return plain;
    if (cx.roles.invoice >= 0 && out.columns.columns[size_t(cx.roles.invoice)].type != ColumnType::Text &&
        (invoiceC || !orderstore::namesAsNumbers(invoiceNames, cx.fmt, false)))
        return plain;
    if (g.ids.size() == 0)
        return plain; // the table reader's message

    shapes.report(rep);
    leftOut.warn(g.warnings);
    g.days = store.finish();
    statsDone.get();
    if (g.days.returnLines)
        g.warnings.push_back({Msg::ReturnLines, {std::to_string(g.days.returnLines)}});
    out.report = std::move(rep);
    out.rows = rows;
    if (opt.progress)
        opt.progress(1.0);
    return Out(std::move(out));
}

Result<std::shared_ptr<const PreparedData>> prepareStreamed(StreamedOrderLines lines, const Project &project,
                                                            const std::string &dataFile)
{
    return prepareGroupedOrderLines(std::move(lines.columns), std::move(lines.grouped), std::move(lines.inputStats), project,
                                    dataFile);
}

} // namespace vs
