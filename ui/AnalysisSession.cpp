#include "AnalysisSession.h"

#include "core/headless/run.h"

#include <QCoroFuture>
#include <QCoroTask>
#include <QtConcurrent/QtConcurrentRun>

namespace {
using LoadResult = std::shared_ptr<vs::Result<vs::LoadedAnalysis>>;
using ComputeResult = std::shared_ptr<vs::Result<vs::AnalysisResults>>;

LoadResult loadInBackground(std::string path)
{
    double ms = 0;
    auto r = vs::loadAnalysis(path, &ms);
    return std::make_shared<vs::Result<vs::LoadedAnalysis>>(std::move(r));
}

ComputeResult computeInBackground(std::shared_ptr<const vs::PreparedData> data, vs::Project project)
{
    return std::make_shared<vs::Result<vs::AnalysisResults>>(vs::computeAnalysis(std::move(data), project));
}
} // namespace

AnalysisSession::AnalysisSession(QObject *parent) : QObject(parent) {}
AnalysisSession::~AnalysisSession() = default;

QStringList AnalysisSession::warnings() const
{
    QStringList w = m_readWarnings;
    if (m_results)
        for (const std::string &s : m_results->warnings)
            w << QString::fromStdString(s);
    return w;
}

void AnalysisSession::setBusy(bool busy)
{
    if (m_busy != busy) {
        m_busy = busy;
        emit busyChanged(busy);
    }
}

QCoro::Task<bool> AnalysisSession::openProject(QString path)
{
    const quint64 generation = ++m_generation;
    setBusy(true);
    QFuture<LoadResult> future = QtConcurrent::run(&loadInBackground, path.toStdString());
    LoadResult loadResult = co_await future;
    if (generation != m_generation)
        co_return false;
    if (!*loadResult) {
        setBusy(false);
        emit failed(QString::fromStdString(loadResult->error().describe()));
        co_return false;
    }
    vs::LoadedAnalysis &la = loadResult->value();
    m_project = la.project;
    m_projectPath = path;
    m_data = la.data;
    m_readWarnings.clear();
    for (const std::string &w : la.readReport.warnings)
        m_readWarnings << QString::fromStdString(w);
    QFuture<ComputeResult> compute = QtConcurrent::run(&computeInBackground, m_data, m_project);
    ComputeResult computed = co_await compute;
    if (generation != m_generation)
        co_return false;
    setBusy(false);
    if (!*computed) {
        emit failed(QString::fromStdString(computed->error().describe()));
        co_return false;
    }
    m_results = std::make_shared<const vs::AnalysisResults>(std::move(computed->value()));
    emit loaded();
    emit resultsChanged();
    co_return true;
}

void AnalysisSession::setProject(const vs::Project &project)
{
    m_project = project;
    recompute();
}

QCoro::Task<void> AnalysisSession::recompute()
{
    if (!m_data)
        co_return;
    const quint64 generation = ++m_generation;
    setBusy(true);
    QFuture<ComputeResult> compute = QtConcurrent::run(&computeInBackground, m_data, m_project);
    ComputeResult computed = co_await compute;
    if (generation != m_generation)
        co_return;
    setBusy(false);
    if (!*computed) {
        emit failed(QString::fromStdString(computed->error().describe()));
        co_return;
    }
    m_results = std::make_shared<const vs::AnalysisResults>(std::move(computed->value()));
    emit resultsChanged();
}
