#include "CustomerTableModel.h"

#include "ui/ErrorText.h"
#include "ui/Wording.h"

#include <QApplication>
#include <QStyle>

#include <QCoroFuture>
#include <QCoroTask>
#include <QPointer>
#include "ui/NumberFormat.h"
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <numeric>

CustomerTableModel::CustomerTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void CustomerTableModel::setResults(std::shared_ptr<const vs::AnalysisResults> results)
{
    beginResetModel();
    m_results = std::move(results);
    m_table = m_results ? vs::resultsTable(*m_results) : vs::OutputTable{};
    // what each column means (core says: a count, a score, money, a code…), for how it is shown
    m_meanings.clear();
    for (const std::string &h : m_table.header)
        m_meanings.push_back(m_results ? m_results->meaningOf(h) : vs::Meaning::Number);
    if (m_results && m_segmentFilter >= int(m_results->segments.size()))
        m_segmentFilter = -1;
    m_subset.reset(); // a migration cell's customers belong to the results they came from
    rebuild();
    endResetModel();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

void CustomerTableModel::setFilter(int segment, const QString &text)
{
    beginResetModel();
    m_segmentFilter = segment;
    m_textFilter = text.trimmed();
    rebuild();
    endResetModel();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

void CustomerTableModel::setSubset(std::optional<std::vector<uint32_t>> rows)
{
    beginResetModel();
    m_subset.reset();
    if (rows) {
        m_subset.emplace(m_table.rows, 0);
        for (uint32_t r : *rows)
            if (r < m_subset->size())
                (*m_subset)[r] = 1;
    }
    rebuild();
    endResetModel();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

void CustomerTableModel::rebuild()
{
    ++m_sortGeneration; // a sort still running is for the old rows
    m_order.clear();
    if (!m_results)
        return;
    const std::string needle = m_textFilter.toLower().toStdString();
    const vs::TextData &ids = m_results->data->ids;
    m_order.reserve(m_table.rows);
    for (uint32_t i = 0; i < m_table.rows; ++i) {
        if (m_segmentFilter >= 0 && m_results->segment[i] != m_segmentFilter)
            continue;
        if (m_subset && (i >= m_subset->size() || !(*m_subset)[i]))
            continue;
        if (!needle.empty()) {
            const std::string_view id = ids.at(i);
            const auto it = std::search(id.begin(), id.end(), needle.begin(), needle.end(),
                                        [](char a, char b) { return std::tolower((unsigned char)a) == b; });
            if (it == id.end())
                continue;
        }
        m_order.push_back(i);
    }
}

int CustomerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int CustomerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.header.size());
}

QVariant CustomerTableModel::cellValue(int row, int column) const
{
    const size_t r = m_order[size_t(row)];
    if (m_table.numeric[size_t(column)]) {
        const std::string &h = m_table.header[size_t(column)];
        if (const std::vector<double> *values = m_results->column(h == "effect" ? "value" : h)) {
            const double v = (*values)[r];
            return std::isnan(v) ? QVariant() : QVariant(v);
        }
    }
    return QString::fromStdString(m_table.text(r, size_t(column)));
}

QVariant CustomerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    if (role == Qt::DisplayRole) {
        QVariant v = cellValue(index.row(), index.column());
        if (v.typeId() == QMetaType::Double)
            return numbers::measure(v.toDouble(), m_meanings[size_t(index.column())]);
        return v;
    }
    if (role == Qt::EditRole || role == Qt::UserRole)
        return cellValue(index.row(), index.column());
    if (role == Qt::TextAlignmentRole && m_table.numeric[size_t(index.column())])
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && (role == Qt::ToolTipRole || role == Qt::DecorationRole) && m_results &&
        section >= 0 && section < columnCount()) {
        // a column that is empty for a reason says why
        for (const vs::NamedValues &e : m_results->extra)
            if (e.name == m_table.header[size_t(section)] && e.emptyBecause)
                return role == Qt::ToolTipRole
                           ? QVariant(tr("Empty: %1").arg(localizedMessage(*e.emptyBecause)))
                           : QVariant(QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation));
        // a translated title says which column of an export it is; a column whose numbers need
        // saying what they are (clv_low: which interval, what it covers) says so first
        const std::string &h = m_table.header[size_t(section)];
        if (role != Qt::ToolTipRole)
            return {};
        QStringList tip;
        for (const vs::NamedValues &e : m_results->extra)
            if (e.name == h && e.note)
                tip << localizedMessage(*e.note);
        if (columnTitle(h) != QString::fromStdString(h))
            tip << tr("Column \"%1\" in exported files").arg(QString::fromStdString(h));
        return tip.isEmpty() ? QVariant() : QVariant(tip.join(QLatin1Char('\n')));
    }
    if (role == Qt::UserRole && orientation == Qt::Horizontal && section >= 0 && section < columnCount())
        return QString::fromStdString(m_table.header[size_t(section)]); // the column's name in exports
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= columnCount())
        return {};
    return columnTitle(m_table.header[size_t(section)]);
}

