#pragma once
// The one controller: owns the project, its undo stack, the prepared data, the current results
// and the what-if baseline. Edits arrive as undo commands that hand it a new project; it
// recomputes off the UI thread and publishes one immutable results object that every view
// redraws from. Views never compute.
#include "core/analytics/analysis.h"
#include "core/analytics/scenario.h"
#include "core/io/read_options.h"
#include "core/project/project.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QUndoStack;
namespace QCoro { template <typename T> class Task; }

class AnalysisSession : public QObject {
    Q_OBJECT
public:
    explicit AnalysisSession(QObject *parent = nullptr);
    ~AnalysisSession() override;

    const vs::Project &project() const { return m_project; }
    QString projectPath() const { return m_projectPath; }
    QString dataPath() const { return m_dataPath; }
    bool hasData() const { return bool(m_data); }
    bool isModified() const;
    bool isBusy() const { return m_busy; }
    QUndoStack *undoStack() const { return m_undo; }
    std::shared_ptr<const vs::PreparedData> data() const { return m_data; }
    std::shared_ptr<const vs::AnalysisResults> results() const { return m_results; }
    std::shared_ptr<const vs::AnalysisResults> baseline() const { return m_baseline; }
    // the baseline against the current results; null without a baseline
    std::shared_ptr<const vs::ScenarioComparison> comparison() const { return m_comparison; }
    const vs::ReadReport &readReport() const { return m_readReport; }
    QStringList warnings() const;
    QString lastError() const { return m_lastError; }
    QStringList numericColumns() const; // columns a score or a role that needs numbers can use
    QStringList allColumns() const;

    // Loads a project and its data off the UI thread; emits loaded() or failed(). password: for a
    // database source, the one the window asked for (kept in memory only, for reading again).
    QCoro::Task<bool> openProject(QString path, std::optional<QString> password = std::nullopt);
    // Takes a new analysis the import wizard has read and computed off the UI thread (its
    // results carry their prepared data); the undo history starts afresh. password: a database
    // source's (in memory only, for reading again). The project is there at once; the results
    // are published (resultsChanged, then loaded) in the next turn of the event loop.
    void adoptAnalysis(vs::Project project, const QString &dataPath, vs::ReadReport report,
                       std::shared_ptr<const vs::AnalysisResults> results, std::optional<QString> password = std::nullopt);
    // Writes the project (source.path relative to the project's folder); false and a message on failure.
    bool saveProject(const QString &path, QString *error);
    void clear();
    // After opening an autosave: the analysis belongs to originalPath (maybe none) and is unsaved.
    void markRecovered(const QString &originalPath);

    // The whole project as an undo command gives it (recomputes when anything changed).
    void applyProject(const vs::Project &project);

    void setBaseline();
    void clearBaseline();
    std::optional<vs::Project> baselineProject() const { return m_baselineProject; }
    // The project as it is saved: with the baseline's parameters when one is set.
    vs::Project projectWithBaseline() const;

    // Stops the long optional step of the running recompute (the bootstrap CLV interval): its
    // results come without it, and a warning says so.
    void stopLongStep();
    // Whether the running computation's long step was told to stop (a newer computation has not been)
    bool longStepStopped() const;

    // A database source being read (opening, or again because an edit needs other rows from the
    // engine, databaseDataServes): Stop ends the reading, and the analysis shown stays.
    bool isReadingDatabase() const { return bool(m_stopRead); }
    void stopReading();

    // For tests and benchmarks: resolves when the latest recompute has published its results.
    QCoro::Task<bool> waitForResults();

signals:
    void loaded();
    void projectChanged();
    void resultsChanged();
    void failed(const QString &message);     // opening or importing failed (a dialog)
    void computeFailed(const QString &message); // an edit gave parameters that cannot be computed (a banner)
    void busyChanged(bool busy);
    void modifiedChanged(bool modified);
    void pathChanged();
    void baselineChanged();
    void longStepProgress(double fraction); // the running recompute's long step (0-1): a bar and a Stop button
    void databaseReading(bool reading);     // a database source is being read: a Stop button
    void databaseRowsRead(qulonglong rows); // while reading: the rows the engine has sent so far
    void readingStopped();                  // Stop ended the reading of a project: the analysis shown stays

private:
    QCoro::Task<void> recompute();
    QCoro::Task<void> readDatabaseAgain(quint64 generation);
    // the reading's Stop flag and row count, and a timer reporting the count while it runs
    void startReading(std::shared_ptr<std::atomic<bool>> stop, std::shared_ptr<std::atomic<uint64_t>> rows);
    void endReading();
    void setBusy(bool busy);
    void publish(std::shared_ptr<const vs::AnalysisResults> results,
                 std::shared_ptr<const vs::ScenarioComparison> comparison);
    void stopStaleCompute();
    std::function<void(double)> progressReporter(quint64 generation); // ComputeOptions::progress for one computation

    vs::Project m_project;
    QString m_projectPath, m_dataPath;
    QUndoStack *m_undo;
    std::shared_ptr<const vs::PreparedData> m_data;
    std::shared_ptr<const vs::AnalysisResults> m_results, m_baseline;
    std::optional<vs::Project> m_baselineProject;
    std::shared_ptr<const vs::ScenarioComparison> m_comparison;
    vs::ReadReport m_readReport;
    QString m_lastError;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic<bool>> m_stop; // the running recompute's: set when a newer one starts
    std::shared_ptr<std::atomic<bool>> m_stopLongStep; // the running recompute's: set by stopLongStep()
    std::optional<std::string> m_password;            // a database source's, from the window: memory only
    std::shared_ptr<std::atomic<bool>> m_stopRead;     // the running database reading's: set by stopReading()
    std::shared_ptr<std::atomic<uint64_t>> m_rowsRead; // its rows so far
    class QTimer *m_readTimer = nullptr;
    quint64 m_published = 0;
    bool m_busy = false;
    bool m_recovered = false;
    bool m_baselineEdited = false; // set or cleared since the project was opened or saved
};
