#pragma once
// The segment summary: count, total and mean value, share of value, strategy.
#include "core/analytics/analysis.h"

#include <QAbstractTableModel>

#include <memory>

class AnalysisSession;

class SegmentTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Segment, Count, TotalValue, MeanValue, Share, Strategy, ColumnCount };
    explicit SegmentTableModel(QObject *parent = nullptr);
    // With a session the strategy column is editable: an edit becomes an undo command.
    void setSession(AnalysisSession *session) { m_session = session; }
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    void setResults(std::shared_ptr<const vs::AnalysisResults> results);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const vs::AnalysisResults> m_results;
    AnalysisSession *m_session = nullptr;
};
