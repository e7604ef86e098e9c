#pragma once
// The analysis as the user set it up; saved as the JSON project file of DESIGN.md section 4.
#include "core/error.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vs {

enum class Layout { Customers, Transactions, Campaigns };

// source.database (DESIGN.md 4.1): the data live in a database server. No password here: it is
// read from the environment variable password_env names (or given by the window), never saved.
struct DatabaseSpec {
    std::string engine; // a key of core/domain/sources.h: postgresql, clickhouse
    std::string host = "localhost";
    int port = 0;       // 0: the engine's default
    std::string database, user;
    std::string table;  // a table, quoted as one identifier ...
    std::string query;  // ... or a query, run read-only as a subquery
    std::string passwordEnv;
    bool tls = false;
    bool operator==(const DatabaseSpec &) const = default;
};

struct SourceSpec {
    std::optional<DatabaseSpec> database; // set: a database source, path is unused
    std::string path; // as written in the file: relative to the project file's folder
    std::string sheet;
    Layout layout = Layout::Customers;
    std::map<std::string, std::string> columns;                    // role -> column name
    std::map<std::string, std::vector<std::string>> periodColumns; // revenue_periods, cost_periods
    // Reading options the user set (empty / 0 = detect)
    std::string encoding;
    char delimiter = 0;
    char decimal = 0;
    int headerRow = -1; // -1 detect, 0 none, n = 1-based row
    // A cell that is not a number where numbers are needed: an error naming it (default), or a
    // missing value, counted in a warning ("unreadable_cells": "missing")
    bool unreadableAsMissing = false;
};

enum class Normalize { Count, Weights };

struct ScoreItem {
    std::string column;
    double weight = 1.0;
};

struct ScoreSpec {
    std::string name;
    Normalize normalize = Normalize::Count; // the seed's (1/n) sum w_i x_i
    bool minMaxScale = false;               // scale each indicator to 0..1 first
    std::vector<ScoreItem> items;
};

struct RateSpec {
    std::string name;
    std::string column;
    std::string positive;
};

struct ValueSpec {
    std::string model = "profit";
    double rate = 0.1;                      // discount rate per period (S5, S6)
    std::string score;                      // for weighted_score
    std::string cvbReference = "mean";      // "mean" or a customer id (S7)
    std::string observationEnd;             // predictive_clv: ISO date
    std::string timeUnit = "weeks";
    double horizonMonths = 12;
    double monthlyDiscount = 0.01;
    double penalizer = 0;                   // predictive_clv: L2 penalty on the fitted parameters
    double intervalLevel = 0.9;             // predictive_clv: the CLV interval's coverage
    std::string rfmScoring = "quantile";    // a key of kRfmScorings (core/domain/models.cpp)
    std::string purchaseModel = "bgnbd";    // predictive_clv: bgnbd, pareto_nbd, mbgnbd, bgbb or auto
    double spendPenalizer = 0;              // predictive_clv: L2 penalty on the Gamma-Gamma parameters
    std::string period = "day";             // day, week, month, quarter, year: how purchases are grouped
    double monthDays = 30.4375;             // days in a month for the CLV horizon and discounting
    std::string holdoutEnd;                 // predictive_clv: ISO date; empty = the last order
    std::string clvInterval = "delta";      // predictive_clv: delta (method) or bootstrap
    double bootstrapSamples = 200;          // bootstrap: resamples of the customers
    double bootstrapSeed = 1;               // bootstrap: the resampling's seed (runs repeat)
};

// A named RFM segment: the ranges (inclusive, 1-5) its R, F and M scores must fall in.
struct RfmRule {
    std::string name;
    int r[2] = {1, 5}, f[2] = {1, 5}, m[2] = {1, 5};
    bool operator==(const RfmRule &o) const = default;
};
// English text -> the words the program's own names are created in (core/domain/defaults.h);
// empty: English, as the command line and project files without names get them.
using Translate = std::function<std::string(const char *english)>;
// The segment names of RFM rules: theirs, then "Others" (as tr writes it).
std::vector<std::string> rfmRuleLabels(const std::vector<RfmRule> &rules, const Translate &tr = {});

// Labels used when none are given: Low..Very High for 4 bins, Q1..Qn otherwise.
std::vector<std::string> defaultLabels(int bins);
// Segment names -> strategies: Low, Medium, High, Very High get the seed's strategies; others none.
std::vector<std::pair<std::string, std::string>> defaultStrategies(const std::vector<std::string> &labels);

struct SegmentSpec {
    std::string by = "value";
    std::string method = "quantile"; // a key of core/domain/segment_methods.h
    int bins = 4;
    std::vector<std::string> labels = defaultLabels(4);
    std::vector<double> edges; // thresholds
    std::vector<RfmRule> rules; // rfm_rules; first match wins, "Others" otherwise
    std::vector<std::pair<std::string, std::string>> strategies = defaultStrategies(labels);
    std::string strategyFor(const std::string &label) const;
};

// Over time (order lines): segments as of two dates, and cohorts by first purchase.
struct SnapshotSpec {
    std::string from, to;   // ISO dates; the segments as of each (observation end = that date)
    double aliveBelow = 0.5; // early warning: P(alive) fell below this (predictive models)
    bool operator==(const SnapshotSpec &) const = default;
};
struct CohortSpec {
    std::string period = "month";     // "month" or "quarter" of the first purchase
    std::string measure = "customers"; // what the chart shows: "customers" or "revenue"
    bool operator==(const CohortSpec &) const = default;
};

struct Project {
    SourceSpec source;
    ValueSpec value;
    std::vector<ScoreSpec> scores;
    std::vector<RateSpec> rates;
    SegmentSpec segments;
    std::optional<SnapshotSpec> snapshots;
    std::optional<CohortSpec> cohorts;
    // The what-if baseline: the parameters (value, scores, rates, segments) the current ones are
    // compared with, on the same data; saved under "baseline" (keys it leaves out are the project's
    // own). Its own source and baseline are unused.
    std::shared_ptr<const Project> baseline;

    const ScoreSpec *findScore(const std::string &name) const;
};

// Reads a project file. Errors name the file and the key that is wrong. Names the file leaves
// out (RFM segments and their strategies) are created as tr writes them.
Result<Project> loadProject(const std::string &path, const Translate &tr = {});
Result<Project> parseProject(const std::string &jsonText, const std::string &fileNameForMessages,
                             const Translate &tr = {});
std::string projectToJson(const Project &p);
// Writes atomically (temporary file, then rename).
Status saveProject(const Project &p, const std::string &path);

// source.path resolved against the folder of the project file.
std::string resolveSourcePath(const Project &p, const std::string &projectPath);

const char *layoutName(Layout l);


} // namespace vs
