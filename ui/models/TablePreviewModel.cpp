#include "TablePreviewModel.h"

#include "core/domain/measures.h"
#include "core/domain/roles.h"
#include "ui/NumberFormat.h"

#include <QBrush>
#include <QColor>

TablePreviewModel::TablePreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void TablePreviewModel::setTable(std::shared_ptr<const vs::Table> table)
{
    beginResetModel();
    m_table = std::move(table);
    // numbers are shown with the locale's separators, but not those of a column that names an
    // id (a customer number), as core's role guess sees it for any layout
    m_identifiers.clear();
    if (m_table) {
        std::vector<std::string> headers;
        for (const vs::Column &c : m_table->columns)
            headers.push_back(c.name);
        for (vs::Layout layout : {vs::Layout::Customers, vs::Layout::Transactions, vs::Layout::Campaigns})
            for (const auto &[role, column] : vs::guessRoles(headers, layout))
                if (vs::roleMeaning(role) == vs::Meaning::Identifier)
                    m_identifiers.insert(QString::fromStdString(column));
    }
    endResetModel();
}

void TablePreviewModel::setMarks(QMap<QString, QString> marks)
{
    if (marks == m_marks)
        return;
    m_marks = std::move(marks);
    if (columnCount() > 0) {
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
        emit dataChanged(index(0, 0), index(std::max(0, rowCount() - 1), columnCount() - 1), {Qt::BackgroundRole});
    }
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
    if (role == Qt::DisplayRole) {
        if (c.type == vs::ColumnType::Number && !m_identifiers.contains(QString::fromStdString(c.name)))
            return numbers::exact(c.numbers()[size_t(index.row())]);
        return QString::fromStdString(c.cellText(size_t(index.row())));
    }
    if (role == Qt::TextAlignmentRole && c.type != vs::ColumnType::Text)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && c.cellMissing(size_t(index.row())))
        return QBrush(QColor(245, 245, 245));
    if (role == Qt::BackgroundRole && m_marks.contains(QString::fromStdString(c.name)))
        return QBrush(QColor(228, 240, 252)); // a mapped column
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
    const QString name = QString::fromStdString(c.name);
    if (auto it = m_marks.find(name); it != m_marks.end())
        return QStringLiteral("%1\n(%2)\n▸ %3").arg(name, type, it.value());
    return QStringLiteral("%1\n(%2)").arg(name, type);
}
