#include "ScenarioModels.h"

#include "ui/AnalysisSession.h"
#include "ui/NumberFormat.h"
#include "ui/Wording.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <cmath>

namespace {
QString labelText(const std::string &l) { return l.empty() ? QObject::tr("(no segment)") : QString::fromStdString(l); }

} // namespace

MigrationModel::MigrationModel(AnalysisSession *session, QObject *parent) : QAbstractTableModel(parent), m_session(session)
{
    connect(session, &AnalysisSession::resultsChanged, this, &MigrationModel::refresh);
    connect(session, &AnalysisSession::baselineChanged, this, &MigrationModel::refresh);
    refresh();
}

void MigrationModel::refresh()
{
    const auto &c = m_session->comparison();
    beginResetModel();
    m_rows = c ? int(c->baselineLabels.size()) + 1 : 0;
    m_cols = c ? int(c->currentLabels.size()) + 1 : 0;
    endResetModel();
}

int MigrationModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rows; }
int MigrationModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_cols; }

QVariant MigrationModel::data(const QModelIndex &index, int role) const
{
    const auto &c = m_session->comparison();
    if (!c || !index.isValid() || index.row() >= m_rows || index.column() >= m_cols)
        return {};
    const size_t n = c->moved[size_t(index.row())][size_t(index.column())];
    const bool diagonal = index.row() < int(c->baselineLabels.size()) && index.column() < int(c->currentLabels.size()) &&
                          c->baselineLabels[size_t(index.row())] == c->currentLabels[size_t(index.column())];
    switch (role) {
    case Qt::DisplayRole: return n ? numbers::count(qulonglong(n)) : QStringLiteral("·");
    case Qt::EditRole: return qulonglong(n);
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (n && !diagonal)
            return QBrush(QColor(255, 236, 204));
        if (n && diagonal)
            return QBrush(QColor(230, 242, 230));
        return {};
    case Qt::ToolTipRole: {
        const QString from = index.row() < int(c->baselineLabels.size()) ? labelText(c->baselineLabels[size_t(index.row())]) : labelText({});
        const QString to = index.column() < int(c->currentLabels.size()) ? labelText(c->currentLabels[size_t(index.column())]) : labelText({});
        return (n == 1 ? tr("1 customer was in %1 and is now in %2") : tr("%3 customers were in %1 and are now in %2"))
            .arg(from, to, numbers::count(qulonglong(n)));
    }
    }
    return {};
}

QVariant MigrationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const auto &c = m_session->comparison();
    if ((role != Qt::DisplayRole && role != Qt::ToolTipRole) || !c)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto &labels = orientation == Qt::Vertical ? c->baselineLabels : c->currentLabels;
    const QString l = section < int(labels.size()) ? QString::fromStdString(labels[size_t(section)]) : tr("(none)");
    if (role == Qt::ToolTipRole)
        return orientation == Qt::Vertical ? tr("was %1").arg(l) : tr("now %1").arg(l);
    // compact, so that five segments fit the panel: the title says rows were, columns are; a
    // column's name breaks between its words
    return orientation == Qt::Vertical ? l : QString(l).replace(QLatin1Char(' '), QLatin1Char('\n'));
}

ShiftModel::ShiftModel(AnalysisSession *session, QObject *parent) : QAbstractTableModel(parent), m_session(session)
{
    connect(session, &AnalysisSession::resultsChanged, this, &ShiftModel::refresh);
    connect(session, &AnalysisSession::baselineChanged, this, &ShiftModel::refresh);
    refresh();
}

void ShiftModel::refresh()
{
    beginResetModel();
    const auto &c = m_session->comparison();
    m_rows = c ? int(c->shifts.size()) : 0;
    endResetModel();
}

int ShiftModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rows; }
int ShiftModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ShiftModel::data(const QModelIndex &index, int role) const
{
    const auto &c = m_session->comparison();
    if (!c || !index.isValid() || index.row() >= m_rows)
        return {};
    const auto &s = c->shifts[size_t(index.row())];
    const auto results = m_session->results();
    const vs::Meaning meaning = results ? results->meaningOf("value") : vs::Meaning::Money;
    auto signedCount = [&](long long v) { return (v > 0 ? QStringLiteral("+") : QString()) + numbers::count(v); };
    auto signedValue = [&](double v) { return (v > 0 ? QStringLiteral("+") : QString()) + numbers::statistic(v, meaning); };
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Segment: return QString::fromStdString(s.label);
        case BaselineCount: return numbers::count(qulonglong(s.baselineCount));
        case CurrentCount: return numbers::count(qulonglong(s.currentCount));
        case CountChange: return signedCount((long long)s.currentCount - (long long)s.baselineCount);
        case BaselineValue: return numbers::statistic(s.baselineValue, meaning);
        case CurrentValue: return numbers::statistic(s.currentValue, meaning);
        case ValueChange: return signedValue(s.currentValue - s.baselineValue);
        }
    }
    if (role == Qt::EditRole) {
        switch (index.column()) {
        case Segment: return QString::fromStdString(s.label);
        case BaselineCount: return qulonglong(s.baselineCount);
        case CurrentCount: return qulonglong(s.currentCount);
        case CountChange: return (long long)s.currentCount - (long long)s.baselineCount;
        case BaselineValue: return s.baselineValue;
        case CurrentValue: return s.currentValue;
        case ValueChange: return s.currentValue - s.baselineValue;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == ValueChange)
        return tr("%1 before, %2 now").arg(numbers::statistic(s.baselineValue, meaning), numbers::statistic(s.currentValue, meaning));
    if (role == Qt::TextAlignmentRole && index.column() != Segment)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && (index.column() == CountChange || index.column() == ValueChange)) {
        const double d = index.column() == CountChange ? double(s.currentCount) - double(s.baselineCount)
                                                       : s.currentValue - s.baselineValue;
        if (d > 0) return QBrush(QColor(0, 120, 0));
        if (d < 0) return QBrush(QColor(170, 0, 0));
    }
    return {};
}

QVariant ShiftModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role == Qt::ToolTipRole && orientation == Qt::Horizontal) {
        switch (section) {
        case BaselineCount: return tr("Customers in the segment in the baseline");
        case CurrentCount: return tr("Customers in the segment now");
        case CountChange: return tr("Customers now less customers in the baseline");
        case ValueChange: return tr("Total value now less total value in the baseline");
        }
    }
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Segment: return tr("Segment");
    case BaselineCount: return tr("Before");
    case CurrentCount: return tr("Now");
    case CountChange: return tr("Change");
    case BaselineValue: return tr("Value (baseline)");
    case CurrentValue: return tr("Value (now)");
    case ValueChange: return tr("Value shift");
    }
    return {};
}

StatsModel::StatsModel(AnalysisSession *session, QObject *parent) : QAbstractTableModel(parent), m_session(session)
{
    connect(session, &AnalysisSession::resultsChanged, this, &StatsModel::refresh);
    refresh();
}

void StatsModel::refresh()
{
    beginResetModel();
    const auto r = m_session->results();
    // identifiers and codes have no meaningful mean: core leaves them out of the table
    m_shown = r ? r->describedStatistics() : std::vector<size_t>();
    m_rows = int(m_shown.size());
    endResetModel();
}

int StatsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : m_rows; }
int StatsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant StatsModel::data(const QModelIndex &index, int role) const
{
    const auto r = m_session->results();
    if (!r || !index.isValid() || index.row() >= m_rows || m_shown[size_t(index.row())] >= r->stats.size())
        return {};
    const size_t i = m_shown[size_t(index.row())];
    const auto &[name, st] = r->stats[i];
    const vs::Meaning meaning = r->statisticMeaning(i);
    auto value = [&]() -> double {
        switch (index.column()) {
        case Mean: return st.mean;
        case Median: return st.median;
        case Variance: return st.variance;
        case Std: return st.std;
        case Min: return st.min;
        case Max: return st.max;
        }
        return NAN;
    };
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        if (index.column() == Name)
            return columnTitle(name);
        if (index.column() == Count)
            return role == Qt::DisplayRole ? QVariant(numbers::count(qulonglong(st.count))) : QVariant(qulonglong(st.count));
        const double v = value();
        if (std::isnan(v))
            return role == Qt::DisplayRole ? QVariant(numbers::missing()) : QVariant();
        if (role == Qt::EditRole)
            return v;
        // the variance is in the square of the column's unit: a plain number
        return index.column() == Variance ? numbers::number(v) : numbers::statistic(v, meaning);
    }
    if (role == Qt::TextAlignmentRole && index.column() != Name)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant StatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Column");
    case Count: return tr("Count");
    case Mean: return tr("Mean");
    case Median: return tr("Median");
    case Variance: return tr("Variance");
    case Std: return tr("Std. deviation");
    case Min: return tr("Min");
    case Max: return tr("Max");
    }
    return {};
}
