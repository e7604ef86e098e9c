#include "TablePreviewModel.h"

#include <QBrush>
#include <QColor>

TablePreviewModel::TablePreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void TablePreviewModel::setTable(std::shared_ptr<const vs::Table> table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int TablePreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : int(std::min<size_t>(m_table->rowCount(), 500));
}

int TablePreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : int(m_table->columns.size());
}

QVariant TablePreviewModel::data(const QModelIndex &index, int role) const
{
    if (!m_table || !index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const vs::Column &c = m_table->columns[size_t(index.column())];
    if (role == Qt::DisplayRole)
        return QString::fromStdString(c.cellText(size_t(index.row())));
    if (role == Qt::TextAlignmentRole && c.type != vs::ColumnType::Text)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && c.cellMissing(size_t(index.row())))
        return QBrush(QColor(245, 245, 245));
    return {};
}

QVariant TablePreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_table || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return qlonglong(m_table->rowNumber(size_t(section)));
    if (section >= columnCount())
        return {};
    const vs::Column &c = m_table->columns[size_t(section)];
    const QString type = c.type == vs::ColumnType::Number ? tr("number") : c.type == vs::ColumnType::Date ? tr("date") : tr("text");
    return QStringLiteral("%1\n(%2)").arg(QString::fromStdString(c.name), type);
}
