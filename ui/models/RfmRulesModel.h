#pragma once
// The RFM segment rules: a name and the R, F and M score ranges (1-5) a customer must fall in;
// the first rule that matches wins. Edits become undo commands on the session.
#include "ProjectTableModel.h"

class AnalysisSession;

class RfmRulesModel : public ProjectTableModel {
    Q_OBJECT
public:
    enum Column { Name, RFrom, RTo, FFrom, FTo, MFrom, MTo, Customers, ColumnCount };
    explicit RfmRulesModel(AnalysisSession *session, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    void addRule();
    void removeRule(int row);
    void moveRule(int row, int delta); // order matters: the first match wins

private:
    void refresh();
    AnalysisSession *m_session;
};
