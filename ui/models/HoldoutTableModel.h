#pragma once
// The holdout check as a table, under its chart: per number of repeat purchases up to the
// observation end, the customers and their mean purchases afterwards, actual and predicted.
#include <QAbstractTableModel>

#include <memory>

namespace vs { struct AnalysisResults; }

class HoldoutTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Frequency, Customers, Actual, Predicted, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;
    void setResults(std::shared_ptr<const vs::AnalysisResults> results);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const vs::AnalysisResults> m_results;
};
