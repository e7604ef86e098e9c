#include "HoldoutTableModel.h"

#include "core/analytics/analysis.h"

#include <QLocale>

void HoldoutTableModel::setResults(std::shared_ptr<const vs::AnalysisResults> results)
{
    beginResetModel();
    m_results = results && results->btyd ? std::move(results) : nullptr;
    endResetModel();
}

int HoldoutTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_results ? 0 : int(m_results->btyd->holdout.size());
}

int HoldoutTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HoldoutTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_results)
        return {};
    const vs::HoldoutRow &h = m_results->btyd->holdout[size_t(index.row())];
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::EditRole) {
        switch (index.column()) {
        case Frequency: return h.frequency;
        case Customers: return qulonglong(h.customers);
        case Actual: return h.actual;
        case Predicted: return h.predicted;
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    const QLocale l;
    switch (index.column()) {
    case Frequency: return h.orMore ? QStringLiteral("%1+").arg(h.frequency) : QString::number(h.frequency);
    case Customers: return l.toString(qulonglong(h.customers));
    case Actual: return l.toString(h.actual, 'f', 3);
    case Predicted: return l.toString(h.predicted, 'f', 3);
    }
    return {};
}

QVariant HoldoutTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Frequency: return tr("Repeat purchases");
    case Customers: return tr("Customers");
    case Actual: return tr("Actual (mean)");
    case Predicted: return tr("Predicted (mean)");
    }
    return {};
}
