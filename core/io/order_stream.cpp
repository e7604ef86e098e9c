#include "order_stream.h"

#include "core/analytics/stats.h"
#include "core/analytics/string_index.h"
#include "core/io/budget.h"
#include "core/io/csv_tokenizer.h"
#include "core/io/encoding.h"
#include "core/io/typing.h"
#include "core/table/cell_parse.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <fstream>
#include <future>
#include <thread>
#include <unordered_set>

namespace vs {

namespace {

uint64_t mix(uint64_t x) // splitmix64's finaliser: every input bit moves the low bits
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// Text that stays where it is: views into it outlive any growth (interned ids and invoices).
class Arena {
public:
    std::string_view keep(std::string_view s)
    {
        if (m_blocks.empty() || m_blocks.back().capacity() - m_blocks.back().size() < s.size()) {
            m_blocks.emplace_back();
            m_blocks.back().reserve(std::max<size_t>(s.size(), 1 << 20));
        }
        std::string &b = m_blocks.back();
        const size_t at = b.size();
        b.append(s);
        return std::string_view(b.data() + at, s.size());
    }
    size_t bytes() const { return m_blocks.size() << 20; }

private:
    std::deque<std::string> m_blocks;
};

// How many times each value occurs (open addressing on the bits; NaN never enters).
class ValueCounts {
public:
    ValueCounts() { m_keys.assign(64, kEmpty), m_counts.assign(64, 0); }
    void add(double v, uint64_t n = 1)
    {
        uint64_t k;
        std::memcpy(&k, &v, 8);
        if ((m_size + 1) * 2 > m_keys.size())
            grow();
        size_t h = slot(k);
        if (m_keys[h] == kEmpty) {
            m_keys[h] = k;
            ++m_size;
        }
        m_counts[h] += n;
    }
    template <class F>
    void each(F f) const
    {
        for (size_t i = 0; i < m_keys.size(); ++i)
            if (m_keys[i] != kEmpty) {
                double v;
                std::memcpy(&v, &m_keys[i], 8);
                f(v, m_counts[i]);
            }
    }
    size_t bytes() const { return m_keys.size() * 16; }
    void clear() // keeping the room
    {
        if (m_size == 0)
            return;
        std::fill(m_keys.begin(), m_keys.end(), kEmpty);
        std::fill(m_counts.begin(), m_counts.end(), 0);
        m_size = 0;
    }

private:
    static constexpr uint64_t kEmpty = 0x7ff8dead0000beefULL; // a NaN: never a key
    size_t slot(uint64_t k) const
    {
        size_t h = size_t(mix(k)) & (m_keys.size() - 1);
        while (m_keys[h] != kEmpty && m_keys[h] != k)
            h = (h + 1) & (m_keys.size() - 1);
        return h;
    }
    void grow()
    {
        std::vector<uint64_t> keys = std::move(m_keys);
        std::vector<uint64_t> counts = std::move(m_counts);
        m_keys.assign(keys.size() * 2, kEmpty);
        m_counts.assign(keys.size() * 2, 0);
        for (size_t i = 0; i < keys.size(); ++i)
            if (keys[i] != kEmpty) {
                const size_t h = slot(keys[i]);
                m_keys[h] = keys[i];
                m_counts[h] = counts[i];
            }
    }
    std::vector<uint64_t> m_keys, m_counts;
    size_t m_size = 0;
};

// What a column's cells allow it to be, as buildTypedTable decides (typing.cpp).
struct Typing {
    bool number = true;         // every cell a number (or missing), none identifier-like
    bool date = true;           // every cell a date (or missing), without yyyymmdd
    bool anyDate = false;
    DateParseInfo info;
    std::vector<double> values; // the numbers, while `number` holds
    ValueCounts counts;
};

// yyyy-mm-dd exactly: the day, without the general parser
bool isoDay(std::string_view s, double &days)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    int v[8], k = 0;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v[k++] = s[i] - '0';
    }
    return civilDays(v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], unsigned(v[4] * 10 + v[5]), unsigned(v[6] * 10 + v[7]),
                     days);
}

