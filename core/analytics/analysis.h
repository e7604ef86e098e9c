#pragma once
// From a table and a project to one immutable results object: values, scores, segments, stats.
#include "core/analytics/btyd.h"
#include "core/analytics/concentration.h"
#include "core/db/db_stats.h"
#include "core/analytics/stats.h"
#include "core/domain/measures.h"
#include "core/error.h"
#include "core/project/project.h"
#include "core/table/table.h"

#include <array>
#include <map>
#include <mutex>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vs {

struct NamedValues {
    std::string name;
    std::vector<double> values;
    bool isDate = false; // days since 1970-01-01, written as yyyy-mm-dd
    std::optional<Diagnostic> emptyBecause; // why every value is missing, when there is a reason
    std::optional<Diagnostic> note;         // what the numbers are, where a header should say (clv_low: which interval)
};

struct SegmentRow {
    std::string label;
    std::string strategy;
    size_t count = 0;
    double totalValue = 0;
    double meanValue = kMissing;
    double shareOfValue = kMissing;
};

struct CampaignSummary {
    double meanEffect = kMissing;
    double totalEffect = 0;
    double totalSales = 0;
    double totalCost = 0;
    double overallRoi = kMissing;
};

struct Timings {
    double importMs = 0, computeMs = 0, segmentMs = 0;
};

// A column's numbers for the kept rows: a view of the table's own values when it can be,
// a copy only when rows were dropped or text had to be read as numbers.
class NumberColumn {
public:
    NumberColumn() = default;
    // keepAlive: the owner of `shared` when it is not the table (a conversion cached with the data)
    static NumberColumn view(const std::vector<double> &shared, std::shared_ptr<const void> keepAlive = nullptr)
    {
        NumberColumn c;
        c.m_ptr = shared.data();
        c.m_size = shared.size();
        c.m_keepAlive = std::move(keepAlive);
        return c;
    }
    static NumberColumn own(std::vector<double> owned)
    {
        NumberColumn c;
        c.m_owned = std::move(owned);
        c.m_ptr = c.m_owned.data();
        c.m_size = c.m_owned.size();
        return c;
    }
    NumberColumn(const NumberColumn &o)
        : m_owned(o.m_owned), m_ptr(o.m_owned.empty() ? o.m_ptr : m_owned.data()), m_size(o.m_size), m_keepAlive(o.m_keepAlive) {}
    NumberColumn(NumberColumn &&o) noexcept
        : m_owned(std::move(o.m_owned)), m_ptr(m_owned.empty() ? o.m_ptr : m_owned.data()), m_size(o.m_size),
          m_keepAlive(std::move(o.m_keepAlive)) {}
    NumberColumn &operator=(NumberColumn o)
    {
        const bool owns = !o.m_owned.empty();
        m_owned = std::move(o.m_owned);
        m_ptr = owns ? m_owned.data() : o.m_ptr;
        m_size = o.m_size;
        m_keepAlive = std::move(o.m_keepAlive);
        return *this;
    }
    double operator[](size_t i) const { return m_ptr[i]; }
    size_t size() const { return m_size; }
    const double *begin() const { return m_ptr; }
    const double *end() const { return m_ptr + m_size; }
    std::span<const double> span() const { return {m_ptr, m_size}; }
    std::vector<double> toVector() const { return std::vector<double>(begin(), end()); }

private:
    std::vector<double> m_owned;
    const double *m_ptr = nullptr;
    size_t m_size = 0;
    std::shared_ptr<const void> m_keepAlive;
};

struct CustomerDays;
struct CustomerFigures;
struct FitCache;
struct OverTime;

