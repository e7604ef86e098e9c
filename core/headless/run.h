#pragma once
// `valuescope run PROJECT.json`: load, compute, write. Shared by the command line and the tests.
#include "core/analytics/analysis.h"
#include "core/analytics/scenario.h"
#include "core/error.h"
#include "core/io/read_options.h"
#include "core/project/project.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vs {

struct RunRequest {
    std::string projectPath;
    std::string outPath;     // .csv (or .xlsx when a writer is registered)
    std::string summaryPath; // .json
    std::vector<std::pair<std::string, std::string>> charts; // kind -> path
    std::string reportPath;
    // --out-pseudonymised: the environment variable holding the key; --out then writes keyed
    // pseudonyms for customer ids and leaves out name- and e-mail-like columns (io/pseudonyms.h)
    std::string pseudonymKeyEnv;
    std::string earlyWarningsPath; // the call list of the snapshots' early warnings (.csv or .xlsx)
    std::string writeTable; // a database source: the per-customer output into this table of it
};

// What a chart or a report is drawn from.
struct RunOutputs {
    const AnalysisResults &results;
    const Project &project;
    const ScenarioComparison *comparison = nullptr; // when the project has a baseline
    std::string dataPath;
};

// Writers that live outside core (charts and reports need Qt; XLSX needs libxlsxwriter).
struct RunHooks {
    // whether chart() can write this file; asked for every chart before any file is written
    std::function<Status(const RunOutputs &, const std::string &kind, const std::string &path)> canChart;
    std::function<Status(const RunOutputs &, const std::string &kind, const std::string &path)> chart;
    std::function<Status(const RunOutputs &, const std::string &path)> report;
};

struct LoadedAnalysis {
    Project project;
    std::string dataPath;
    ReadReport readReport;
    std::shared_ptr<const PreparedData> data;
};

ReadOptions readOptionsFor(const Project &p);

// A data file read and analysed with a project (the import wizard's last step). The two kinds of
// failure are kept apart: a file that cannot be read, or an analysis that cannot start on it.
struct FileAnalysis {
    std::optional<Error> readError, analysisError;
    size_t rows = 0; // data rows read
    ReadReport report;
    std::shared_ptr<const AnalysisResults> results;
};
FileAnalysis analyseFile(const std::string &path, const ReadOptions &options, const Project &project);

// Reads the project's data file and prepares it (import timing in *importMs).
// password: for a database source, the one the window asked for (otherwise read from the
// variable source.database.password_env names). trackingChart: the tracking chart is drawn, so
// a database also sends its repeat purchases per week when the model has one; order lines come
// per customer whenever the analysis needs no more than that (databaseRowsFor, database_source.h). stop and
// rowsRead: Stop and progress while a database is read.
Result<LoadedAnalysis> loadAnalysis(const std::string &projectPath, double *importMs, const Translate &tr = {},
                                    const std::optional<std::string> &password = std::nullopt, bool trackingChart = false,
                                    std::atomic<bool> *stop = nullptr, std::atomic<uint64_t> *rowsRead = nullptr);
// The import wizard's last step for a database source: the engine's rows analysed with the
// project, as the window will show them (databaseRowsFor with the tracking chart).
FileAnalysis analyseDatabase(const Project &project, const std::string &password, std::atomic<bool> *stop);
// A project's database source read again for the window (its settings changed so that the rows
// it has cannot compute it, databaseDataServes): read as the window reads it, prepared as a
// file's data would be.
Result<std::shared_ptr<const PreparedData>> readDatabaseForWindow(const Project &project,
                                                                  const std::optional<std::string> &password,
                                                                  std::atomic<bool> *stop, std::atomic<uint64_t> *rowsRead);

// Runs the whole request. No output file is left half-written: each is written to a temporary
// file and renamed, and nothing is written when the analysis fails.
Status runHeadless(const RunRequest &req, const RunHooks &hooks, AnalysisResults *resultsOut = nullptr);

} // namespace vs
