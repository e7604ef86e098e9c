#include "run.h"

#include "core/io/xlsx_writer.h"

#include "core/db/database_source.h"
#include "core/domain/charts.h"
#include "core/io/order_stream.h"

#include "core/io/atomic_file.h"
#include "core/io/budget.h"
#include "core/io/readers.h"
#include "core/io/over_time_output.h"
#include "core/io/pseudonyms.h"
#include "core/io/results_writer.h"
#include "core/io/table_writer.h"

#include "core/parallel.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>

namespace vs {

// Order lines of a CSV file or an XLSX sheet are grouped as they stream in (order_stream.h);
// nullopt: read them as a table (another format, or a file only the table reader reads exactly).
static Result<std::optional<StreamedOrderLines>> streamedOrderLines(const std::string &path, const ReadOptions &options,
                                                                    const Project &project)
{
    if (!canStreamOrderLines(project))
        return std::optional<StreamedOrderLines>();
    // VALUESCOPE_ORDER_STREAM=0: the table path, for benchmarks that compare the two (bench/)
    if (const char *v = std::getenv("VALUESCOPE_ORDER_STREAM"); v && std::string_view(v) == "0")
        return std::optional<StreamedOrderLines>();
    Msg why;
    const ReaderInfo *reader = readerFor(path, &why);
    if (!reader)
        return std::optional<StreamedOrderLines>();
    const std::string_view format = reader->format;
    try {
        if (format == "workbook") // an XLSX workbook (an ODS one goes back to the table reader)
            return streamXlsxOrderLines(path, options, project.source.columns);
        if (format != "csv" || namedLikeWorkbook(path)) // the table reader says so
            return std::optional<StreamedOrderLines>();
        return streamOrderLines(path, options, project.source.columns);
    } catch (const std::length_error &) {
        return budget::outOfMemory(path);
    }
}

// the work of analyseFile and loadAnalysis, which turn a std::bad_alloc into Msg::OutOfMemory
static FileAnalysis analyseFileOrThrow(const std::string &path, const ReadOptions &options, const Project &project);
static Result<LoadedAnalysis> loadAnalysisOrThrow(const std::string &projectPath, double *importMs, const Translate &tr,
                                                  const std::optional<std::string> &password, bool trackingChart,
                                                  std::atomic<bool> *stop, std::atomic<uint64_t> *rowsRead);

ReadOptions readOptionsFor(const Project &p)
{
    ReadOptions o;
    if (!p.source.encoding.empty())
        o.encoding.set(p.source.encoding);
    if (p.source.delimiter)
        o.delimiter.set(p.source.delimiter);
    if (p.source.decimal)
        o.decimal.set(p.source.decimal);
    if (p.source.headerRow >= 0)
        o.headerRow.set(p.source.headerRow);
    o.sheet = p.source.sheet;
    return o;
}

FileAnalysis analyseFile(const std::string &path, const ReadOptions &options, const Project &project)
{
    try {
        return analyseFileOrThrow(path, options, project);
    } catch (const std::bad_alloc &) {
        FileAnalysis out;
        out.analysisError = budget::outOfMemory(path);
        return out;
    }
}

// the analysis of prepared data, or why there is none
static void analysePrepared(FileAnalysis &out, Result<std::shared_ptr<const PreparedData>> prepared, const Project &project)
{
    if (!prepared) {
        out.analysisError = prepared.error();
        return;
    }
    auto results = computeAnalysis(prepared.value(), project);
    if (!results) {
        out.analysisError = results.error();
        return;
    }
    out.results = std::make_shared<const AnalysisResults>(std::move(results.value()));
}

static FileAnalysis analyseFileOrThrow(const std::string &path, const ReadOptions &options, const Project &project)
{
    FileAnalysis out;
    if (auto streamed = streamedOrderLines(path, options, project); !streamed) {
        out.readError = streamed.error();
        return out;
    } else if (*streamed) {
        out.report = (*streamed)->report;
        out.rows = (*streamed)->rows;
        analysePrepared(out, prepareStreamed(std::move(**streamed), project, path), project);
        return out;
    }
    auto read = readTable(path, options);
    if (!read) {
        out.readError = read.error();
        return out;
    }
    out.report = read->report;
    auto table = std::make_shared<const Table>(std::move(read->table));
    out.rows = table->rowCount();
    analysePrepared(out, prepareData(table, project, path), project);
    return out;
}

Result<LoadedAnalysis> loadAnalysis(const std::string &projectPath, double *importMs, const Translate &tr,
                                    const std::optional<std::string> &password, bool trackingChart,
                                    std::atomic<bool> *stop, std::atomic<uint64_t> *rowsRead)
{
    try {
        return loadAnalysisOrThrow(projectPath, importMs, tr, password, trackingChart, stop, rowsRead);
    } catch (const std::bad_alloc &) {
        return budget::outOfMemory(projectPath);
    }
}

// A database source read with the work pushed down, then prepared as a file's data would be.
static Result<std::shared_ptr<const PreparedData>> prepareDatabase(const Project &project, const std::string &name,
                                                                   const std::optional<std::string> &password,
                                                                   std::atomic<bool> *stop, DatabaseRows rows,
                                                                   std::atomic<uint64_t> *rowsRead = nullptr)
{
    auto db = readDatabaseSource(project, password, stop, rows, rowsRead);
    if (!db)
        return db.error();
    auto prepared = db->grouped  ? prepareGroupedLines(std::move(*db->grouped), project, name)
                    : db->summed ? prepareSummedLines(std::move(*db->summed), project, name)
                                 : prepareData(db->table, project, name);
    if (!prepared)
        return prepared.error();
    auto data = std::const_pointer_cast<PreparedData>(prepared.value());
    data->database = db->stats;
    return std::shared_ptr<const PreparedData>(std::move(data));
}

Result<std::shared_ptr<const PreparedData>> readDatabaseForWindow(const Project &project,
                                                                  const std::optional<std::string> &password,
                                                                  std::atomic<bool> *stop, std::atomic<uint64_t> *rowsRead)
{
    try {
        return prepareDatabase(project, databaseSourceName(*project.source.database), password, stop,
                               databaseRowsFor(project, true), rowsRead);
    } catch (const std::bad_alloc &) {
        return budget::outOfMemory(databaseSourceName(*project.source.database));
    }
}

FileAnalysis analyseDatabase(const Project &project, const std::string &password, std::atomic<bool> *stop)
{
    FileAnalysis out;
    try {
        auto prepared = prepareDatabase(project, databaseSourceName(*project.source.database), password, stop,
                                        databaseRowsFor(project, true));
        if (!prepared) {
            (prepared.error().kind == ErrorKind::Io ? out.readError : out.analysisError) = prepared.error();
            return out;
        }
        out.rows = prepared.value()->database ? prepared.value()->database->rowsScanned : 0;
        auto results = computeAnalysis(prepared.value(), project);
        if (!results) {
            out.analysisError = results.error();
            return out;
        }
        out.results = std::make_shared<const AnalysisResults>(std::move(results.value()));
    } catch (const std::bad_alloc &) {
        out.analysisError = budget::outOfMemory(databaseSourceName(*project.source.database));
    }
    return out;
}

static Result<LoadedAnalysis> loadAnalysisOrThrow(const std::string &projectPath, double *importMs, const Translate &tr,
                                                  const std::optional<std::string> &password, bool trackingChart,
                                                  std::atomic<bool> *stop, std::atomic<uint64_t> *rowsRead)
{
    auto project = loadProject(projectPath, tr);
    if (!project)
        return project.error();
    LoadedAnalysis la;
    la.project = std::move(project.value());
    const auto t0 = std::chrono::steady_clock::now();
    if (la.project.source.database) {
        // the work goes to the engine; only per-customer(-day) rows come back
        la.dataPath = databaseSourceName(*la.project.source.database);
        auto prepared = prepareDatabase(la.project, la.dataPath, password, stop, databaseRowsFor(la.project, trackingChart),
                                        rowsRead);
        if (!prepared)
            return prepared.error();
        la.data = prepared.value();
        if (importMs)
            *importMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        return la;
    }
    la.dataPath = resolveSourcePath(la.project, projectPath);
    // order lines stream into their per-customer-day grouping when nothing needs the lines' rows
    auto streamed = streamedOrderLines(la.dataPath, readOptionsFor(la.project), la.project);
    if (!streamed)
        return streamed.error();
    if (*streamed) {
        la.readReport = (*streamed)->report;
        auto prepared = prepareStreamed(std::move(**streamed), la.project, la.dataPath);
        if (!prepared)
            return prepared.error();
        la.data = prepared.value();
        if (importMs)
            *importMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        return la;
    }
    auto read = readTable(la.dataPath, readOptionsFor(la.project));
    if (!read)
        return read.error();
    la.readReport = read->report;
    auto table = std::make_shared<const Table>(std::move(read->table));
    auto prepared = prepareData(table, la.project, la.dataPath);
    if (!prepared)
        return prepared.error();
    la.data = prepared.value();
    if (importMs)
        *importMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return la;
}

namespace {
std::string extensionOf(const std::string &path)
{
    std::string e = std::filesystem::path(path).extension().string();
    for (char &c : e)
        c = char(std::tolower((unsigned char)c));
    return e;
}
} // namespace

Status runHeadless(const RunRequest &req, const RunHooks &hooks, AnalysisResults *resultsOut)
{
    // Check every output before any work, so that a bad request writes nothing.
    if (!req.outPath.empty()) {
        const std::string e = extensionOf(req.outPath);
        if (e != ".csv" && e != ".xlsx")
            return makeError(ErrorKind::Project, Msg::OutputNotCsvOrXlsx, {}, req.outPath);
    }
    if (!req.earlyWarningsPath.empty()) {
        const std::string e = extensionOf(req.earlyWarningsPath);
        if (e != ".csv" && e != ".xlsx")
            return makeError(ErrorKind::Project, Msg::OutputNotCsvOrXlsx, {}, req.earlyWarningsPath);
    }
    std::string pseudonymKey;
    if (!req.pseudonymKeyEnv.empty()) {
        auto key = pseudonymKeyFrom(req.pseudonymKeyEnv);
        if (!key)
            return key.error();
        pseudonymKey = std::move(key.value());
    }
    if (!req.charts.empty() && !hooks.chart)
        return makeError(ErrorKind::Project, Msg::ChartsNotInThisVersion, {}, req.charts.front().second);
    if (!req.reportPath.empty() && !hooks.report)
        return makeError(ErrorKind::Project, Msg::ReportsNotInThisVersion, {}, req.reportPath);

    // the tracking charts (asked for, or in the report) need the repeat purchases per week: a
    // database then sends those weeks too (databaseRowsFor)
    bool trackingChart = !req.reportPath.empty();
    for (const auto &chart : req.charts)
        if (const ChartKindInfo *kind = findChartKind(chart.first))
            trackingChart |= kind->view == ChartView::Tracking;
    double importMs = 0;
    auto loaded = loadAnalysis(req.projectPath, &importMs, {}, std::nullopt, trackingChart);
    if (!loaded)
        return loaded.error();
    if (!req.writeTable.empty() && !loaded->project.source.database)
        return makeError(ErrorKind::Project, Msg::DbWriteNeedsDatabase, {}, req.projectPath);
    // the statistics (S8, the value's distribution) are computed on the other cores while the
    // results file is written, when nothing before that file needs them
    const bool statisticsAlongside =
        !req.outPath.empty() && req.charts.empty() && req.reportPath.empty() && !loaded->project.baseline;
    ComputeOptions computeOptions;
    computeOptions.statistics = !statisticsAlongside;
    auto results = computeAnalysis(loaded->data, loaded->project, computeOptions);
    if (!results)
        return results.error();
    AnalysisResults &r = results.value();
    std::future<void> statistics;
    if (statisticsAlongside)
        statistics = startAlongside([&r] { addStatistics(r); });
    r.timings.importMs = importMs;
    for (const Diagnostic &w : loaded->readReport.warnings)
        r.warnings.insert(r.warnings.begin(), w);

    // the what-if baseline saved with the project: the same customers under its parameters
    std::optional<ScenarioComparison> comparison;
    if (loaded->project.baseline) {
        auto base = computeAnalysis(loaded->data, *loaded->project.baseline);
        if (!base)
            return within(base.error(), Msg::BaselineCannotBeComputed);
        comparison = compareScenarios(base.value(), r);
    }
    const RunOutputs outputs{r, loaded->project, comparison ? &*comparison : nullptr, loaded->dataPath};
    if (hooks.canChart) // a chart that cannot be made stops the run before any file is written
        for (const auto &[kind, path] : req.charts)
            if (Status s = hooks.canChart(outputs, kind, path); !s)
                return s;

    if (!req.outPath.empty() && !pseudonymKey.empty()) {
        const OutputTable t = pseudonymised(resultsTable(r), 0, pseudonymKey);
        if (Status s = writeTable(t, req.outPath, r.layout == Layout::Campaigns ? "Campaigns" : "Customers"); !s)
            return s;
    } else if (!req.outPath.empty()) {
        Status s = extensionOf(req.outPath) == ".xlsx" ? writeResultsXlsx(r, req.outPath) : writeResultsCsv(r, req.outPath);
        if (!s)
            return s;
    }
    if (statistics.valid())
        statistics.get();
    if (!req.earlyWarningsPath.empty()) {
        OutputTable t = earlyWarningTable(r);
        if (!pseudonymKey.empty())
            t = pseudonymised(std::move(t), 0, pseudonymKey);
        if (Status s = writeTable(t, req.earlyWarningsPath, "Early warnings"); !s)
            return s;
    }
    for (const auto &[kind, path] : req.charts)
        if (Status s = hooks.chart(outputs, kind, path); !s)
            return s;
    if (!req.reportPath.empty())
        if (Status s = hooks.report(outputs, req.reportPath); !s)
            return s;
    if (!req.writeTable.empty()) {
        // a new table filled, then swapped in: a failure leaves the database as it was
        const DatabaseSpec &spec = *loaded->project.source.database;
        auto password = databasePassword(spec);
        if (!password)
            return password.error();
        if (Status s = writeResultsTable(r, spec, password.value(), req.writeTable); !s)
            return s;
    }
    if (!req.summaryPath.empty())
        if (Status s = writeFileAtomically(req.summaryPath, summaryJson(r, loaded->project, outputs.comparison)); !s)
            return s;
    if (resultsOut)
        *resultsOut = std::move(r);
    return Ok{};
}

} // namespace vs
