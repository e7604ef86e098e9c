#pragma once
// What the order-line streams share (order_stream.cpp for CSV, order_sheet.cpp for XLSX): the
// per-customer-day store filled in file order, column statistics taken as describe() takes them,
// interned text that stays where it is, the ISO day fast path. Internal to core/io.
#include "core/analytics/stats.h"
#include "core/analytics/transactions.h"
#include "core/table/cell_parse.h"

#include <boost/sort/spreadsort/float_sort.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace vs::orderstore {

inline uint64_t mix(uint64_t x) // splitmix64's finaliser: every input bit moves the low bits
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

// How many times each value occurs (NaN never enters). Amounts of whole cents from 0.00 to
// 655.35 (the double nearest k / 100, bit for bit) are counted in an array by k, without
// hashing; other values by open addressing on their bits.
class ValueCounts {
public:
    ValueCounts() { m_keys.assign(64, kEmpty), m_counts.assign(64, 0); }
    void add(double v, uint64_t n = 1)
    {
        uint64_t k;
        std::memcpy(&k, &v, 8);
        if (k == m_lastKey) { // the value of the line before (a customer's id, line after line)
            m_counts[m_lastSlot] += n;
            return;
        }
        const double hundredths = v * 100;
        if (hundredths >= 0 && hundredths < double(kCents)) {
            const uint32_t cents = uint32_t(hundredths + 0.5);
            const double back = double(cents) / 100;
            uint64_t b;
            std::memcpy(&b, &back, 8);
            if (b == k) {
                if (m_cents.empty())
                    m_cents.assign(kCents, 0);
                m_centsUsed |= m_cents[cents] == 0;
                m_cents[cents] += n;
                return;
            }
        }
        if ((m_size + 1) * 2 > m_keys.size())
            grow();
        size_t h = slot(k);
        if (m_keys[h] == kEmpty) {
            m_keys[h] = k;
            ++m_size;
        }
        m_counts[h] += n;
        m_lastKey = k;
        m_lastSlot = h;
    }
    template <class F>
    void each(F f) const
    {
        if (m_centsUsed)
            for (uint32_t c = 0; c < kCents; ++c)
                if (m_cents[c])
                    f(double(c) / 100, m_cents[c]);
        for (size_t i = 0; i < m_keys.size(); ++i)
            if (m_keys[i] != kEmpty) {
                double v;
                std::memcpy(&v, &m_keys[i], 8);
                f(v, m_counts[i]);
            }
    }
    size_t bytes() const { return m_keys.size() * 16 + m_cents.size() * 8; }
    void clear() // keeping the room
    {
        if (m_centsUsed)
            std::fill(m_cents.begin(), m_cents.end(), 0);
        m_centsUsed = false;
        if (m_size == 0)
            return;
        std::fill(m_keys.begin(), m_keys.end(), kEmpty);
        std::fill(m_counts.begin(), m_counts.end(), 0);
        m_size = 0;
        m_lastKey = kEmpty;
    }

private:
    static constexpr uint64_t kEmpty = 0x7ff8dead0000beefULL; // a NaN: never a key
    static constexpr uint32_t kCents = 1 << 16;
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
        m_lastKey = kEmpty;
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
    std::vector<uint64_t> m_cents; // by k: the count of the double nearest k / 100 (room made at the first)
    bool m_centsUsed = false;
    size_t m_size = 0;
    uint64_t m_lastKey = kEmpty; // the last value added and its slot
    size_t m_lastSlot = 0;
};

