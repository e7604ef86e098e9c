#include "WeightTableModel.h"

#include "ui/AnalysisSession.h"
#include "ui/commands/ProjectCommands.h"

#include <QLocale>
#include <cmath>
#include <QUndoStack>

WeightTableModel::WeightTableModel(AnalysisSession *session, int scoreIndex, QObject *parent)
    : ProjectTableModel(parent), m_session(session), m_score(scoreIndex)
{
    connect(session, &AnalysisSession::projectChanged, this, &WeightTableModel::refresh);
    refresh();
}

void WeightTableModel::refresh()
{
    const auto &scores = m_session->project().scores;
    const int rows = m_score < int(scores.size()) ? int(scores[size_t(m_score)].items.size()) : 0;
    refreshRows(rows);
}

int WeightTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WeightTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const vs::ScoreSpec &s = m_session->project().scores[size_t(m_score)];
    const vs::ScoreItem &item = s.items[size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Indicator: return QString::fromStdString(item.column);
        case Weight: return role == Qt::EditRole ? QVariant(item.weight) : QVariant(QLocale().toString(item.weight, 'g', 6));
        case Effective: {
            double divisor = 0;
            if (s.normalize == vs::Normalize::Count)
                divisor = double(s.items.size());
            else
                for (const auto &i : s.items)
                    divisor += i.weight;
            if (divisor == 0)
                return QStringLiteral("—");
            const double eff = item.weight / divisor;
            return role == Qt::EditRole ? QVariant(eff) : QVariant(QLocale().toString(eff, 'f', 4));
        }
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Indicator)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Effective)
        return s.normalize == vs::Normalize::Count ? tr("weight ÷ number of indicators (the seed's formula)")
                                                   : tr("weight ÷ sum of the weights");
    return {};
}

QVariant WeightTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Indicator: return tr("Indicator");
    case Weight: return tr("Weight");
    case Effective: return tr("Effective");
    }
    return {};
}

Qt::ItemFlags WeightTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != Effective)
        f |= Qt::ItemIsEditable;
    return f;
}

bool WeightTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_rows)
        return false;
    const vs::ScoreItem &item = m_session->project().scores[size_t(m_score)].items[size_t(index.row())];
    if (index.column() == Weight) {
        bool ok = false;
        double v = 0;
        if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int) {
            v = value.toDouble(&ok);
        } else {
            v = QLocale().toDouble(value.toString(), &ok);
            if (!ok)
                v = value.toString().toDouble(&ok);
        }
        if (!ok || !std::isfinite(v) || v == item.weight)
            return false;
        m_session->undoStack()->push(new SetWeightCommand(m_session, m_score, index.row(), v));
    } else if (index.column() == Indicator) {
        const QString column = value.toString();
        if (column.isEmpty() || column.toStdString() == item.column)
            return false;
        m_session->undoStack()->push(new SetIndicatorColumnCommand(m_session, m_score, index.row(), column));
    } else {
        return false;
    }
    emit dataChanged(index, index.siblingAtColumn(Effective), {Qt::DisplayRole, Qt::EditRole});
    return true;
}
