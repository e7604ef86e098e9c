#pragma once
// The first rows of a table as read so far (the import wizard's preview): numbers with the
// locale's separators and every digit they have, ids as written.
#include "core/table/table.h"

#include <QAbstractTableModel>
#include <QMap>
#include <QSet>

#include <memory>

class TablePreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit TablePreviewModel(QObject *parent = nullptr);
    void setTable(std::shared_ptr<const vs::Table> table);
    // The role each column is mapped to (column name -> the role's title), shown in its header
    // and as a tint of its cells, so that a headerless file's "column 3" says what it became.
    void setMarks(QMap<QString, QString> marks);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const vs::Table> m_table;
    QSet<QString> m_identifiers; // columns written without thousands separators
    QMap<QString, QString> m_marks;
};