// yyyy-mm-dd exactly: the day, without the general parser
inline bool isoDay(std::string_view s, double &days)
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
        m_orders.reserve(days);
        if (m_invoices)
            m_lastInvoice.reserve(days);
    }
    size_t customers() const { return m_lastSlot.size(); }
    void add(uint32_t c, int32_t day, double amount, uint32_t invoice, bool isReturn)
    {
        const uint32_t s = slotOf(c, day);
        ++m_lines;
        if (isReturn) {
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
    // A run of a customer's lines of one day (without invoices): `sum` is amounts added to 0 in
    // order (a return's as -|amount|), as add() would add them to a new day; a day already there
    // gets the amounts one by one.
    void addRun(uint32_t c, int32_t day, double sum, std::span<const double> amounts, uint32_t returns)
    {
        const size_t before = m_day.size();
        const uint32_t s = slotOf(c, day);
        m_lines += amounts.size();
        m_returnLines += returns;
        if (m_day.size() > before) {
            m_net[s] = sum;
        } else {
            double net = m_net[s];
            for (double a : amounts)
                net += a;
            m_net[s] = net;
        }
        if (returns < amounts.size())
            m_orders[s] = 1;
    }
    size_t bytes() const { return m_day.capacity() * 28 + m_table.capacity() * 4 + m_lastSlot.capacity() * 12 + m_seen.size() * 32; }
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
        d.lines = m_lines;
        d.returnLines = m_returnLines;
        // Every customer's days in consecutive slots, in order of day (a log sorted by customer
        // and date): the arrays are the result as they are, nothing is copied.
        bool inOrder = true;
        for (size_t s = 1; s < slots && inOrder; ++s)
            inOrder = m_cust[s] > m_cust[s - 1] || (m_cust[s] == m_cust[s - 1] && m_day[s] > m_day[s - 1]);
        if (inOrder) {
            d.net = std::move(m_net);
            d.orders = std::move(m_orders);
            d.day = std::move(m_day);
            m_table = {};
            m_lastSlot = {};
            m_first = {};
            m_count = {};
            m_cust = {};
            setSpan(d);
            return d;
        }
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
        gather(m_orders, d.orders);
        gather(m_day, d.day);
        setSpan(d);
        return d;
    }

private:
    static void setSpan(CustomerDays &d)
    {
        d.firstDay = INT32_MAX;
        d.lastDay = INT32_MIN;
        for (int32_t day : d.day) {
            d.firstDay = std::min(d.firstDay, day);
            d.lastDay = std::max(d.lastDay, day);
        }
    }
    // the slot of customer c's day (made when new): the customer's last one, its run or the table
    uint32_t slotOf(uint32_t c, int32_t day)
    {
        uint32_t s = m_lastSlot[c];
        if (s == UINT32_MAX || m_day[s] != day)
            s = m_count[c] == kHashed ? find(c, day) : findRun(c, day);
        m_lastSlot[c] = s;
        return s;
    }
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
    std::vector<double> m_net;
    std::unordered_set<uint64_t> m_seen; // (slot, invoice) of days with more than one invoice
    size_t m_lines = 0, m_returnLines = 0;
};

// A column's statistics over every data row, taken in file order as describe() takes them.
struct ColumnStats {
    bool number = true;
    RunningStats running;
    ValueCounts counts;
    void add(const std::vector<double> &values, const ValueCounts &chunkCounts)
    {
        for (double v : values)
            if (!std::isnan(v))
                running.add(v);
        chunkCounts.each([&](double v, uint64_t k) { counts.add(v, k); });
    }
    void add(double v) // one value (not missing)
    {
        running.add(v);
        counts.add(v);
    }
    DescriptiveStats finish() const
    {
        DescriptiveStats st = running.first();
        const size_t count = st.count;
        if (count == 0)
            return st;
        const double n = double(count);
        std::vector<std::pair<double, uint64_t>> sorted;
        counts.each([&](double v, uint64_t k) { sorted.emplace_back(v, k); });
        // by value (each value once): a radix sort on the bits, a million distinct ids at a time
        boost::sort::spreadsort::float_sort(
            sorted.begin(), sorted.end(),
            [](const std::pair<double, uint64_t> &p, unsigned offset) {
                return boost::sort::spreadsort::float_mem_cast<double, int64_t>(p.first) >> offset;
            },
            [](const std::pair<double, uint64_t> &a, const std::pair<double, uint64_t> &b) { return a.first < b.first; });
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

inline std::string roleColumn(const std::map<std::string, std::string> &roles, const char *r)
{
    auto it = roles.find(r);
    return it == roles.end() ? std::string() : it->second;
}

// Ids (or invoices) from a number column are numbers, as the table reads them: "7" and "7.0" are
// one. False when a name does not read as a number or two names are the same number (the table
// reader decides then); with rename, names are rewritten as their numbers ("7.0" becomes "7").
// The names are distinct (interned).
inline bool namesAsNumbers(TextData &names, const NumberFormat &fmt, bool rename)
{
    // a whole number written plainly (1 to 15 digits, no leading zero) is its own text as a
    // number, and distinct plain names are distinct numbers: most ids, nothing to do
    auto plain = [](std::string_view s) {
        if (s.empty() || s.size() > 15 || (s[0] == '0' && s.size() > 1))
            return false;
        for (char c : s)
            if (c < '0' || c > '9')
                return false;
        return true;
    };
    bool allPlain = true;
    for (size_t i = 0; i < names.size() && allPlain; ++i)
        allPlain = plain(names.at(i));
    if (allPlain)
        return true;
    std::vector<uint64_t> bits(names.size());
    TextData renamed;
    char buf[kNumberTextMax];
    for (size_t i = 0; i < names.size(); ++i) {
        const std::string_view s = names.at(i);
        double v;
        if (parseNumber(s, fmt, v) != CellParse::Ok)
            return false;
        std::memcpy(&bits[i], &v, 8);
        if (rename)
            renamed.push_back(std::string_view(buf, formatNumberTo(buf, v)));
    }
    std::sort(bits.begin(), bits.end());
    if (std::adjacent_find(bits.begin(), bits.end()) != bits.end())
        return false;
    if (rename)
        names = std::move(renamed);
    return true;
}

} // namespace vs::orderstore
