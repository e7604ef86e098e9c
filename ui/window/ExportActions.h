#pragma once
// What the window hands on: the chart on screen as a file or on the clipboard, the PDF report,
// and the customers as XLSX or CSV. Long work (the report, the customer file) runs without
// blocking the window (QCoro), with progress; a failure is a message, never a half-written file.
#include <QObject>
#include <QString>

class AnalysisSession;
class ChartTabs;
class QWidget;
namespace QCoro { template <typename T> class Task; }

class ExportActions : public QObject {
    Q_OBJECT
public:
    // window: the parent of the dialogs
    ExportActions(AnalysisSession *session, ChartTabs *charts, QWidget *window);

    void exportCurrentChart();
    void copyCurrentChart();
    QCoro::Task<void> exportReport();
    QCoro::Task<void> exportCustomers();
    // The early warnings of the migration between two dates as a call list (CSV or XLSX).
    void exportEarlyWarnings();
    // The customers with keyed pseudonyms for ids and without name- or e-mail-like columns, for
    // sharing outside the team; the key is asked for and kept in memory only.
    QCoro::Task<void> exportPseudonymised();
    // a database source: the customers' results into a table of the same database (swapped in at once)
    QCoro::Task<void> writeToDatabase();

signals:
    void statusMessage(const QString &text, int timeoutMs); // for the status bar

private:
    AnalysisSession *m_session;
    ChartTabs *m_charts;
    QWidget *m_window;
};