struct Roles {
    int customer = -1, date = -1, amount = -1, quantity = -1, price = -1, invoice = -1;
};

struct Line {
    uint32_t customer; // chunk-local number
    int32_t day;
    double amount;
    uint32_t invoice;  // chunk-local number; UINT32_MAX: none
    uint8_t isReturn;
};

struct Chunk {
    std::string text;
    bool last = false;
    uint64_t endOffset = 0; // of the text in the file (for the memory budget)
    // parsed
    bool fallback = false;
    int64_t lines = 0; // line breaks in the chunk
    size_t dataRows = 0, blank = 0, shortRows = 0, longRows = 0, cutRows = 0;
    int64_t firstShort = -1, firstLong = -1, firstCut = -1;
    size_t skipped[3] = {0, 0, 0};
    int64_t firstSkipped[3] = {-1, -1, -1};
    bool dateReadDayFirst = false, dateReadMonthFirst = false, dateCompact = false;
    bool invoiceStartsWithC = false;
    std::vector<Typing> typing;
    std::vector<Line> kept;
    std::vector<std::string_view> customers, invoices; // chunk-local numbers' text
    StringIndex customerIndex{1024}, invoiceIndex{16};
    std::deque<std::string> arena;                      // fields the tokenizer unescaped

    // Ready for the next text. A chunk is used again and again, keeping its room: buffers freed
    // and made anew for every chunk would spread the heap (its pages are kept) with the lines.
    void reset()
    {
        last = fallback = false;
        endOffset = 0;
        lines = 0;
        dataRows = blank = shortRows = longRows = cutRows = 0;
        firstShort = firstLong = firstCut = -1;
        for (int w = 0; w < 3; ++w)
            skipped[w] = 0, firstSkipped[w] = -1;
        dateReadDayFirst = dateReadMonthFirst = dateCompact = invoiceStartsWithC = false;
        for (Typing &t : typing) {
            t.values.clear();
            t.counts.clear();
            t.info = {};
            t.anyDate = false;
        }
        kept.clear();
        customers.clear();
        invoices.clear();
        customerIndex.clear();
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
    if (firstInvalidUtf8(text) != std::string_view::npos || text.find('\0') != std::string_view::npos) {
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
    while (tok.next(rec)) {
        if (rec.blank()) {
            ++ch.blank;
            continue;
        }
        if (rec.dataBeyond && !ch.cutRows++)
            ch.firstCut = rec.line;
        ++ch.dataRows;
        const size_t n = rec.fields.size();
        if (n < cx.columns) {
            if (!ch.shortRows++)
                ch.firstShort = rec.line;
        } else if (n > cx.columns) {
            bool extraData = false;
            for (size_t c = cx.columns; c < n; ++c)
                extraData |= !rec.fields[c].empty();
            if (extraData && !ch.longRows++)
                ch.firstLong = rec.line;
        }
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
                const CellParse p = parseNumber(s, cx.fmt, v);
                numberOk = p != CellParse::Invalid;
                if (p == CellParse::Missing)
                    v = kMissing;
                if (needNumber && !numberOk) { // the table reader says which cell (or that dates are no numbers)
                    ch.fallback = true;
                    return;
                }
                if (t.number) {
                    if (!numberOk || (p == CellParse::Ok && identifierLike(s))) {
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
                if (isoDay(s, d)) {
                    dayValue = d;
                    t.anyDate = true;
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
            if (!ch.skipped[why]++)
                ch.firstSkipped[why] = rec.line;
            continue;
        }
        bool isNew = false;
        uint32_t c = lastCustomer; // a customer's lines mostly come together: its number again
        if (lastCustomer == UINT32_MAX || id != ch.customers[lastCustomer]) {
            c = customers.insert(id, isNew, stable);
            if (isNew)
                ch.customers.push_back(stable(id));
            lastCustomer = c;
        }
        bool cancelled = amount < 0 || (ro.quantity >= 0 && quantity < 0);
        uint32_t inv = UINT32_MAX;
        if (ro.invoice >= 0) {
            const std::string_view s = trimSpaces(cell(ro.invoice));
            if (!s.empty()) {
                inv = invoices.insert(s, isNew, stable);
                if (isNew)
                    ch.invoices.push_back(stable(s));
                if (s[0] == 'C' || s[0] == 'c') {
                    cancelled = true; // (only as long as the column is text: checked when merged)
                    ch.invoiceStartsWithC = true;
                }
            }
        }
        ch.kept.push_back({c, int32_t(std::floor(dayValue)), amount, inv, uint8_t(cancelled)});
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

// The per-customer-day store, filled in file order.
class DayStore {
public:
    explicit DayStore(bool invoices) : m_invoices(invoices) { m_table.assign(1 << 16, 0); }
    void addCustomer()
    {
        m_lastSlot.push_back(UINT32_MAX);
        m_first.push_back(0);
        m_count.push_back(0);
    }
    // Room for this many customer-days at most: address space only, the pages are touched as
    // days come (growing by doubling would copy every array and touch twice the memory).
    void reserve(size_t days)
    {
        m_day.reserve(days);
        m_cust.reserve(days);
        m_net.reserve(days);
        m_returned.reserve(days);
        m_orders.reserve(days);
        if (m_invoices)
            m_lastInvoice.reserve(days);
    }
    size_t customers() const { return m_lastSlot.size(); }
    void add(uint32_t c, int32_t day, double amount, uint32_t invoice, bool isReturn)
    {
        uint32_t s = m_lastSlot[c];
        if (s == UINT32_MAX || m_day[s] != day)
            s = m_count[c] == kHashed ? find(c, day) : findRun(c, day);
        m_lastSlot[c] = s;
        ++m_lines;
        if (isReturn) {
            m_returned[s] -= std::fabs(amount);
            m_net[s] -= std::fabs(amount);
            ++m_returnLines;
            return;
        }
        m_net[s] += amount;
        if (!m_invoices) {
            m_orders[s] = 1;
        } else if (m_orders[s] == 0) {
            m_orders[s] = 1;
            m_lastInvoice[s] = invoice;
        } else if (m_lastInvoice[s] != invoice) {
            if (m_orders[s] == 1)
                m_seen.insert(uint64_t(s) << 32 | m_lastInvoice[s]);
            if (m_seen.insert(uint64_t(s) << 32 | invoice).second)
                ++m_orders[s];
            m_lastInvoice[s] = invoice;
        }
    }
    size_t bytes() const { return m_day.capacity() * 36 + m_table.capacity() * 4 + m_lastSlot.capacity() * 12 + m_seen.size() * 32; }
    size_t lines() const { return m_lines; }

    CustomerDays finish()
    {
        CustomerDays d;
        const size_t n = customers(), slots = m_day.size();
        d.offset.assign(n + 1, 0);
        for (uint32_t c : m_cust)
            ++d.offset[c + 1];
        for (size_t c = 0; c < n; ++c)
            d.offset[c + 1] += d.offset[c];
        std::vector<uint32_t> order(slots);
        {
            std::vector<uint32_t> fill(d.offset.begin(), d.offset.end() - 1);
            for (uint32_t s = 0; s < slots; ++s)
                order[fill[m_cust[s]]++] = s;
        }
        m_table = {};
        m_lastSlot = {};
        m_first = {};
        m_count = {};
        m_cust = {};
        for (size_t c = 0; c < n; ++c)
            std::sort(order.begin() + d.offset[c], order.begin() + d.offset[c + 1],
                      [&](uint32_t a, uint32_t b) { return m_day[a] < m_day[b]; });
        auto gather = [&](auto &from, auto &to) {
            to.resize(slots);
            for (size_t k = 0; k < slots; ++k)
                to[k] = from[order[k]];
            from = {};
        };
        gather(m_net, d.net);
        gather(m_returned, d.returned);
        gather(m_orders, d.orders);
        gather(m_day, d.day);
        d.firstDay = INT32_MAX;
        d.lastDay = INT32_MIN;
        for (int32_t day : d.day) {
            d.firstDay = std::min(d.firstDay, day);
            d.lastDay = std::max(d.lastDay, day);
        }
        d.lines = m_lines;
        d.returnLines = m_returnLines;
        return d;
    }

private:
    size_t hash(uint32_t c, int32_t day) const
    {
        return size_t(mix(uint64_t(c) << 32 | uint32_t(day))) & (m_table.size() - 1);
    }
    // A customer whose days took consecutive slots (its lines come together, as in most
    // exports) is looked up in its own few slots, without the hash table; the first day out of
    // that run, or the 17th, puts its days into the table for good.
    static constexpr uint32_t kHashed = UINT32_MAX, kRunMax = 16;
    uint32_t findRun(uint32_t c, int32_t day)
    {
        const uint32_t first = m_first[c], n = m_count[c];
        for (uint32_t s = first; s < first + n; ++s)
            if (m_day[s] == day)
                return s;
        const uint32_t s = uint32_t(m_day.size());
        if (n == 0 || (s == first + n && n < kRunMax)) {
            if (n == 0)
                m_first[c] = s;
            m_count[c] = n + 1;
            append(c, day);
            return s;
        }
        // out of the run: the customer's days go into the table, then this one
        m_count[c] = kHashed;
        for (uint32_t k = first; k < first + n; ++k)
            insert(c, m_day[k], k);
        return find(c, day);
    }
    void append(uint32_t c, int32_t day)
    {
        m_day.push_back(day);
        m_cust.push_back(c);
        m_net.push_back(0);
        m_returned.push_back(0);
        m_orders.push_back(0);
        if (m_invoices)
            m_lastInvoice.push_back(0);
    }
    void insert(uint32_t c, int32_t day, uint32_t s) // a key not in the table
    {
        size_t h = hash(c, day);
        while (m_table[h])
            h = (h + 1) & (m_table.size() - 1);
        m_table[h] = s + 1;
        if (++m_inTable * 2 > m_table.size())
            rehash();
    }
    uint32_t find(uint32_t c, int32_t day)
    {
        size_t h = hash(c, day);
        while (m_table[h]) {
            const uint32_t s = m_table[h] - 1;
            if (m_cust[s] == c && m_day[s] == day)
                return s;
            h = (h + 1) & (m_table.size() - 1);
        }
        const uint32_t s = uint32_t(m_day.size());
        append(c, day);
        m_table[h] = s + 1;
        if (++m_inTable * 2 > m_table.size())
            rehash();
        return s;
    }
    void rehash() // the entries of the table only (customers still in a run have none)
    {
        std::vector<uint32_t> old(m_table.size() * 2, 0);
        old.swap(m_table);
        for (uint32_t e : old)
            if (e) {
                size_t h = hash(m_cust[e - 1], m_day[e - 1]);
                while (m_table[h])
                    h = (h + 1) & (m_table.size() - 1);
                m_table[h] = e;
            }
    }
    bool m_invoices;
    std::vector<int32_t> m_day;
    std::vector<uint32_t> m_cust, m_orders, m_lastInvoice, m_table, m_lastSlot;
    std::vector<uint32_t> m_first, m_count; // a customer's run of slots; m_count kHashed: in the table
    size_t m_inTable = 0;
    std::vector<double> m_net, m_returned;
    std::unordered_set<uint64_t> m_seen; // (slot, invoice) of days with more than one invoice
    size_t m_lines = 0, m_returnLines = 0;
};

// A column's statistics over every data row, taken in file order as describe() takes them.
struct ColumnStats {
    bool number = true;
    size_t count = 0;
    Neumaier sum;
    double mn = INFINITY, mx = -INFINITY;
    ValueCounts counts;
    void add(const std::vector<double> &values, const ValueCounts &chunkCounts)
    {
        for (double v : values) {
            if (std::isnan(v))
                continue;
            ++count;
            sum.add(v);
            mn = v < mn ? v : mn;
            mx = v > mx ? v : mx;
        }
        chunkCounts.each([&](double v, uint64_t k) { counts.add(v, k); });
    }
    DescriptiveStats finish() const
    {
        DescriptiveStats st;
        st.mean = st.median = st.variance = st.std = st.min = st.max = kMissing;
        st.count = count;
        st.sum = sum.value();
        if (count == 0)
            return st;
        const double n = double(count);
        st.mean = st.sum / n;
        st.min = mn;
        st.max = mx;
        std::vector<std::pair<double, uint64_t>> sorted;
        counts.each([&](double v, uint64_t k) { sorted.emplace_back(v, k); });
        std::sort(sorted.begin(), sorted.end());
        if (count >= 2) {
            Neumaier ss;
            for (auto [v, k] : sorted)
                for (uint64_t i = 0; i < k; ++i)
                    ss.add((v - st.mean) * (v - st.mean));
            st.variance = ss.value() / (n - 1);
            st.std = std::sqrt(st.variance);
        }
        auto rank = [&](size_t r) { // the r-th smallest (0-based)
            size_t seen = 0;
            for (auto [v, k] : sorted) {
                seen += k;
                if (r < seen)
                    return v;
            }
            return sorted.back().first;
        };
        const size_t mid = count / 2;
        st.median = count % 2 ? rank(mid) : (rank(mid - 1) + rank(mid)) / 2.0;
        return st;
    }
};

std::string roleColumn(const std::map<std::string, std::string> &roles, const char *r)
{
    auto it = roles.find(r);
    return it == roles.end() ? std::string() : it->second;
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
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return plain;
    in.seekg(0, std::ios::end);
    const std::streamoff fileSize = in.tellg();
    if (fileSize <= 0)
        return plain;
    in.seekg(0);
    const size_t chunkBytes = std::max<size_t>(so.chunkBytes, 1);
    // the start of the file: encoding, delimiter, header
    std::string head(size_t(std::min<std::streamoff>(fileSize, std::streamoff(std::max<size_t>(so.headBytes, 1)))), '\0');
    if (!in.read(head.data(), std::streamsize(head.size())))
        return plain;
    uint64_t offset = head.size();
    // the first records must be in it (the header is looked for in the first 1,000)
    while (offset < uint64_t(fileSize) && std::count(head.begin(), head.end(), '\n') < 1100) {
        const size_t at = head.size();
        head.resize(size_t(std::min<uint64_t>(uint64_t(fileSize), 2 * at)));
        if (!in.read(head.data() + at, std::streamsize(head.size() - at)))
            return plain;
        offset = head.size();
    }
    const bool whole = offset == uint64_t(fileSize);
    size_t bom = 0;
    if (opt.encoding.userSet && canonicalEncodingName(opt.encoding.value) != "UTF-8")
        return plain;
    if (head.compare(0, 3, "\xEF\xBB\xBF") == 0)
        bom = 3;
    else if (head.size() >= 2 && ((uint8_t(head[0]) == 0xFF && uint8_t(head[1]) == 0xFE) ||
                                  (uint8_t(head[0]) == 0xFE && uint8_t(head[1]) == 0xFF)))
        return plain;
    if (head.find('\0') != std::string::npos)
        return plain;
    std::string_view text = std::string_view(head).substr(bom);
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
    size_t blankBefore = 0, cutBefore = 0;
    int64_t firstCutBefore = -1, dataLine = 1;
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
        if (tok.unterminatedQuote() || (!whole && tok.position() + 1 >= text.size()))
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
                ++blankBefore;
                continue;
            }
            if (rec.dataBeyond && !cutBefore++)
                firstCutBefore = rec.line;
            ++seen;
        }
        dataStart = again.position();
        dataLine = again.line();
        if (again.unterminatedQuote() || (!whole && dataStart + 1 >= text.size()))
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
    std::string pending(text.substr(dataStart));
    head.clear();
    head.shrink_to_fit();
    bool eof = whole;
    auto fill = [&](size_t want) {
        while (!eof && pending.size() < want) {
            const size_t at = pending.size();
            pending.resize(want);
            in.read(pending.data() + at, std::streamsize(want - at));
            const size_t got = size_t(in.gcount());
            pending.resize(at + got);
            offset += got;
            if (got == 0 || offset >= uint64_t(fileSize))
                eof = true;
        }
    };
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
        // read a little past chunkBytes, so that the line break after it is usually there
        size_t want = chunkBytes + std::min<size_t>(chunkBytes, 1 << 16);
        for (;;) {
            fill(want);
            size_t cut = std::string::npos;
            if (pending.size() >= chunkBytes) {
                if (std::memchr(pending.data(), '"', pending.size()) == nullptr) {
                    const size_t nl = pending.find('\n', chunkBytes - 1);
                    cut = nl == std::string::npos ? nl : nl + 1;
                } else {
                    bool quoted = false;
                    for (size_t i = 0; i < pending.size(); ++i) {
                        if (pending[i] == '"')
                            quoted = !quoted;
                        else if (pending[i] == '\n' && !quoted && i + 1 >= chunkBytes) {
                            cut = i + 1;
                            break;
                        }
                    }
                }
            }
            if (cut == std::string::npos) {
                if (!eof) { // a record longer than a chunk: read on
                    want = std::max(want, pending.size()) * 2;
                    continue;
                }
                ch->text.assign(pending);
                pending.clear();
                ch->last = true;
                ch->endOffset = offset;
                return ch;
            }
            ch->text.assign(pending, 0, cut);
            pending.erase(0, cut);
            ch->endOffset = offset - pending.size();
            return ch;
        }
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
    size_t rows = 0, blank = blankBefore, shortRows = 0, longRows = 0, cutRows = cutBefore;
    int64_t firstShort = -1, firstLong = -1, firstCut = firstCutBefore;
    size_t skipped[3] = {0, 0, 0};
    int64_t firstSkipped[3] = {-1, -1, -1};
    bool readDayFirst = false, readMonthFirst = false, compact = false, invoiceC = false;
    int64_t line = dataLine;
    const size_t rowBytes = cx.columns * sizeof(std::string_view) + sizeof(int64_t);
    std::vector<uint32_t> globalOf, invoiceOf;

    auto merge = [&](Chunk &ch) -> bool {
        if (ch.fallback)
            return false;
        auto at = [&](int64_t rel) { return rel < 0 ? rel : rel + line; };
        for (int w = 0; w < 3; ++w) {
            if (ch.skipped[w] && !skipped[w])
                firstSkipped[w] = at(ch.firstSkipped[w]);
            skipped[w] += ch.skipped[w];
        }
        if (ch.shortRows && !shortRows)
            firstShort = at(ch.firstShort);
        if (ch.longRows && !longRows)
            firstLong = at(ch.firstLong);
        if (ch.cutRows && !cutRows)
            firstCut = at(ch.firstCut);
        shortRows += ch.shortRows;
        longRows += ch.longRows;
        cutRows += ch.cutRows;
        blank += ch.blank;
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
        globalOf.resize(ch.customers.size());
        for (size_t k = 0; k < ch.customers.size(); ++k) {
            const std::string_view id = ch.customers[k];
            bool isNew = false;
            // the text is copied only for a new id
            const uint32_t gi = globalIds.insert(id, isNew, [&](std::string_view s) { return idText.keep(s); });
            if (isNew) {
                g.ids.push_back(id);
                store.addCustomer();
            }
            globalOf[k] = gi;
        }
        invoiceOf.resize(ch.invoices.size());
        for (size_t k = 0; k < ch.invoices.size(); ++k) {
            bool isNew = false;
            const uint32_t gi =
                globalInvoices.insert(ch.invoices[k], isNew, [&](std::string_view s) { return invoiceText.keep(s); });
            if (isNew)
                invoiceNames.push_back(ch.invoices[k]);
            invoiceOf[k] = gi;
        }
        for (const Line &l : ch.kept)
            store.add(globalOf[l.customer], l.day, l.amount, l.invoice == UINT32_MAX ? UINT32_MAX : invoiceOf[l.invoice],
                      l.isReturn);
        return true;
    };

    std::deque<std::pair<Chunk *, std::future<void>>> inFlight;
    bool more = true, ok = true;
    const size_t total = size_t(fileSize);
    while (ok && (more || !inFlight.empty())) {
        while (more && inFlight.size() < threads + 1) {
            Chunk *p = nextChunk();
            more = !p->last;
            const std::vector<char> flags = stillTyping;
            auto job = std::async(std::launch::async, [p, &cx, flags] { parseChunk(*p, cx, flags); });
            inFlight.emplace_back(p, std::move(job));
        }
        Chunk *ch = inFlight.front().first;
        std::future<void> job = std::move(inFlight.front().second);
        inFlight.pop_front();
        job.get();
        ok = merge(*ch);
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
    if (!ok)
        return plain;

    // the columns' types, as buildTypedTable gives them
    out.columns.decimal = cx.fmt.decimal;
    out.columns.thousands = cx.fmt.thousands;
    DateOrder dateColumnOrder = DateOrder::Unknown;
    for (size_t c = 0; c < cx.columns; ++c) {
        const std::string &name = layout->names[c];
        if (stats[c].number) {
            out.columns.columns.push_back(Column::numberColumn(name, {}));
            out.inputStats.emplace_back(name, stats[c].finish());
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
    // a date column read in one order where the table reader reads the whole column in the other
    if ((dateColumnOrder == DateOrder::DayFirst && readMonthFirst) ||
        (dateColumnOrder == DateOrder::MonthFirst && readDayFirst))
        return plain;
    // ids and invoices in a number column are numbers: "7" and "7.0" are one, "NA" none
    auto asNumbers = [&](auto &&names, bool rename) -> bool {
        std::unordered_set<uint64_t> seen;
        TextData renamed;
        for (size_t i = 0; i < names.size(); ++i) {
            const std::string_view s = names.at(i);
            double v;
            if (parseNumber(s, cx.fmt, v) != CellParse::Ok)
                return false;
            uint64_t bits;
            std::memcpy(&bits, &v, 8);
            if (!seen.insert(bits).second)
                return false;
            if (rename)
                renamed.push_back(formatNumber(v));
        }
        if (rename)
            g.ids = std::move(renamed);
        return true;
    };
    if (cx.roles.customer >= 0 && out.columns.columns[size_t(cx.roles.customer)].type != ColumnType::Text &&
        !asNumbers(g.ids, true))
        return plain;
    if (cx.roles.invoice >= 0 && out.columns.columns[size_t(cx.roles.invoice)].type != ColumnType::Text &&
        (invoiceC || !asNumbers(invoiceNames, false)))
        return plain;
    if (g.ids.size() == 0)
        return plain; // the table reader's message

    rep.skippedBlankRows = blank;
    if (shortRows)
        rep.warnings.push_back({Msg::ShortRows, {std::to_string(shortRows), std::to_string(firstShort)}});
    if (longRows)
        rep.warnings.push_back(extraFieldsWarning(longRows, firstLong));
    if (cutRows)
        rep.warnings.push_back({Msg::ColumnsBeyondLimit, {std::to_string(cutRows), std::to_string(budget::kMaxColumns),
                                                          std::to_string(firstCut)}});
    const Msg what[3] = {Msg::LinesWithoutId, Msg::LinesWithoutDate, Msg::LinesWithoutAmount};
    for (int w = 0; w < 3; ++w)
        if (skipped[w])
            g.warnings.push_back({what[w], {std::to_string(skipped[w]), std::to_string(firstSkipped[w])}});
    g.days = store.finish();
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
