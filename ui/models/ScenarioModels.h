#pragma once
// What-if views: the migration matrix (baseline segment → current segment) and the value shift
// per segment. Both read the session's comparison; they compute nothing.
#include <QAbstractTableModel>

#include <vector>

class AnalysisSession;

class MigrationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit MigrationModel(AnalysisSession *session, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();
    AnalysisSession *m_session;
    int m_rows = 0, m_cols = 0;
};

class ShiftModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Segment, BaselineCount, CurrentCount, CountChange, BaselineValue, CurrentValue, ValueChange, ColumnCount };
    explicit ShiftModel(AnalysisSession *session, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();
    AnalysisSession *m_session;
    int m_rows = 0;
};

// Descriptive statistics (S8) of every numeric column and computed measure but the identifiers
// and codes (AnalysisResults::describedStatistics), each number written by what its column means.
class StatsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Count, Mean, Median, Variance, Std, Min, Max, ColumnCount };
    explicit StatsModel(AnalysisSession *session, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();
    AnalysisSession *m_session;
    int m_rows = 0;
    std::vector<size_t> m_shown; // rows: indices into the results' stats
};
