#include "WhatIfPanel.h"

#include "AnalysisSession.h"
#include "commands/ProjectCommands.h"
#include "models/ScenarioModels.h"
#include "core/project/edits.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

WhatIfPanel::WhatIfPanel(AnalysisSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *l = new QVBoxLayout(this);
    auto *buttons = new QHBoxLayout;
    m_set = new QPushButton(tr("Set as &baseline"));
    m_set->setToolTip(tr("Remember the current segments; later changes are compared with them"));
    m_revert = new QPushButton(tr("&Revert to baseline"));
    m_clear = new QPushButton(tr("Clear baseline"));
    buttons->addWidget(m_set);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_clear);
    buttons->addStretch();
    l->addLayout(buttons);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    l->addWidget(m_summary);
    m_hint = new QLabel;
    m_hint->setObjectName(QStringLiteral("whatIfHint"));
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("QLabel { background: #fff4e0; color: #5a3b00; padding: 6px; border-radius: 3px; }"));
    m_hint->hide();
    l->addWidget(m_hint);
    m_fix = new QPushButton;
    m_fix->setObjectName(QStringLiteral("whatIfFix"));
    m_fix->hide();
    l->addWidget(m_fix, 0, Qt::AlignLeft);
    connect(m_fix, &QPushButton::clicked, this, [this] {
        if (!m_fixScore.isEmpty())
            m_session->undoStack()->push(new SetSegmentByCommand(m_session, m_fixScore));
    });
    m_migration = new QTableView;
    m_migration->setAccessibleName(tr("Migration between segments"));
    m_migration->setModel(new MigrationModel(session, m_migration));
    m_migration->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_migration->horizontalHeader()->setMinimumSectionSize(30);
    m_migration->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *migrationTitle = new QLabel(tr("<b>Migration</b>: customers by baseline segment (rows) and current segment (columns)"));
    migrationTitle->setWordWrap(true);
    l->addWidget(migrationTitle);
    l->addWidget(m_migration, 1);
    m_shift = new QTableView;
    m_shift->setAccessibleName(tr("Value shift per segment"));
    m_shift->setModel(new ShiftModel(session, m_shift));
    m_shift->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_shift->horizontalHeader()->setSectionResizeMode(ShiftModel::Segment, QHeaderView::Stretch);
    m_shift->horizontalHeader()->setMinimumSectionSize(36);
    m_shift->verticalHeader()->hide();
    // the totals before and now are in the value shift's tooltip: the panel is narrow
    m_shift->setColumnHidden(ShiftModel::BaselineValue, true);
    m_shift->setColumnHidden(ShiftModel::CurrentValue, true);
    l->addWidget(new QLabel(tr("<b>Value shift</b> per segment")));
    l->addWidget(m_shift, 1);

    connect(m_set, &QPushButton::clicked, session, &AnalysisSession::setBaseline);
    connect(m_clear, &QPushButton::clicked, session, &AnalysisSession::clearBaseline);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        if (auto p = m_session->baselineProject())
            m_session->undoStack()->push(new RevertToBaselineCommand(m_session, *p));
    });
    connect(session, &AnalysisSession::baselineChanged, this, &WhatIfPanel::refresh);
    connect(session, &AnalysisSession::resultsChanged, this, &WhatIfPanel::refresh);
    refresh();
}

void WhatIfPanel::refresh()
{
    const bool has = bool(m_session->baseline());
    m_set->setEnabled(bool(m_session->results()));
    m_revert->setEnabled(has);
    m_clear->setEnabled(has);
    if (!has) {
        m_summary->setText(tr("No baseline. Press “Set as baseline”, then change weights or parameters to see "
                              "which customers move between segments."));
        return;
    }
    const auto &c = m_session->comparison();
    const auto r = m_session->results();
    if (c && r)
        m_summary->setText(tr("%1 of %2 customers are in another segment than in the baseline.")
                               .arg(QLocale().toString(qulonglong(c->changed)), QLocale().toString(qulonglong(r->rowCount()))));
    // nobody moved, and the reason is plain: say it and offer the fix
    m_fixScore.clear();
    if (c && c->changed == 0 && m_session->baselineProject())
        if (auto why = vs::whyNobodyMoves(*m_session->baselineProject(), m_session->project())) {
            m_fixScore = QString::fromStdString(why->changedScore);
            const QString by = why->segmentsBy == "value" ? tr("value") : QString::fromStdString(why->segmentsBy);
            m_hint->setText(tr("Segments are made by %1; the weights you changed belong to the score “%2”, which does "
                               "not decide them, so nobody can move.").arg(by, m_fixScore));
            m_fix->setText(tr("Segment by %1").arg(m_fixScore));
        }
    m_hint->setVisible(!m_fixScore.isEmpty());
    m_fix->setVisible(!m_fixScore.isEmpty());
}