// What does not change when weights or segment settings change: the rows, ids, input columns.
struct PreparedData {
    std::shared_ptr<const Table> table;
    std::string file;                     // the data file, for messages
    Layout layout = Layout::Customers;
    std::vector<uint32_t> rows;           // kept data rows (duplicate ids dropped); empty = all rows
    TextData ids;                         // customer (or campaign) id per kept row
    std::vector<std::pair<std::string, DescriptiveStats>> inputStats; // S8, numeric input columns
    std::map<std::string, Meaning> inputMeanings; // input columns mapped to a role: what the role makes them
    std::vector<Diagnostic> warnings;
    // transactions layout: the order lines per customer and day (ids are then the customers)
    std::shared_ptr<const CustomerDays> days;
    // or, from a database that summed them per customer: the figures of one observation end
    std::shared_ptr<const CustomerFigures> figures;
    std::shared_ptr<FitCache> fitCache; // the last BG/NBD and Gamma-Gamma fits, reused while their input holds
    std::shared_ptr<FitCache> snapshotFits[2]; // the same for the two snapshot dates (over_time.h)
    std::optional<DatabaseStats> database; // a database source: what the engine read and sent
    size_t rowCount() const { return ids.size(); }
    // Column values for the kept rows, as numbers (errors name file, row and column). A text
    // column, or the kept rows of one, is converted the first time and kept: the columns the
    // project maps when the data are prepared, any other (a new indicator) when first asked for.
    Result<NumberColumn> numbers(const std::string &column) const;
    bool unreadableAsMissing = false; // the project's source.unreadable_cells = missing
    // The warning for a column whose unreadable cells were taken as missing, once converted.
    std::optional<Diagnostic> unreadableNote(const std::string &column) const;

private:
    struct Converted {
        Result<std::vector<double>> values;
        std::optional<Diagnostic> note; // cells that were not numbers, taken as missing
    };
    struct Conversions {
        std::mutex mutex;
        std::map<std::string, std::shared_ptr<const Converted>> byColumn;
    };
    std::shared_ptr<Conversions> m_conversions = std::make_shared<Conversions>();
};

// RFM scoring as it was done, for the user to see (edges) and for the heatmap chart.
struct RfmInfo {
    std::array<std::vector<double>, 3> edges;  // recency, frequency, monetary
    std::array<std::vector<int>, 3> binScores; // the score of each bin
    std::string scoring = "quantile"; // the key of its RFM scoring (core/domain/models.cpp kRfmScorings)
    // recency score (row, 1-5) x frequency score (column, 1-5)
    std::array<std::array<size_t, 5>, 5> cellCount{};
    std::array<std::array<double, 5>, 5> cellMeanMonetary{}; // NaN where no customer
};

// Calibration / holdout check: purchases after the observation end, per calibration frequency.
struct HoldoutRow {
    int frequency = 0;  // repeat purchases up to the observation end
    bool orMore = false; // the last group: this frequency or more
    size_t customers = 0;
    double actual = 0, predicted = 0; // mean purchases in the holdout period
};

// How well a purchase model predicts the holdout period, per customer and in total.
struct HoldoutError {
    double mae = 0, rmse = 0;                   // per customer, in purchases
    double predictedTotal = 0, actualTotal = 0; // over all calibrated customers
};

struct PurchaseModelInfo; // core/domain/models.h

struct PurchaseModelFit {
    const PurchaseModelInfo *model = nullptr;
    PurchaseFit4 fit;
    double aic = 0, bic = 0;
    std::optional<HoldoutError> holdout;
};

// Repeat purchases per period over the whole data, actual and expected by each fitted model
// (the tracking charts).
struct TrackingSeries {
    std::vector<double> periodStart;                 // day each period begins
    std::vector<double> actual;                      // repeat purchases in the period
    std::vector<std::vector<double>> expected;       // per BtydInfo::models entry
    size_t calibrationPeriods = 0;                   // periods up to the observation end
    double periodDays = 7;
};

struct BtydInfo {
    std::vector<PurchaseModelFit> models; // every purchase model fitted (one unless compared)
    int chosen = -1;                      // the one whose predictions are shown; -1: none could be fitted
    const PurchaseModelFit *chosenFit() const { return chosen >= 0 ? &models[size_t(chosen)] : nullptr; }
    const PurchaseModelFit *find(std::string_view key) const;
    std::optional<GammaGammaFit> gammaGamma;
    std::vector<Diagnostic> warnings; // what fitting found (kept with the fits)
    std::string timeUnit;
    std::string period = "day";
    double unitDays = 7;
    double observationEnd = 0; // day
    double holdoutLength = 0;  // in the time unit; 0 = no holdout
    size_t ggExcluded = 0;     // repeat customers left out of Gamma-Gamma (mean spend <= 0)
    double spendFrequencyCorrelation = NAN; // Pearson, frequency vs mean spend of the Gamma-Gamma customers
    std::vector<HoldoutRow> holdout;
    TrackingSeries tracking;
    // Expected purchases in the next time unit and P(alive) for a customer of age matrixT, by
    // frequency (rows, 0..maxFrequency) and recency (columns, recencyGrid); empty without a model.
    int maxFrequency = 0;
    double matrixT = 0;
    std::vector<double> recencyGrid;
    std::vector<double> expectedMatrix, aliveMatrix; // row-major
};

