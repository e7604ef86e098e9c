#include "OverTimeBox.h"

#include "AnalysisSession.h"
#include "commands/ProjectCommands.h"
#include "core/analytics/transactions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QUndoStack>

namespace {
QDate toDate(const std::string &iso) { return QDate::fromString(QString::fromStdString(iso), Qt::ISODate); }
std::string toIso(const QDate &d) { return d.toString(Qt::ISODate).toStdString(); }
} // namespace

OverTimeBox::OverTimeBox(AnalysisSession *session, QWidget *parent)
    : QGroupBox(tr("Over time"), parent), m_session(session)
{
    auto *f = new QFormLayout(this);
    m_compare = new QCheckBox(tr("Compare the segments on two &dates"));
    m_compare->setToolTip(tr("Segments as of each date, from the same order lines: who moved where, who is new, who stopped buying"));
    f->addRow(m_compare);
    m_from = new QDateEdit;
    m_to = new QDateEdit;
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    f->addRow(tr("&From:"), m_from);
    f->addRow(tr("&To:"), m_to);
    m_alive = new QDoubleSpinBox;
    m_alive->setRange(0, 1);
    m_alive->setDecimals(2);
    m_alive->setSingleStep(0.05);
    m_alive->setToolTip(tr("Early warning: a valuable customer whose P(alive) fell below this (predictive models)"));
    f->addRow(tr("Warn below P(&alive):"), m_alive);
    m_cohorts = new QCheckBox(tr("Show &cohorts by first purchase"));
    f->addRow(m_cohorts);
    m_period = new QComboBox;
    m_period->addItem(tr("Month"), QStringLiteral("month"));
    m_period->addItem(tr("Quarter"), QStringLiteral("quarter"));
    f->addRow(tr("Cohort &period:"), m_period);
    m_measure = new QComboBox;
    m_measure->addItem(tr("Active customers (% of cohort)"), QStringLiteral("customers"));
    m_measure->addItem(tr("Cumulated revenue per customer"), QStringLiteral("revenue"));
    f->addRow(tr("Cohort &measure:"), m_measure);

    connect(m_compare, &QCheckBox::toggled, this, [this] { pushSnapshots(); });
    connect(m_from, &QDateEdit::editingFinished, this, [this] { pushSnapshots(); });
    connect(m_to, &QDateEdit::editingFinished, this, [this] { pushSnapshots(); });
    connect(m_alive, &QDoubleSpinBox::editingFinished, this, [this] { pushSnapshots(); });
    connect(m_cohorts, &QCheckBox::toggled, this, [this] { pushCohorts(); });
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] { pushCohorts(); });
    connect(m_measure, &QComboBox::currentIndexChanged, this, [this] { pushCohorts(); });
    connect(m_session, &AnalysisSession::projectChanged, this, &OverTimeBox::syncFromProject);
    connect(m_session, &AnalysisSession::resultsChanged, this, &OverTimeBox::syncFromProject);
    syncFromProject();
}

namespace {
// the first and the last day of the order lines: from their days, or from the figures a database
// summed per customer (switching snapshots on then reads the days from the engine)
std::optional<std::pair<int32_t, int32_t>> orderDays(const std::shared_ptr<const vs::AnalysisResults> &results)
{
    if (!results || !results->data)
        return std::nullopt;
    if (const auto &d = results->data->days)
        return std::make_pair(d->firstDay, d->lastDay);
    if (const auto &f = results->data->figures)
        return std::make_pair(f->firstDay, f->lastDay);
    return std::nullopt;
}
} // namespace

void OverTimeBox::syncFromProject()
{
    const vs::Project &p = m_session->project();
    setVisible(p.source.layout == vs::Layout::Transactions);
    m_updating = true;
    // the dates the data span, when the order lines are known
    const auto results = m_session->results();
    if (const auto span = orderDays(results)) {
        const QDate first = QDate(1970, 1, 1).addDays(span->first);
        const QDate last = QDate(1970, 1, 1).addDays(span->second);
        for (QDateEdit *e : {m_from, m_to})
            e->setDateRange(first, last);
    }
    m_compare->setChecked(p.snapshots.has_value());
    if (p.snapshots) {
        m_from->setDate(toDate(p.snapshots->from));
        m_to->setDate(toDate(p.snapshots->to));
        m_alive->setValue(p.snapshots->aliveBelow);
    }
    for (QWidget *w : {static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to), static_cast<QWidget *>(m_alive)})
        w->setEnabled(p.snapshots.has_value());
    m_cohorts->setChecked(p.cohorts.has_value());
    const vs::CohortSpec c = p.cohorts.value_or(vs::CohortSpec{});
    m_period->setCurrentIndex(m_period->findData(QString::fromStdString(c.period)));
    m_measure->setCurrentIndex(m_measure->findData(QString::fromStdString(c.measure)));
    m_period->setEnabled(p.cohorts.has_value());
    m_measure->setEnabled(p.cohorts.has_value());
    m_updating = false;
}

void OverTimeBox::pushSnapshots()
{
    if (m_updating)
        return;
    const vs::Project &p = m_session->project();
    std::optional<vs::SnapshotSpec> s;
    if (m_compare->isChecked()) {
        if (!p.snapshots) { // switched on: half a year up to the last order
            const auto results = m_session->results();
            if (const auto span = orderDays(results))
                s = vs::defaultSnapshots(span->first, span->second);
            else
                s = vs::SnapshotSpec{toIso(m_from->date()), toIso(m_to->date())};
        } else {
            s = vs::SnapshotSpec{toIso(m_from->date()), toIso(m_to->date()), m_alive->value()};
        }
    }
    if (s == p.snapshots)
        return;
    m_session->undoStack()->push(new SetSnapshotsCommand(m_session, s));
}

void OverTimeBox::pushCohorts()
{
    if (m_updating)
        return;
    std::optional<vs::CohortSpec> c;
    if (m_cohorts->isChecked())
        c = vs::CohortSpec{m_period->currentData().toString().toStdString(), m_measure->currentData().toString().toStdString()};
    if (c == m_session->project().cohorts)
        return;
    m_session->undoStack()->push(new SetCohortsCommand(m_session, c));
}
