#pragma once
#include <QMainWindow>

class AnalysisSession;
class CustomerTableModel;
class SegmentTableModel;
class QLabel;
class QTableView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    AnalysisSession *session() const { return m_session; }
    void openProject(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void showResults();
    void showError(const QString &message);
    void updateTitle();

    AnalysisSession *m_session;
    CustomerTableModel *m_customers;
    SegmentTableModel *m_segments;
    QTableView *m_customerView;
    QTableView *m_segmentView;
    QLabel *m_rowsLabel;
    QLabel *m_warningsLabel;
};
