#include "ChartTabs.h"

#include "ui/AnalysisSession.h"
#include "ui/charts/PeriodMigrationChart.h"
#include "ui/charts/SegmentChart.h"
#include "ui/models/HoldoutTableModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QVBoxLayout>
#include <QSplitter>
#include <QTableView>

ChartTabs::ChartTabs(AnalysisSession *session, SegmentChart *segments, QWidget *parent)
    : QTabWidget(parent), m_session(session), m_holdout(new HoldoutTableModel(this))
{
    setObjectName(QStringLiteral("charts"));
    setDocumentMode(true);
    for (const QString &kind : charts::kinds()) {
        QWidget *chart = kind == QLatin1String("segments") ? segments : charts::create(kind);
        QWidget *page = chart;
        if (kind == QLatin1String("holdout")) {
            // the holdout check as a chart and, below it, as a table of the same numbers
            auto *split = new QSplitter(Qt::Vertical);
            m_holdoutView = new QTableView;
            m_holdoutView->setAccessibleName(tr("Holdout check as a table"));
            m_holdoutView->setObjectName(QStringLiteral("holdoutTable"));
            m_holdoutView->setModel(m_holdout);
            m_holdoutView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
            m_holdoutView->verticalHeader()->hide();
            m_holdoutView->setEditTriggers(QAbstractItemView::NoEditTriggers);
            split->addWidget(chart);
            split->addWidget(m_holdoutView);
            split->setStretchFactor(0, 3);
            split->setStretchFactor(1, 1);
            page = split;
        } else if (auto *moves = qobject_cast<PeriodMigrationChart *>(chart)) {
            // what the matrix's cells show: a view setting, not part of the project
            page = new QWidget;
            auto *v = new QVBoxLayout(page);
            v->setContentsMargins(0, 0, 0, 0);
            auto *row = new QHBoxLayout;
            row->setContentsMargins(6, 4, 6, 0);
            m_migrationMeasure = new QComboBox;
            m_migrationMeasure->setObjectName(QStringLiteral("migrationMeasure"));
            m_migrationMeasure->addItem(tr("Customers"));
            m_migrationMeasure->addItem(tr("Value on the second date"));
            m_migrationMeasure->setAccessibleName(tr("What the migration matrix's cells show"));
            auto *label = new QLabel(tr("Cells &show:"));
            label->setBuddy(m_migrationMeasure);
            row->addWidget(label);
            row->addWidget(m_migrationMeasure);
            row->addStretch(1);
            v->addLayout(row);
            v->addWidget(chart, 1);
            connect(m_migrationMeasure, &QComboBox::currentIndexChanged, moves, [moves](int i) { moves->setShowValue(i == 1); });
        }
        chart->setAccessibleName(tr("Chart: %1").arg(charts::title(kind)));
        addTab(page, charts::title(kind));
        m_tabs.push_back({kind, chart});
    }
    connect(this, &QTabWidget::currentChanged, this, &ChartTabs::showTab);
}

QString ChartTabs::kindAt(int index) const
{
    return index >= 0 && size_t(index) < m_tabs.size() ? m_tabs[size_t(index)].kind : QString();
}

QWidget *ChartTabs::chartAt(int index) const
{
    return index >= 0 && size_t(index) < m_tabs.size() ? m_tabs[size_t(index)].chart : nullptr;
}

charts::Input ChartTabs::input() const
{
    return {m_session->results(), m_session->comparison()};
}

QWidget *ChartTabs::currentChart() const
{
    const int i = currentIndex();
    if (!m_session->results() || i < 0)
        return nullptr;
    return charts::unavailable(kindAt(i), input()).isEmpty() ? chartAt(i) : nullptr;
}

void ChartTabs::refresh()
{
    const charts::Input in = input();
    m_holdout->setResults(in.results);
    for (size_t i = 0; i < m_tabs.size(); ++i) {
        const bool available = charts::unavailable(m_tabs[i].kind, in).isEmpty();
        setTabVisible(int(i), available || i == 0);
        m_tabs[i].stale = true;
    }
    if (in.results && !m_preferred.isEmpty()) {
        // the chart last looked at, when these results can show it
        const int i = int(charts::kinds().indexOf(m_preferred));
        if (i >= 0 && isTabVisible(i))
            setCurrentIndex(i);
        m_preferred.clear();
    }
    showTab(currentIndex());
}

void ChartTabs::showTab(int index)
{
    if (index < 0 || size_t(index) >= m_tabs.size() || !m_tabs[size_t(index)].stale)
        return;
    Tab &tab = m_tabs[size_t(index)];
    tab.stale = false;
    charts::show(tab.chart, tab.kind, input());
}
