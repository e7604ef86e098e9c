#include "results_writer.h"

#include "core/io/over_time_output.h"

#include "core/domain/models.h"
#include "core/io/atomic_file.h"
#include "core/parallel.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <future>
#include <memory>
#include <thread>

namespace vs {

using json = nlohmann::ordered_json;

bool needsFormulaGuard(std::string_view t)
{
    return !t.empty() && (t[0] == '=' || t[0] == '+' || t[0] == '-' || t[0] == '@' || t[0] == '\t' || t[0] == '\r');
}

namespace {
// The characters that make a CSV field quoted.
constexpr auto kQuoteChars = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : std::string_view(",\"\n\r"))
        t[c] = true;
    return t;
}();
bool needsQuotes(std::string_view t)
{
    for (unsigned char c : t)
        if (kQuoteChars[c])
            return true;
    return false;
}
// written as it is: no formula guard, no quotes (else csvEscapeText)
bool plainCsvText(std::string_view t)
{
    return !needsFormulaGuard(t) && !needsQuotes(t);
}
} // namespace

std::string csvEscapeText(std::string_view t)
{
    std::string s;
    if (needsFormulaGuard(t))
        s.push_back('\'');
    s.append(t);
    if (!needsQuotes(s))
        return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"')
            q.push_back('"');
        q.push_back(c);
    }
    q.push_back('"');
    return q;
}

OutputTable resultsTable(const AnalysisResults &r)
{
    OutputTable t;
    t.rows = r.rowCount();
    const PreparedData &d = *r.data;
    if (r.layout == Layout::Campaigns) {
        t.header = {"campaign", "sales", "cost", "effect", "roi"};
        t.numeric = {false, true, true, true, true};
        const auto *sales = r.column("sales");
        const auto *cost = r.column("cost");
        const auto *roi = r.column("roi");
        t.text = [&r, &d, sales, cost, roi](size_t row, size_t col) -> std::string {
            switch (col) {
            case 0: return std::string(d.ids.at(row));
            case 1: return formatNumber((*sales)[row]);
            case 2: return formatNumber((*cost)[row]);
            case 3: return formatNumber(r.value[row]);
            default: return formatNumber((*roi)[row]);
            }
        };
        return t;
    }
    t.header = {"customer", "value", "segment", "strategy"};
    t.numeric = {false, true, false, false};
    for (const NamedValues &s : r.scores) {
        t.header.push_back(s.name);
        t.numeric.push_back(true);
    }
    for (const NamedValues &e : r.extra) {
        t.header.push_back(e.name);
        t.numeric.push_back(!e.isDate);
    }
    const size_t nScores = r.scores.size();
    t.text = [&r, &d, nScores](size_t row, size_t col) -> std::string {
        switch (col) {
        case 0: return std::string(d.ids.at(row));
        case 1: return formatNumber(r.value[row]);
        case 2: return r.segment[row] < 0 ? std::string() : r.segments[size_t(r.segment[row])].label;
        case 3: return r.segment[row] < 0 ? std::string() : r.segments[size_t(r.segment[row])].strategy;
        default:
            if (col - 4 < nScores)
                return formatNumber(r.scores[col - 4].values[row]);
            {
                const NamedValues &e = r.extra[col - 4 - nScores];
                if (e.isDate)
                    return std::isnan(e.values[row]) ? std::string() : formatDate(e.values[row]);
                return formatNumber(e.values[row]);
            }
        }
    };
    return t;
}

