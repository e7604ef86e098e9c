#pragma once
// The analysis parameters: value model and its parameters, segmentation, and one weight table per
// score. It shows the session's project and turns every change into an undo command.
#include <QWidget>

#include <map>
#include <string>

namespace vs { struct ParameterInfo; struct SegmentCountChange; }
class QFormLayout;

class AnalysisSession;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;
class QTableView;

class ParametersPanel : public QWidget {
    Q_OBJECT
public:
    static QString modelName(const QString &key); // "profit" -> "Profit: revenue − cost", translated
    explicit ParametersPanel(AnalysisSession *session, QWidget *parent = nullptr);

    QComboBox *modelCombo() const { return m_model; }
    QComboBox *methodCombo() const { return m_method; }
    QComboBox *rfmScoringCombo() const;
    // the editor of a value parameter (core/domain/models.h), by its key
    QWidget *parameterEditor(const char *key) const;
    QTableView *rulesView() const { return m_rulesView; }
    QLabel *rfmThresholds() const { return m_rfmInfo; }
    QSpinBox *binsSpin() const { return m_bins; }
    QLabel *notice() const { return m_notice; } // what an edit did beyond the obvious
    QTabWidget *scoreTabs() const { return m_scores; }
    QTableView *weightView(int score) const;

private:
    void syncFromProject();
    void showSegmentCountChange(int bins, const vs::SegmentCountChange &change);
    void addParameterEditor(const vs::ParameterInfo &param, QFormLayout *form);
    void syncParameter(const vs::ParameterInfo &param, bool shown);
    void showRfmThresholds();
    void rebuildScoreTabs();
    QWidget *makeScoreTab(int index);
    void push(class QUndoCommand *command);

    AnalysisSession *m_session;
    bool m_updating = false;
    QComboBox *m_model, *m_by, *m_method, *m_normalize = nullptr;
    int m_modelsFor = -1, m_methodsFor = -1; // the layout the model and method lists are for
    struct ParameterRow {
        QLabel *label;
        QWidget *editor;
    };
    std::map<std::string, ParameterRow> m_parameters; // by key
    QLineEdit *m_labels, *m_edges;
    QSpinBox *m_bins;
    QLabel *m_binsLabel, *m_edgesLabel, *m_error, *m_notice, *m_noScores;
    QTabWidget *m_scores;
    // order lines: RFM and predictive CLV
    QWidget *m_ordersBox, *m_rulesBox, *m_scoreBox, *m_labelsRow;
    QLabel *m_rfmInfo, *m_byLabel, *m_labelsLabel;
    QTableView *m_rulesView;
    class RfmRulesModel *m_rules;
    int m_scoreTabsFor = -1; // number of scores the tabs were built for
};
