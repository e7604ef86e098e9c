#pragma once
// From a table and a project to one immutable results object: values, scores, segments, stats.
#include "core/analytics/stats.h"
#include "core/error.h"
#include "core/project/project.h"
#include "core/table/table.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vs {

struct NamedValues {
    std::string name;
    std::vector<double> values;
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

// What does not change when weights or segment settings change: the rows, ids, input columns.
struct PreparedData {
    std::shared_ptr<const Table> table;
    std::string file;                     // the data file, for messages
    Layout layout = Layout::Customers;
    std::vector<uint32_t> rows;           // kept data rows (duplicate ids dropped); empty = all rows
    TextData ids;                         // customer (or campaign) id per kept row
    std::vector<std::pair<std::string, DescriptiveStats>> inputStats; // S8, numeric input columns
    std::vector<std::string> warnings;
    size_t rowCount() const { return ids.size(); }
    // Column values for the kept rows, as numbers (errors name file, row and column).
    Result<std::vector<double>> numbers(const std::string &column) const;
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
    double totalValue = 0, meanValue = kMissing;
    size_t valuedCount = 0;
    std::vector<std::string> warnings;
    Timings timings;

    size_t rowCount() const { return value.size(); }
    const std::vector<double> *column(const std::string &name) const; // value, a score or an extra
};

Result<std::shared_ptr<const PreparedData>> prepareData(std::shared_ptr<const Table> table, const Project &project,
                                                        const std::string &dataFile);
// Pure and quick: the live what-if path calls this on every edit.
Result<AnalysisResults> computeAnalysis(std::shared_ptr<const PreparedData> data, const Project &project);

// Checks a project against the columns of its data before anything is computed.
Status checkMapping(const Table &table, const Project &project, const std::string &file);

} // namespace vs
