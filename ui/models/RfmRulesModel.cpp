#include "RfmRulesModel.h"

#include "ui/AnalysisSession.h"
#include "ui/commands/ProjectCommands.h"

#include <QUndoStack>

RfmRulesModel::RfmRulesModel(AnalysisSession *session, QObject *parent) : ProjectTableModel(parent), m_session(session)
{
    connect(session, &AnalysisSession::projectChanged, this, &RfmRulesModel::refresh);
    connect(session, &AnalysisSession::resultsChanged, this, &RfmRulesModel::refresh);
    refresh();
}

void RfmRulesModel::refresh()
{
    const int rows = int(m_session->project().segments.rules.size());
    refreshRows(rows);
}

int RfmRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RfmRulesModel::data(const QModelIndex &index, int role) const
{
    const auto &rules = m_session->project().segments.rules;
    if (!index.isValid() || index.row() >= int(rules.size()))
        return {};
    const vs::RfmRule &r = rules[size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() != Name)
        return int(Qt::AlignCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Name: return QString::fromStdString(r.name);
    case RFrom: return r.r[0];
    case RTo: return r.r[1];
    case FFrom: return r.f[0];
    case FTo: return r.f[1];
    case MFrom: return r.m[0];
    case MTo: return r.m[1];
    case Customers: {
        const auto results = m_session->results();
        if (!results || size_t(index.row()) >= results->segments.size() || results->segmentBy != "rfm")
            return {};
        return QVariant::fromValue(qulonglong(results->segments[size_t(index.row())].count));
    }
    }
    return {};
}

QVariant RfmRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case Name: return tr("Segment");
    case RFrom: return tr("R from");
    case RTo: return tr("R to");
    case FFrom: return tr("F from");
    case FTo: return tr("F to");
    case MFrom: return tr("M from");
    case MTo: return tr("M to");
    case Customers: return tr("Customers");
    }
    return {};
}

Qt::ItemFlags RfmRulesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return index.column() == Customers ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                       : Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

bool RfmRulesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() == Customers)
        return false;
    std::vector<vs::RfmRule> rules = m_session->project().segments.rules;
    if (index.row() >= int(rules.size()))
        return false;
    vs::RfmRule &r = rules[size_t(index.row())];
    if (index.column() == Name) {
        const std::string name = value.toString().trimmed().toStdString();
        const auto &labels = m_session->project().segments.labels;
        if (name.empty() || (!labels.empty() && name == labels.back())) // "Others" is not a rule
            return false;
        for (const vs::RfmRule &o : rules)
            if (&o != &r && o.name == name)
                return false; // segment names are unique
        r.name = name;
    } else {
        bool ok = false;
        const int v = value.toInt(&ok);
        if (!ok || v < 1 || v > 5)
            return false;
        int *range = index.column() <= RTo ? r.r : index.column() <= FTo ? r.f : r.m;
        const bool from = index.column() == RFrom || index.column() == FFrom || index.column() == MFrom;
        range[from ? 0 : 1] = v;
        if (range[0] > range[1]) // keep the range a range: move the other end along
            range[from ? 1 : 0] = v;
    }
    if (rules == m_session->project().segments.rules)
        return false;
    m_session->undoStack()->push(new SetRfmRulesCommand(m_session, rules, tr("Change RFM rule"),
                                                        index.row() * ColumnCount + index.column()));
    return true;
}

void RfmRulesModel::addRule()
{
    std::vector<vs::RfmRule> rules = m_session->project().segments.rules;
    QString name;
    for (int i = int(rules.size()) + 1;; ++i) {
        name = tr("Segment %1").arg(i);
        bool taken = false;
        for (const vs::RfmRule &r : rules)
            taken |= r.name == name.toStdString();
        if (!taken)
            break;
    }
    rules.push_back({name.toStdString(), {1, 5}, {1, 5}, {1, 5}});
    m_session->undoStack()->push(new SetRfmRulesCommand(m_session, rules, tr("Add RFM rule")));
}

void RfmRulesModel::removeRule(int row)
{
    std::vector<vs::RfmRule> rules = m_session->project().segments.rules;
    if (row < 0 || row >= int(rules.size()) || rules.size() == 1)
        return;
    rules.erase(rules.begin() + row);
    m_session->undoStack()->push(new SetRfmRulesCommand(m_session, rules, tr("Remove RFM rule")));
}

void RfmRulesModel::moveRule(int row, int delta)
{
    std::vector<vs::RfmRule> rules = m_session->project().segments.rules;
    const int to = row + delta;
    if (row < 0 || row >= int(rules.size()) || to < 0 || to >= int(rules.size()))
        return;
    std::swap(rules[size_t(row)], rules[size_t(to)]);
    m_session->undoStack()->push(new SetRfmRulesCommand(m_session, rules, tr("Move RFM rule")));
}
