#pragma once
// The main window: parameters on the left, segment summary and chart in the middle, customers
// (and statistics) below, what-if on the right. It shows the session and sends edits to it.
// Its parts live in ui/window: the chart tabs, the export actions, recent projects, autosave.
#include <QMainWindow>
#include <QDialog>
#include <QPointer>

#include <memory>

class AnalysisSession;
class CustomerTableModel;
class ParametersPanel;
class SegmentChart;
class SegmentTableModel;
class WhatIfPanel;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QTableView;
class QTimer;
class QToolButton;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AnalysisSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    AnalysisSession *session() const { return m_session; }
    ParametersPanel *parametersPanel() const { return m_parameters; }
    WhatIfPanel *whatIfPanel() const { return m_whatIf; }
    CustomerTableModel *customerModel() const { return m_customers; }
    SegmentTableModel *segmentModel() const { return m_segments; }
    SegmentChart *segmentChart() const { return m_chart; }
    class ChartTabs *chartTabs() const { return m_chartTabs; }
    QWidget *chartOfTab(int index) const; // the chart itself (a tab may hold more, e.g. a table)
    void exportCurrentChart();
    void copyCurrentChart();
    void exportReport();
    void exportCustomers();
    QComboBox *segmentFilter() const { return m_segmentFilter; }

    void openProject(const QString &path);
    // Opens the import wizard on a data file (empty: the wizard asks for one).
    void importFile(const QString &path = {});
    bool saveProject();   // Save (asks for a name the first time)
    bool saveProjectAs();
    // Asks what to do with unsaved changes; false if the user cancelled.
    bool maybeSave();
    void offerRecovery(); // an autosave left by a crash
    void setAutosaveInterval(int ms); // every minute unless set
    void showUserGuide(); // Help ▸ User Guide (F1)
    std::unique_ptr<class QDialog> warningsDialog(); // every warning the status bar counts
    class UserGuide *userGuide() const;

signals:
    void languageRequested(const QString &locale); // "" = the system's

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createDocks();
    void showResults();
    void showMovedCustomers(int fromIndex, int toIndex); // a cell of the migration between dates
    void showEarlyWarnings(); // the valuable customers who fell between the snapshot dates
    void showError(const QString &message);
    void updateTitle();
    void showWarnings();

    AnalysisSession *m_session;
    CustomerTableModel *m_customers;
    SegmentTableModel *m_segments;
    QTableView *m_customerView;
    QTableView *m_segmentView;
    SegmentChart *m_chart;
    class ChartTabs *m_chartTabs;
    class ExportActions *m_exports;
    class RecentProjects *m_recent;
    class Autosave *m_autosave;
    ParametersPanel *m_parameters;
    WhatIfPanel *m_whatIf;
    QPointer<class UserGuide> m_guide;
    QComboBox *m_segmentFilter;
    QLineEdit *m_search;
    QLabel *m_rowsLabel;
    QToolButton *m_warningsButton;
    QToolButton *m_stopLongStep = nullptr; // stops the bootstrap while it runs
    QToolButton *m_stopReading = nullptr;  // stops reading a database source (the analysis shown stays)
    QProgressBar *m_busy;
};
