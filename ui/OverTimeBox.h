#pragma once
// The "Over time" settings of the parameters panel (order lines only): two snapshot dates whose
// segments are compared, and cohorts by the month or quarter of the first purchase. Every change
// is an undo command (ui/commands) calling a rule of core/project/edits.
#include <QGroupBox>

class AnalysisSession;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;

class OverTimeBox : public QGroupBox {
    Q_OBJECT
public:
    explicit OverTimeBox(AnalysisSession *session, QWidget *parent = nullptr);
    QCheckBox *compareCheck() const { return m_compare; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QCheckBox *cohortsCheck() const { return m_cohorts; }
    QComboBox *periodCombo() const { return m_period; }
    QComboBox *measureCombo() const { return m_measure; }

private:
    void syncFromProject();
    void pushSnapshots();
    void pushCohorts();
    AnalysisSession *m_session;
    bool m_updating = false;
    QCheckBox *m_compare, *m_cohorts;
    QDateEdit *m_from, *m_to;
    QDoubleSpinBox *m_alive;
    QComboBox *m_period, *m_measure;
};
