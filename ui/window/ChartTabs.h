#pragma once
// The chart area of the main window: one tab per chart kind of the registry (core/domain/charts.h),
// shown when the results can feed it. Only the tab on screen is drawn; the others when opened.
// The holdout check has its numbers as a table under the chart.
#include "ui/charts/Charts.h"

#include <QTabWidget>

#include <vector>

class AnalysisSession;
class HoldoutTableModel;
class SegmentChart;
class QComboBox;
class QTableView;

class ChartTabs : public QTabWidget {
    Q_OBJECT
public:
    // segments: the window's segments chart (it filters the customer table when clicked)
    ChartTabs(AnalysisSession *session, SegmentChart *segments, QWidget *parent = nullptr);

    QString kindAt(int index) const;
    QWidget *chartAt(int index) const;  // the chart itself (a tab may hold more, e.g. a table)
    QWidget *currentChart() const;      // the chart on screen, when it shows something
    QString currentKind() const { return kindAt(currentIndex()); }
    QTableView *holdoutTable() const { return m_holdoutView; }
    HoldoutTableModel *holdoutModel() const { return m_holdout; }
    // Customers or value in the cells of the migration between dates.
    QComboBox *migrationMeasure() const { return m_migrationMeasure; }
    // Shows this kind once results can feed it (the chart last looked at, from the settings).
    void preferKind(const QString &kind) { m_preferred = kind; }
    // New results: tabs appear or hide, and the visible chart is drawn again.
    void refresh();

private:
    struct Tab {
        QString kind;
        QWidget *chart;
        bool stale = true;
    };
    charts::Input input() const;
    void showTab(int index);

    AnalysisSession *m_session;
    std::vector<Tab> m_tabs;
    HoldoutTableModel *m_holdout;
    QTableView *m_holdoutView = nullptr;
    QComboBox *m_migrationMeasure = nullptr;
    QString m_preferred;
};
