#pragma once
// The customer results as a table: one row per customer, the columns of `valuescope run --out`.
#include "core/analytics/analysis.h"
#include "core/io/results_writer.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>
#include <vector>

namespace QCoro { template <typename T> class Task; }

class CustomerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit CustomerTableModel(QObject *parent = nullptr);

    void setResults(std::shared_ptr<const vs::AnalysisResults> results);
    // Shows only customers of one segment (-1: all) whose id contains text (case-insensitive).
    void setFilter(int segment, const QString &text);
    int segmentFilter() const { return m_segmentFilter; }
    // Shows only these customers (result rows), e.g. those of a cell of the migration between two
    // dates; nullopt: all. The segment and text filters still apply.
    void setSubset(std::optional<std::vector<uint32_t>> rows);
    bool hasSubset() const { return m_subset.has_value(); }
    size_t totalRows() const { return m_table.rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;
    // The rows of order sorted by a results column (pure, run off the UI thread for big tables);
    // nothing when there is not the memory to sort: no exception leaves it.
    static std::optional<std::vector<uint32_t>> sortedRows(std::shared_ptr<const vs::AnalysisResults> results, const std::string &header,
                                                           bool numeric, std::vector<uint32_t> order, bool ascending);

signals:
    // The table could not be sorted (the order shown stays); the text is for the status bar.
    void sortFailed(const QString &reason);

private:
    QVariant cellValue(int row, int column) const;
    std::shared_ptr<const vs::AnalysisResults> m_results;
    vs::OutputTable m_table;
    std::vector<vs::Meaning> m_meanings; // per column
    void rebuild();
    void applyOrder(std::vector<uint32_t> sorted);
    QCoro::Task<void> sortInBackground(quint64 generation, std::string header, bool numeric, bool ascending);
    quint64 m_sortGeneration = 0;
    std::vector<uint32_t> m_order; // view row -> result row (sorted, filtered)
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_segmentFilter = -1;
    QString m_textFilter;
    std::optional<std::vector<uint8_t>> m_subset; // per result row: shown
};
