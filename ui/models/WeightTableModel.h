#pragma once
// The indicators of one score: column, weight, and the effective weight the formula applies
// (w/n as the seed writes it, or w/Σw). Edits become undo commands on the session.
#include "ProjectTableModel.h"

class AnalysisSession;

class WeightTableModel : public ProjectTableModel {
    Q_OBJECT
public:
    enum Column { Indicator, Weight, Effective, ColumnCount };
    WeightTableModel(AnalysisSession *session, int scoreIndex, QObject *parent = nullptr);

    int scoreIndex() const { return m_score; }
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    void refresh();
    AnalysisSession *m_session;
    int m_score;
};
