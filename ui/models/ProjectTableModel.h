#pragma once
// A table over a part of the session's project (weights, RFM rules): after every project change
// a reset when the number of rows changed, otherwise one dataChanged over every cell, so that
// the views keep their selection and scroll position.
#include <QAbstractTableModel>

class ProjectTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_rows; }

protected:
    void refreshRows(int rows)
    {
        if (rows != m_rows) {
            beginResetModel();
            m_rows = rows;
            endResetModel();
        } else if (rows > 0) {
            emit dataChanged(index(0, 0), index(rows - 1, columnCount() - 1), {Qt::DisplayRole, Qt::EditRole});
        }
    }
    int m_rows = 0;
};
