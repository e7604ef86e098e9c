#pragma once
// What-if: keep a baseline, change anything, and see who moved between segments and how the
// value per segment shifted.
#include <QString>
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
    QLabel *hint() const { return m_hint; }       // why nobody moved, when it is plain
    QPushButton *fixButton() const { return m_fix; } // and the fix (segment by the edited score)

private:
    void refresh();
    AnalysisSession *m_session;
    QLabel *m_summary, *m_hint;
    QPushButton *m_set, *m_revert, *m_clear, *m_fix;
    QString m_fixScore;
    QTableView *m_migration, *m_shift;
};
