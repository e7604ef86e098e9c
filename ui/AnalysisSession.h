#pragma once
// The one controller: owns the project, the prepared data and the current results.
// Views read results from here and never compute; edits come in as new parameters.
#include "core/analytics/analysis.h"
#include "core/project/project.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace QCoro { template <typename T> class Task; }

class AnalysisSession : public QObject {
    Q_OBJECT
public:
    explicit AnalysisSession(QObject *parent = nullptr);
    ~AnalysisSession() override;

    const vs::Project &project() const { return m_project; }
    QString projectPath() const { return m_projectPath; }
    std::shared_ptr<const vs::AnalysisResults> results() const { return m_results; }
    bool isBusy() const { return m_busy; }
    QStringList warnings() const;

    // Loads a project and its data off the UI thread; emits loaded() or failed().
    QCoro::Task<bool> openProject(QString path);
    // New parameters (same data): recomputed off the UI thread; stale results are dropped.
    void setProject(const vs::Project &project);

signals:
    void loaded();
    void resultsChanged();
    void failed(const QString &message);
    void busyChanged(bool busy);

private:
    QCoro::Task<void> recompute();
    void setBusy(bool busy);

    vs::Project m_project;
    QString m_projectPath;
    std::shared_ptr<const vs::PreparedData> m_data;
    std::shared_ptr<const vs::AnalysisResults> m_results;
    QStringList m_readWarnings;
    quint64 m_generation = 0;
    bool m_busy = false;
};