namespace {
// The rows of order sorted by a column; a pure function, so that big tables sort off the UI thread.
std::vector<uint32_t> sortedOrder(std::shared_ptr<const vs::AnalysisResults> results, std::string header, bool numeric,
                                  std::vector<uint32_t> order, bool asc)
{
    const vs::AnalysisResults &r = *results;
    if (numeric) {
        const std::vector<double> *values = r.column(header == "effect" ? "value" : header);
        if (values) {
            // (key, row) pairs: ties keep row order, missing values go last in both directions
            std::vector<std::pair<double, uint32_t>> keyed(order.size());
            for (size_t i = 0; i < order.size(); ++i) {
                const double v = (*values)[order[i]];
                keyed[i] = {std::isnan(v) ? INFINITY : (asc ? v : -v), order[i]};
            }
            std::sort(keyed.begin(), keyed.end());
            for (size_t i = 0; i < keyed.size(); ++i)
                order[i] = keyed[i].second;
        }
    } else if (header == "segment" || header == "strategy") {
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
            return asc ? r.segment[a] < r.segment[b] : r.segment[a] > r.segment[b];
        });
    } else {
        const vs::TextData &ids = r.data->ids;
        std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
            return asc ? ids.at(a) < ids.at(b) : ids.at(a) > ids.at(b);
        });
    }
    return order;
}
} // namespace

std::optional<std::vector<uint32_t>> CustomerTableModel::sortedRows(std::shared_ptr<const vs::AnalysisResults> results,
                                                                    const std::string &header, bool numeric,
                                                                    std::vector<uint32_t> order, bool ascending)
{
    try {
        return sortedOrder(std::move(results), header, numeric, std::move(order), ascending);
    } catch (const std::bad_alloc &) {
        return std::nullopt;
    }
}

void CustomerTableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    const quint64 generation = ++m_sortGeneration;
    if (!m_results || column < 0 || column >= columnCount())
        return;
    const std::string header = m_table.header[size_t(column)];
    const bool numeric = m_table.numeric[size_t(column)];
    if (m_order.size() < 200000) {
        applyOrder(sortedOrder(m_results, header, numeric, m_order, order == Qt::AscendingOrder));
        return;
    }
    // a million rows take ~100 ms to sort: do it on a worker and apply the order when it is ready
    sortInBackground(generation, header, numeric, order == Qt::AscendingOrder);
}

QCoro::Task<void> CustomerTableModel::sortInBackground(quint64 generation, std::string header, bool numeric, bool ascending)
{
    QPointer<CustomerTableModel> self(this); // the table may go while the worker sorts
    QFuture<std::optional<std::vector<uint32_t>>> sorting = QtConcurrent::run(&CustomerTableModel::sortedRows, m_results, header, numeric, m_order, ascending);
    std::optional<std::vector<uint32_t>> sorted;
    try { // copying the arguments on the worker can run out of memory too: the future holds that
        sorted = co_await sorting;
    } catch (...) {
        sorted.reset();
    }
    if (!self || generation != m_sortGeneration) // something changed meanwhile
        co_return;
    if (sorted)
        applyOrder(std::move(*sorted));
    else
        emit sortFailed(tr("There is not enough memory to sort the table; the order shown stays."));
}

void CustomerTableModel::applyOrder(std::vector<uint32_t> sorted)
{
    if (sorted.size() != m_order.size())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<uint32_t> oldOrder = std::move(m_order);
    m_order = std::move(sorted);
    std::vector<int> newPos(m_table.rows, -1);
    for (size_t i = 0; i < m_order.size(); ++i)
        newPos[m_order[i]] = int(i);
    for (const QModelIndex &idx : before)
        changePersistentIndex(idx, index(newPos[oldOrder[size_t(idx.row())]], idx.column()));
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}
