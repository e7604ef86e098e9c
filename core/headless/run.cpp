#include "run.h"

#include "core/io/xlsx_writer.h"

#include "core/io/order_stream.h"

#include "core/io/atomic_file.h"
#include "core/io/budget.h"
#include "core/io/readers.h"
#include "core/io/results_writer.h"

#include <chrono>
#include <filesystem>

namespace vs {

// Order lines of a CSV file are grouped as they stream in (order_stream.h); nullopt: read them
// as a table (another format, or a file only the table reader reads exactly).
static Result<std::optional<StreamedOrderLines>> streamedOrderLines(const std::string &path, const ReadOptions &options,
                                                                    const Project &project)
{
    if (!canStreamOrderLines(project))
        return std::optional<StreamedOrderLines>();
    Msg why;
    const ReaderInfo *reader = readerFor(path, &why);
    if (!reader || std::string_view(reader->format) != "csv")
        return std::optional<StreamedOrderLines>();
    try {
        return streamOrderLines(path, options, project.source.columns);
    } catch (const std::length_error &) {
        return budget::outOfMemory(path);
    }
}

// the work of analyseFile and loadAnalysis, which turn a std::bad_alloc into Msg::OutOfMemory
static FileAnalysis analyseFileOrThrow(const std::string &path, const ReadOptions &options, const Project &project);
static Result<LoadedAnalysis> loadAnalysisOrThrow(const std::string &projectPath, double *importMs, const Translate &tr);

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

static FileAnalysis analyseFileOrThrow(const std::string &path, const ReadOptions &options, const Project &project)
{
    FileAnalysis out;
    if (auto streamed = streamedOrderLines(path, options, project); !streamed) {
        out.readError = streamed.error();
        return out;
    } else if (*streamed) {
        out.report = (*streamed)->report;
        out.rows = (*streamed)->rows;
        auto prepared = prepareStreamed(std::move(**streamed), project, path);
        if (!prepared) {
            out.analysisError = prepared.error();
            return out;
        }
        auto results = computeAnalysis(prepared.value(), project);
        if (!results) {
            out.analysisError = results.error();
            return out;
        }
        out.results = std::make_shared<const AnalysisResults>(std::move(results.value()));
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
    auto prepared = prepareData(table, project, path);
    if (!prepared) {
        out.analysisError = prepared.error();
        return out;
    }
    auto results = computeAnalysis(prepared.value(), project);
    if (!results) {
        out.analysisError = results.error();
        return out;
    }
    out.results = std::make_shared<const AnalysisResults>(std::move(results.value()));
    return out;
}

Result<LoadedAnalysis> loadAnalysis(const std::string &projectPath, double *importMs, const Translate &tr)
{
    try {
        return loadAnalysisOrThrow(projectPath, importMs, tr);
    } catch (const std::bad_alloc &) {
        return budget::outOfMemory(projectPath);
    }
}

static Result<LoadedAnalysis> loadAnalysisOrThrow(const std::string &projectPath, double *importMs, const Translate &tr)
{
    auto project = loadProject(projectPath, tr);
    if (!project)
        return project.error();
    LoadedAnalysis la;
    la.project = std::move(project.value());
    la.dataPath = resolveSourcePath(la.project, projectPath);
    const auto t0 = std::chrono::steady_clock::now();
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
    if (!req.charts.empty() && !hooks.chart)
        return makeError(ErrorKind::Project, Msg::ChartsNotInThisVersion, {}, req.charts.front().second);
    if (!req.reportPath.empty() && !hooks.report)
        return makeError(ErrorKind::Project, Msg::ReportsNotInThisVersion, {}, req.reportPath);

    double importMs = 0;
    auto loaded = loadAnalysis(req.projectPath, &importMs);
    if (!loaded)
        return loaded.error();
    auto results = computeAnalysis(loaded->data, loaded->project);
    if (!results)
        return results.error();
    AnalysisResults &r = results.value();
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

    if (!req.outPath.empty()) {
        Status s = extensionOf(req.outPath) == ".xlsx" ? writeResultsXlsx(r, req.outPath) : writeResultsCsv(r, req.outPath);
        if (!s)
            return s;
    }
    for (const auto &[kind, path] : req.charts)
        if (Status s = hooks.chart(outputs, kind, path); !s)
            return s;
    if (!req.reportPath.empty())
        if (Status s = hooks.report(outputs, req.reportPath); !s)
            return s;
    if (!req.summaryPath.empty())
        if (Status s = writeFileAtomically(req.summaryPath, summaryJson(r, loaded->project, outputs.comparison)); !s)
            return s;
    if (resultsOut)
        *resultsOut = std::move(r);
    return Ok{};
}

} // namespace vs