struct AnalysisResults {
    Layout layout = Layout::Customers;
    std::string model;
    std::string segmentBy;
    std::shared_ptr<const PreparedData> data;
    std::vector<double> value;            // per row
    std::vector<NamedValues> scores;      // per score spec, per row
    std::vector<NamedValues> extra;       // model columns: cvs_score, cvb; campaign sales, cost, roi
    std::vector<int> segment;             // per row: index into segments, -1 = none
    std::vector<SegmentRow> segments;     // one per label, in label order
    std::vector<double> edges;            // the bin edges used (after dropping duplicates)
    std::vector<std::pair<std::string, DescriptiveStats>> stats; // inputs, then value, scores, extra
    std::vector<std::pair<std::string, double>> rates;
    std::optional<CampaignSummary> campaigns;
    std::optional<RfmInfo> rfm;
    std::shared_ptr<const BtydInfo> btyd;
    std::optional<Concentration> concentration; // of value; with the statistics
    std::optional<Histogram> valueHistogram;    // 30 bins; with the statistics
    std::shared_ptr<const OverTime> overTime;   // snapshots and cohorts (core/analytics/over_time.h)
    double totalValue = 0, meanValue = kMissing;
    size_t valuedCount = 0;
    std::vector<Diagnostic> warnings;
    Timings timings;

    size_t rowCount() const { return value.size(); }
    const std::vector<double> *column(const std::string &name) const; // value, a score or an extra
    // What a column of the results means: value, a score, a model column, or an input column
    // (by the role it is mapped to; Number when it has none).
    Meaning meaningOf(const std::string &name) const;
    // The meaning of stats[i] (the inputs come first, then the computed measures).
    Meaning statisticMeaning(size_t i) const;
    // The indices into stats that a statistics table shows: identifiers and codes (a numeric
    // customer id, the RFM cell) have no meaningful mean and are left out. The summary keeps them all.
    std::vector<size_t> describedStatistics() const;
};

Result<std::shared_ptr<const PreparedData>> prepareData(std::shared_ptr<const Table> table, const Project &project,
                                                        const std::string &dataFile);
struct GroupedLines;
// Order lines already grouped per customer and day (by a database engine): as prepareData, from there on.
Result<std::shared_ptr<const PreparedData>> prepareGroupedLines(GroupedLines grouped, const Project &project,
                                                                const std::string &source);
struct SummedLines;
// Order lines summed per customer (by a database engine, for one observation end): the figures
// the transaction models read (and the tracking chart's weeks, when summed); what needs the days
// (snapshots, cohorts) is left out.
Result<std::shared_ptr<const PreparedData>> prepareSummedLines(SummedLines summed, const Project &project,
                                                               const std::string &source);
// Order lines grouped as they were read (core/io/order_stream.h): what prepareData gives for the
// table of those lines, without the lines. `columns` names and types the file's columns (no
// rows); inputStats are the statistics of its number columns.
Result<std::shared_ptr<const PreparedData>>
prepareGroupedOrderLines(Table columns, GroupedLines &&grouped,
                         std::vector<std::pair<std::string, DescriptiveStats>> inputStats, const Project &project,
                         const std::string &dataFile);
// Whether the project's order lines can be streamed: nothing in it needs the lines' rows.
bool canStreamOrderLines(const Project &project);

struct ComputeOptions {
    bool statistics = true; // S8 for the computed measures; the live path may add them afterwards
    // The results before this edit: statistics of any measure whose numbers are bit for bit the
    // same are taken from them instead of computed again (a weight edit changes one score).
    const AnalysisResults *previous = nullptr;
    // Set when the results are no longer wanted (a newer edit came): the computation stops at its
    // next step and returns a Cancelled error.
    const std::atomic<bool> *stop = nullptr;
    // A long optional step (the bootstrap CLV interval): how far it is (0-1), called on the
    // computing thread; and set when the user stops it: the results come without it, saying so.
    std::function<void(double)> progress;
    const std::atomic<bool> *stopLongStep = nullptr;
};

// Pure and quick: the live what-if path calls this on every edit.
Result<AnalysisResults> computeAnalysis(std::shared_ptr<const PreparedData> data, const Project &project,
                                        const ComputeOptions &options = {});
// Fills results.stats (inputs, value, scores, model columns) when computeAnalysis left them out.
// Those of measures identical in `previous` are copied from it.
void addStatistics(AnalysisResults &results, const AnalysisResults *previous = nullptr);

// The measures a chart can set against each other: value, the scores and the model columns
// that are not dates (none for campaigns).
std::vector<std::string> plottableMeasures(const AnalysisResults &results);

// Checks a project against the columns of its data before anything is computed.
Status checkMapping(const Table &table, const Project &project, const std::string &file);

} // namespace vs
