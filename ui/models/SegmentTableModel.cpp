#include "SegmentTableModel.h"

#include "ui/AnalysisSession.h"
#include "ui/NumberFormat.h"
#include "ui/commands/ProjectCommands.h"

#include <QUndoStack>

#include <cmath>

SegmentTableModel::SegmentTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void SegmentTableModel::setResults(std::shared_ptr<const vs::AnalysisResults> results)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

int SegmentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_results ? 0 : int(m_results->segments.size());
}

int SegmentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SegmentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_results || index.row() >= rowCount())
        return {};
    const vs::SegmentRow &s = m_results->segments[size_t(index.row())];
    const vs::Meaning meaning = m_results->meaningOf("value");
    auto number = [&](double v) -> QVariant {
        if (std::isnan(v))
            return QString();
        return role == Qt::DisplayRole ? QVariant(numbers::statistic(v, meaning)) : QVariant(v);
    };
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Segment: return QString::fromStdString(s.label);
        case Count: return role == Qt::DisplayRole ? QVariant(numbers::count(qulonglong(s.count))) : QVariant(qulonglong(s.count));
        case TotalValue: return number(s.totalValue);
        case MeanValue: return number(s.meanValue);
        case Share:
            if (std::isnan(s.shareOfValue))
                return QString();
            return role == Qt::DisplayRole ? QVariant(numbers::percent(s.shareOfValue)) : QVariant(s.shareOfValue);
        case Strategy: return QString::fromStdString(s.strategy);
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Strategy && m_session)
        return tr("Double-click to edit the strategy for this segment");
    if (role == Qt::TextAlignmentRole && index.column() >= Count && index.column() <= Share)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SegmentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Segment: return tr("Segment");
    case Count: return tr("Customers");
    case TotalValue: return tr("Total value");
    case MeanValue: return tr("Mean value");
    case Share: return tr("Share of value");
    case Strategy: return tr("Strategy");
    }
    return {};
}

Qt::ItemFlags SegmentTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Strategy && m_session)
        f |= Qt::ItemIsEditable;
    return f;
}

bool SegmentTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_session || !m_results || role != Qt::EditRole || index.column() != Strategy || index.row() >= rowCount())
        return false;
    const vs::SegmentRow &s = m_results->segments[size_t(index.row())];
    const QString text = value.toString().trimmed();
    if (text.toStdString() == s.strategy)
        return false;
    m_session->undoStack()->push(new SetStrategyCommand(m_session, QString::fromStdString(s.label), text));
    return true;
}
