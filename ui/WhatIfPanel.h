#pragma once
// What-if: keep a baseline, change anything, and see who moved between segments and how the
// value per segment shifted.
#include <QWidget>

class AnalysisSession;
class QLabel;
class QPushButton;
class QTableView;

class WhatIfPanel : public QWidget {
    Q_OBJECT
public:
    explicit WhatIfPanel(AnalysisSession *session, QWidget *parent = nullptr);
    QTableView *migrationView() const { return m_migration; }
    QTableView *shiftView() const { return m_shift; }

private:
    void refresh();
    AnalysisSession *m_session;
    QLabel *m_summary;
    QPushButton *m_set, *m_revert, *m_clear;
    QTableView *m_migration, *m_shift;
};