namespace {
void appendText(std::string &buf, std::string_view t)
{
    if (plainCsvText(t))
        buf.append(t);
    else
        buf += csvEscapeText(t);
}

// A block of the results file's text: grown without being zero-filled first, written into
// without a check on every piece (the caller makes room for a row at once).
class TextBlock {
public:
    void clear() { size_ = 0; }
    void makeRoom(size_t n)
    {
        if (cap_ - size_ >= n)
            return;
        const size_t cap = std::max(size_ + n, 2 * cap_);
        auto bigger = std::make_unique_for_overwrite<char[]>(cap);
        if (size_)
            std::memcpy(bigger.get(), data_.get(), size_);
        data_ = std::move(bigger);
        cap_ = cap;
    }
    void put(char c) { data_[size_++] = c; }
    void put(std::string_view t)
    {
        std::memcpy(data_.get() + size_, t.data(), t.size());
        size_ += t.size();
    }
    void putNumber(double v) { size_ += formatNumberTo(data_.get() + size_, v); }
    // a text cell, quoted and guarded as csvEscapeText says (room: 2 * size + 3)
    void putText(std::string_view t)
    {
        if (plainCsvText(t))
            put(t);
        else
            put(csvEscapeText(t));
    }
    std::string_view text() const { return {data_.get(), size_}; }
    char *end() { return data_.get() + size_; }

private:
    std::unique_ptr<char[]> data_;
    size_t size_ = 0, cap_ = 0;
};

// The texts of the numbers a column of the results file had last, by their bits: a column of
// few distinct values (a score of 1 to 5 averaged, a count) is written from here, without the
// search for the shortest digits; a column of many (values in cents) stops asking after 1,024
// numbers with few found.
class NumberTexts {
public:
    void put(TextBlock &out, double v)
    {
        if (!m_on) {
            out.putNumber(v);
            return;
        }
        uint64_t bits;
        std::memcpy(&bits, &v, 8);
        Entry &e = m_entries[size_t((bits * 0x9E3779B97F4A7C15ULL) >> (64 - kBits))];
        if (e.length && e.bits == bits) {
            ++m_found;
            out.put(std::string_view(e.text, e.length));
        } else {
            char *at = out.end();
            out.putNumber(v);
            const size_t length = size_t(out.end() - at);
            if (length <= sizeof e.text) {
                e.bits = bits;
                e.length = uint8_t(length);
                std::memcpy(e.text, at, length);
            }
        }
        if (++m_asked == 1024 && m_found < 512)
            m_on = false;
    }

private:
    static constexpr unsigned kBits = 8;
    struct Entry {
        uint64_t bits = 0;
        uint8_t length = 0; // 0: empty (NaN's empty text is written, never kept)
        char text[23];
    };
    std::array<Entry, size_t(1) << kBits> m_entries{};
    size_t m_asked = 0, m_found = 0;
    bool m_on = true;
};

// Rows [0, rows) formatted by format(from, to, block) in blocks on every core while the blocks
// before them are written, in order, on another thread. The blocks' memory is used again and
// again: a million customers' lines touch a few megabytes, not the file's size.
template <class Format>
void writeInBlocks(std::ostream &out, size_t rows, Format format)
{
    constexpr size_t kBlock = size_t(1) << 13;
    const size_t blocks = (rows + kBlock - 1) / kBlock;
    const size_t group = 4 * size_t(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<TextBlock> turns[2] = {std::vector<TextBlock>(group), std::vector<TextBlock>(group)};
    std::future<void> writing;
    for (size_t first = 0, turn = 0; first < blocks; first += group, turn ^= 1) {
        std::vector<TextBlock> &mine = turns[turn]; // its text was written two turns ago
        const size_t n = std::min(group, blocks - first);
        parallelFor(n, [&](size_t i) {
            const size_t from = (first + i) * kBlock;
            mine[i].clear();
            format(from, std::min(rows, from + kBlock), mine[i]);
        });
        if (writing.valid())
            writing.get();
        writing = startAlongside([&out, &mine, n] {
            for (size_t i = 0; i < n; ++i)
                out.write(mine[i].text().data(), std::streamsize(mine[i].text().size()));
        });
    }
    if (writing.valid())
        writing.get();
}
} // namespace

Status writeResultsCsv(const AnalysisResults &r, const std::string &path)
{
    if (r.layout == Layout::Campaigns) {
        // few rows: the general table is fast enough
        const OutputTable t = resultsTable(r);
        std::string buf = "campaign,sales,cost,effect,roi\n";
        for (size_t row = 0; row < t.rows; ++row) {
            for (size_t c = 0; c < t.header.size(); ++c) {
                if (c)
                    buf.push_back(',');
                if (t.numeric[c])
                    buf += t.text(row, c);
                else
                    appendText(buf, t.text(row, c));
            }
            buf.push_back('\n');
        }
        return writeFileAtomically(path, buf);
    }
    AtomicFile f(path);
    if (auto s = f.open(); !s)
        return s;
    std::string buf = "customer,value,segment,strategy";
    for (const NamedValues &s : r.scores) {
        buf.push_back(',');
        appendText(buf, s.name);
    }
    for (const NamedValues &e : r.extra) {
        buf.push_back(',');
        appendText(buf, e.name);
    }
    buf.push_back('\n');
    // segment label and strategy, escaped once
    std::vector<std::string> segText;
    for (const SegmentRow &s : r.segments) {
        std::string t;
        appendText(t, s.label);
        t.push_back(',');
        appendText(t, s.strategy);
        segText.push_back(std::move(t));
    }
    f.stream().write(buf.data(), std::streamsize(buf.size()));
    size_t segMax = 1;
    for (const std::string &t : segText)
        segMax = std::max(segMax, t.size());
    const size_t numbers = 1 + r.scores.size() + r.extra.size();
    const TextData &ids = r.data->ids;
    writeInBlocks(f.stream(), r.rowCount(), [&](size_t from, size_t to, TextBlock &out) {
        std::vector<NumberTexts> scoreTexts(r.scores.size()); // (value: mostly distinct, not asked)
        for (size_t row = from; row < to; ++row) {
            const std::string_view id = ids.at(row);
            // the id (guarded and quoted at worst), the numbers, the segment, the separators
            out.makeRoom(2 * id.size() + 3 + numbers * (kNumberTextMax + 1) + segMax + 3);
            out.putText(id);
            out.put(',');
            out.putNumber(r.value[row]);
            out.put(',');
            if (r.segment[row] >= 0)
                out.put(segText[size_t(r.segment[row])]);
            else
                out.put(',');
            for (size_t k = 0; k < r.scores.size(); ++k) {
                out.put(',');
                scoreTexts[k].put(out, r.scores[k].values[row]);
            }
            for (const NamedValues &e : r.extra) {
                out.put(',');
                if (e.isDate && !std::isnan(e.values[row]))
                    out.put(formatDate(e.values[row]));
                else if (!e.isDate)
                    out.putNumber(e.values[row]);
            }
            out.put('\n');
        }
    });
    return f.commit();
}

namespace {
json num(double v)
{
    if (std::isnan(v) || std::isinf(v))
        return nullptr;
    return v;
}
} // namespace

std::string summaryJson(const AnalysisResults &r, const Project &p, const ScenarioComparison *comparison)
{
    json j;
    j["valuescope"] = 1;
    j["layout"] = layoutName(r.layout);
    j["model"] = r.model;
    j["customers"] = r.rowCount();
    j["valued_customers"] = r.valuedCount;
    j["total_value"] = num(r.totalValue);
    j["mean_value"] = num(r.meanValue);
    if (r.layout != Layout::Campaigns) {
        json seg;
        seg["by"] = r.segmentBy;
        seg["method"] = p.segments.method;
        json edges = json::array();
        for (double e : r.edges)
            edges.push_back(num(e));
        seg["edges"] = edges;
        j["segmentation"] = seg;
        json segs = json::object();
        for (const SegmentRow &s : r.segments) {
            json o;
            o["count"] = s.count;
            o["total_value"] = num(s.totalValue);
            o["mean_value"] = num(s.meanValue);
            o["share_of_value"] = num(s.shareOfValue);
            o["strategy"] = s.strategy;
            segs[s.label] = o;
        }
        j["segments"] = segs;
    }
    if (r.campaigns) {
        const CampaignSummary &c = *r.campaigns;
        j["campaigns"] = {{"count", r.rowCount()},
                          {"mean_effect", num(c.meanEffect)},
                          {"total_effect", num(c.totalEffect)},
                          {"total_sales", num(c.totalSales)},
                          {"total_cost", num(c.totalCost)},
                          {"roi", num(c.overallRoi)}};
    }
    if (!r.rates.empty()) {
        json rates = json::object();
        for (const auto &[name, share] : r.rates)
            rates[name] = num(share);
        j["rates"] = rates;
    }
    if (r.concentration && r.concentration->customers) {
        j["concentration"] = {{"gini", num(r.concentration->gini)}, {"top20_share", num(r.concentration->top20Share)}};
    }
    if (r.rfm) {
        const char *names[3] = {"recency", "frequency", "monetary"};
        json rfm;
        rfm["scoring"] = r.rfm->scoring;
        for (size_t k = 0; k < 3; ++k) {
            json edges = json::array();
            for (double e : r.rfm->edges[k])
                edges.push_back(num(e));
            rfm[names[k]] = {{"edges", edges}, {"scores", r.rfm->binScores[k]}};
        }
        j["rfm"] = rfm;
    }
    if (r.btyd) {
        const BtydInfo &b = *r.btyd;
        auto se = [](const FitInfo &f, size_t k) { return k < f.standardErrors.size() ? num(f.standardErrors[k]) : json(); };
        j["time_unit"] = b.timeUnit;
        j["period"] = b.period;
        j["observation_end"] = formatDate(b.observationEnd);
        if (const PurchaseModelFit *bg = b.find("bgnbd")) {
            const Params4 &bp = bg->fit.params;
            j["bgnbd"] = {{"r", bp[0]}, {"alpha", bp[1]}, {"a", bp[2]}, {"b", bp[3]},
                          {"log_likelihood", bg->fit.info.logLikelihood},
                          {"customers", bg->fit.info.customers},
                          {"standard_errors", {{"r", se(bg->fit.info, 0)}, {"alpha", se(bg->fit.info, 1)},
                                               {"a", se(bg->fit.info, 2)}, {"b", se(bg->fit.info, 3)}}}};
        }
        json models = json::array();
        for (const PurchaseModelFit &m : b.models) {
            json params = json::object(), errors = json::object();
            for (size_t k = 0; k < 4; ++k) {
                params[m.model->params[k]] = m.fit.params[k];
                errors[m.model->params[k]] = se(m.fit.info, k);
            }
            json e = {{"name", m.model->key}, {"params", params}, {"standard_errors", errors},
                      {"log_likelihood", num(m.fit.info.logLikelihood)}, {"aic", num(m.aic)}, {"bic", num(m.bic)}};
            if (m.holdout)
                e["holdout"] = {{"mae", num(m.holdout->mae)}, {"rmse", num(m.holdout->rmse)},
                                {"predicted_total", num(m.holdout->predictedTotal)},
                                {"actual_total", num(m.holdout->actualTotal)}};
            models.push_back(e);
        }
        j["models"] = models;
        j["chosen_model"] = b.chosenFit() ? json(b.chosenFit()->model->key) : json();
        if (b.gammaGamma && b.gammaGamma->atLimit) {
            j["gamma_gamma"] = {{"p", json()}, {"q", json()}, {"v", json()}, {"at_limit", true},
                                {"mean_spend", b.gammaGamma->limitMean},
                                {"customers", b.gammaGamma->info.customers}};
        } else if (b.gammaGamma) {
            const GammaGammaParams &gp = b.gammaGamma->params;
            j["gamma_gamma"] = {{"p", gp.p}, {"q", gp.q}, {"v", gp.v},
                                {"log_likelihood", b.gammaGamma->info.logLikelihood},
                                {"customers", b.gammaGamma->info.customers},
                                {"standard_errors", {{"p", se(b.gammaGamma->info, 0)}, {"q", se(b.gammaGamma->info, 1)},
                                                     {"v", se(b.gammaGamma->info, 2)}}}};
        }
        if (std::isfinite(b.spendFrequencyCorrelation))
            j["spend_frequency_correlation"] = b.spendFrequencyCorrelation;
        if (!b.holdout.empty()) {
            json rows = json::array();
            for (const HoldoutRow &h : b.holdout)
                rows.push_back({{"frequency", h.frequency}, {"or_more", h.orMore}, {"customers", h.customers},
                                {"actual", num(h.actual)}, {"predicted", num(h.predicted)}});
            j["holdout"] = {{"length", b.holdoutLength}, {"by_frequency", rows}};
        }
    }
    if (comparison) {
        json shifts = json::array();
        for (const ScenarioComparison::Shift &sh : comparison->shifts)
            shifts.push_back({{"segment", sh.label}, {"baseline_count", sh.baselineCount}, {"current_count", sh.currentCount},
                              {"baseline_value", num(sh.baselineValue)}, {"current_value", num(sh.currentValue)}});
        j["migration"] = {{"baseline_segments", comparison->baselineLabels},
                          {"current_segments", comparison->currentLabels},
                          {"moved", comparison->moved},
                          {"changed", comparison->changed},
                          {"segments", shifts}};
    }
    addOverTimeSummary(j, r);
    json stats = json::object();
    for (const auto &[name, s] : r.stats)
        stats[name] = {{"count", s.count},   {"mean", num(s.mean)}, {"median", num(s.median)},
                       {"variance", num(s.variance)}, {"std", num(s.std)},   {"min", num(s.min)},
                       {"max", num(s.max)},   {"sum", num(s.count ? s.sum : NAN)}};
    j["stats"] = stats;
    if (r.data && r.data->database) {
        const DatabaseStats &d = *r.data->database;
        j["database"] = {{"engine", d.engine}, {"rows_scanned", d.rowsScanned}, {"rows_transferred", d.rowsTransferred},
                         {"query_ms", d.queryMs}};
    }
    j["warnings"] = describeAll(r.warnings);
    j["timings_ms"] = {{"import", r.timings.importMs}, {"compute", r.timings.computeMs}, {"segment", r.timings.segmentMs}};
    // every reader gives UTF-8 (issue 20); should a byte slip through, it is shown as U+FFFD, not an error
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace vs
