#include "ParametersPanel.h"

#include "AnalysisSession.h"
#include "OverTimeBox.h"
#include "commands/ProjectCommands.h"
#include "models/RfmRulesModel.h"
#include "models/WeightTableModel.h"
#include "core/domain/models.h"
#include "core/domain/segment_methods.h"
#include "NumberFormat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDate>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <cmath>

namespace {

// The indicator column is chosen from the numeric columns of the data.
class ColumnDelegate : public QStyledItemDelegate {
public:
    ColumnDelegate(AnalysisSession *s, QObject *parent) : QStyledItemDelegate(parent), m_session(s) {}
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const override
    {
        if (index.column() != WeightTableModel::Indicator) {
            auto *spin = new QDoubleSpinBox(parent);
            spin->setRange(-1e6, 1e6);
            spin->setDecimals(4);
            spin->setSingleStep(0.05);
            return spin;
        }
        auto *combo = new QComboBox(parent);
        combo->addItems(m_session->numericColumns());
        return combo;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentText(index.data(Qt::EditRole).toString());
        else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor))
            spin->setValue(index.data(Qt::EditRole).toDouble());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        if (auto *combo = qobject_cast<QComboBox *>(editor))
            model->setData(index, combo->currentText());
        else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor))
            model->setData(index, spin->value());
    }

private:
    AnalysisSession *m_session;
};

QString translated(const char *context, const char *english)
{
    return english && *english ? QCoreApplication::translate(context, english) : QString();
}

// The parameters used by order-line models only go into the Orders box.
bool orderLinesOnly(const vs::ParameterInfo &param)
{
    for (const vs::ValueModelInfo &m : vs::valueModels())
        if (m.layout != vs::Layout::Transactions && vs::modelHasParameter(m, param.key))
            return false;
    return true;
}

} // namespace

QString ParametersPanel::modelName(const QString &key)
{
    const vs::ValueModelInfo *m = vs::findValueModel(key.toStdString());
    return m ? translated("models", m->label) : key;
}

ParametersPanel::ParametersPanel(AnalysisSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);

    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; padding: 6px; border-radius: 3px; }"));
    m_error->hide();
    layout->addWidget(m_error);
    m_notice = new QLabel;
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("QLabel { background: #e8f1fb; color: #1f3a5f; padding: 6px; border-radius: 3px; }"));
    m_notice->hide();
    layout->addWidget(m_notice);

    // Value
    auto *valueBox = new QGroupBox(tr("Customer value"));
    auto *vf = new QFormLayout(valueBox);
    m_model = new QComboBox;
    m_model->setToolTip(tr("How each customer's value is computed"));
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    vf->addRow(tr("&Model:"), m_model);
    layout->addWidget(valueBox);

    // Order lines: the observation period, the CLV horizon and the RFM scoring
    auto *ordersBox = new QGroupBox(tr("Orders"));
    m_ordersBox = ordersBox;
    auto *of = new QFormLayout(ordersBox);
    // one editor per value parameter (core/domain/models.h), shown when the model has it
    for (const vs::ParameterInfo &param : vs::valueParameters())
        addParameterEditor(param, orderLinesOnly(param) ? of : vf);
    m_rfmInfo = new QLabel;
    m_rfmInfo->setObjectName(QStringLiteral("rfmThresholds"));
    m_rfmInfo->setWordWrap(true);
    m_rfmInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    of->addRow(m_rfmInfo);
    layout->addWidget(ordersBox);
    layout->addWidget(new OverTimeBox(session)); // shows itself for order lines only

    // Segments
    auto *segBox = new QGroupBox(tr("Segments"));
    auto *sf = new QFormLayout(segBox);
    m_by = new QComboBox;
    m_byLabel = new QLabel(tr("Segment &by:"));
    m_byLabel->setBuddy(m_by);
    sf->addRow(m_byLabel, m_by);
    m_method = new QComboBox;
    m_method->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_by->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    sf->addRow(tr("&Method:"), m_method);
    m_bins = new QSpinBox;
    m_bins->setRange(vs::kMinSegments, vs::kMaxSegments);
    m_binsLabel = new QLabel(tr("Number of se&gments:"));
    m_binsLabel->setBuddy(m_bins);
    sf->addRow(m_binsLabel, m_bins);
    m_labels = new QLineEdit;
    m_labels->setToolTip(tr("Segment names from lowest to highest, separated by commas"));
    m_labelsLabel = new QLabel(tr("&Names:"));
    m_labelsLabel->setBuddy(m_labels);
    sf->addRow(m_labelsLabel, m_labels);
    m_edges = new QLineEdit;
    m_edges->setToolTip(tr("The values between segments, lowest first, separated by spaces or semicolons"));
    m_edgesLabel = new QLabel(tr("&Thresholds:"));
    m_edgesLabel->setBuddy(m_edges);
    sf->addRow(m_edgesLabel, m_edges);
    layout->addWidget(segBox);

    // RFM rules: first match wins
    auto *rulesBox = new QGroupBox(tr("RFM segment rules (first match wins; others: \"Others\")"));
    m_rulesBox = rulesBox;
    auto *rl = new QVBoxLayout(rulesBox);
    m_rules = new RfmRulesModel(m_session, this);
    m_rulesView = new QTableView;
    m_rulesView->setAccessibleName(tr("RFM segment rules"));
    m_rulesView->setObjectName(QStringLiteral("rfmRules"));
    m_rulesView->setModel(m_rules);
    m_rulesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_rulesView->horizontalHeader()->setStretchLastSection(true);
    m_rulesView->verticalHeader()->setDefaultSectionSize(m_rulesView->fontMetrics().height() + 6);
    m_rulesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    rl->addWidget(m_rulesView);
    auto *ruleButtons = new QHBoxLayout;
    auto *addRule = new QPushButton(tr("Add rule"));
    auto *removeRule = new QPushButton(tr("Remove rule"));
    auto *upRule = new QPushButton(tr("Up"));
    auto *downRule = new QPushButton(tr("Down"));
    for (QPushButton *b : {addRule, removeRule, upRule, downRule})
        ruleButtons->addWidget(b);
    ruleButtons->addStretch();
    rl->addLayout(ruleButtons);
    layout->addWidget(rulesBox, 1);
    auto selectedRule = [this] {
        const QModelIndex i = m_rulesView->currentIndex();
        return i.isValid() ? i.row() : -1;
    };
    connect(addRule, &QPushButton::clicked, this, [this] { m_rules->addRule(); });
    connect(removeRule, &QPushButton::clicked, this, [this, selectedRule] { m_rules->removeRule(selectedRule()); });
    connect(upRule, &QPushButton::clicked, this, [this, selectedRule] {
        const int r = selectedRule();
        m_rules->moveRule(r, -1);
        if (r > 0)
            m_rulesView->selectRow(r - 1);
    });
    connect(downRule, &QPushButton::clicked, this, [this, selectedRule] {
        const int r = selectedRule();
        m_rules->moveRule(r, 1);
        if (r >= 0 && r + 1 < m_rules->rowCount())
            m_rulesView->selectRow(r + 1);
    });

    // Scores
    auto *scoreBox = new QGroupBox(tr("Scores (weighted indicators)"));
    auto *scoreLayout = new QVBoxLayout(scoreBox);
    m_scores = new QTabWidget;
    m_scores->setDocumentMode(true);
    scoreLayout->addWidget(m_scores);
    m_noScores = new QLabel(tr("No scores yet. A score adds up indicator columns (satisfaction, loyalty, …) with "
                               "weights; press <b>Add score…</b> to make one, then add its indicators."));
    m_noScores->setObjectName(QStringLiteral("noScores"));
    m_noScores->setWordWrap(true);
    m_noScores->setStyleSheet(QStringLiteral("QLabel { color: #555; padding: 6px; }"));
    scoreLayout->addWidget(m_noScores);
    auto *scoreButtons = new QHBoxLayout;
    auto *addScore = new QPushButton(tr("Add score…"));
    auto *removeScore = new QPushButton(tr("Remove score"));
    scoreButtons->addWidget(addScore);
    scoreButtons->addWidget(removeScore);
    scoreButtons->addStretch();
    scoreLayout->addLayout(scoreButtons);
    layout->addWidget(scoreBox, 1);
    m_scoreBox = scoreBox;

    connect(m_session, &AnalysisSession::resultsChanged, this, &ParametersPanel::showRfmThresholds);

    connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        const QString model = m_model->currentData().toString();
        QString score;
        if (model == QLatin1String("weighted_score")) {
            if (m_session->project().scores.empty()) {
                syncFromProject();
                m_error->setText(tr("Add a score first: the weighted-score model uses one as the value."));
                m_error->show();
                return;
            }
            score = QString::fromStdString(m_session->project().scores.front().name);
            if (!m_session->project().value.score.empty())
                score = QString::fromStdString(m_session->project().value.score);
        }
        push(new SetValueModelCommand(m_session, model, score));
    });
    connect(m_by, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            push(new SetSegmentByCommand(m_session, m_by->currentData().toString()));
    });
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updating)
            push(new SetSegmentMethodCommand(m_session, m_method->currentData().toString()));
    });
    connect(m_bins, &QSpinBox::valueChanged, this, [this](int v) {
        if (!m_updating)
        {
            auto *command = new SetBinsCommand(m_session, v);
            const vs::SegmentCountChange change = command->change();
            push(command);
            showSegmentCountChange(v, change);
        }
    });
    connect(m_labels, &QLineEdit::editingFinished, this, [this] {
        if (m_updating)
            return;
        QStringList labels;
        for (const QString &l : m_labels->text().split(QLatin1Char(',')))
            if (!l.trimmed().isEmpty())
                labels << l.trimmed();
        std::vector<std::string> current = m_session->project().segments.labels;
        std::vector<std::string> asked;
        for (const QString &l : labels)
            asked.push_back(l.toStdString());
        if (!labels.isEmpty() && asked != current)
            push(new SetLabelsCommand(m_session, labels));
    });
    connect(m_edges, &QLineEdit::editingFinished, this, [this] {
        if (m_updating)
            return;
        std::vector<double> edges;
        const QStringList parts = m_edges->text().split(QRegularExpression(QStringLiteral("[;\\s]+")), Qt::SkipEmptyParts);
        for (const QString &p : parts) {
            bool ok = false;
            double v = QLocale().toDouble(p, &ok);
            if (!ok)
                v = p.toDouble(&ok);
            if (!ok) {
                m_error->setText(tr("'%1' is not a number; thresholds are numbers separated by spaces or semicolons.").arg(p));
                m_error->show();
                return;
            }
            edges.push_back(v);
        }
        if (edges != m_session->project().segments.edges)
            push(new SetEdgesCommand(m_session, edges));
    });
    connect(addScore, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Add Score"), tr("Name of the new score:"), QLineEdit::Normal,
                                                   tr("score %1").arg(m_session->project().scores.size() + 1), &ok).trimmed();
        if (!ok || name.isEmpty())
            return;
        if (m_session->project().findScore(name.toStdString())) {
            m_error->setText(tr("A score named '%1' exists already.").arg(name));
            m_error->show();
            return;
        }
        const QStringList cols = m_session->numericColumns();
        if (cols.isEmpty())
            return;
        vs::ScoreSpec s;
        s.name = name.toStdString();
        s.items.push_back({cols.front().toStdString(), 1.0});
        push(new AddScoreCommand(m_session, s));
        m_scores->setCurrentIndex(m_scores->count() - 1);
    });
    connect(removeScore, &QPushButton::clicked, this, [this] {
        const int i = m_scores->currentIndex();
        if (i >= 0 && i < int(m_session->project().scores.size()))
            push(new RemoveScoreCommand(m_session, i));
    });
    connect(m_session, &AnalysisSession::projectChanged, this, &ParametersPanel::syncFromProject);
    connect(m_session, &AnalysisSession::computeFailed, this, [this](const QString &msg) {
        m_error->setText(tr("These settings cannot be computed: %1").arg(msg));
        m_error->show();
    });
    connect(m_session, &AnalysisSession::resultsChanged, this, [this] {
        if (m_session->lastError().isEmpty())
            m_error->hide();
    });
    syncFromProject();
}

// The quintile edges the RFM scores were cut at, so that "R = 5" means something to the user.
void ParametersPanel::showRfmThresholds()
{
    const auto results = m_session->results();
    if (!results || !results->rfm) {
        m_rfmInfo->clear();
        return;
    }
    const QString names[3] = {tr("Recency"), tr("Frequency"), tr("Monetary")};
    // as people write them: time and orders with at most one decimal, money with two
    const auto edgeText = [](size_t k, double v) {
        if (k == 2)
            return numbers::money(v);
        const double rounded = std::round(v * 10) / 10;
        return rounded == std::round(rounded) ? numbers::integer(rounded) : QLocale().toString(rounded, 'f', 1);
    };
    QStringList lines;
    for (size_t k = 0; k < 3; ++k) {
        const auto &edges = results->rfm->edges[k];
        const auto &scores = results->rfm->binScores[k];
        QStringList parts;
        for (size_t b = 0; b < scores.size() && b + 1 < edges.size(); ++b)
            parts << tr("%1: %2–%3").arg(scores[b]).arg(edgeText(k, edges[b]), edgeText(k, edges[b + 1]));
        lines << QStringLiteral("<b>%1</b> %2").arg(names[k], parts.join(QStringLiteral(" · ")));
    }
    m_rfmInfo->setText(lines.join(QStringLiteral("<br>")));
}

void ParametersPanel::showSegmentCountChange(int bins, const vs::SegmentCountChange &change)
{
    auto list = [](const std::vector<std::string> &names) {
        QStringList out;
        for (const std::string &n : names)
            out << QString::fromStdString(n);
        return out.join(tr(", "));
    };
    QStringList lines;
    lines << (bins == 1 ? tr("1 segment.") : tr("%1 segments, named from lowest to highest.").arg(bins));
    if (!change.kept.empty())
        lines << tr("Kept with their strategies: %1.").arg(list(change.kept));
    if (!change.added.empty())
        lines << tr("New: %1 (a suggested strategy; double-click it to edit).").arg(list(change.added));
    if (!change.dropped.empty())
        lines << tr("No longer used: %1 (Undo brings them back).").arg(list(change.dropped));
    m_notice->setText(lines.join(QLatin1Char(' ')));
    m_notice->show();
}

void ParametersPanel::push(QUndoCommand *command)
{
    m_error->hide();
    m_notice->hide();
    m_session->undoStack()->push(command);
}

QTableView *ParametersPanel::weightView(int score) const
{
    QWidget *tab = m_scores->widget(score);
    return tab ? tab->findChild<QTableView *>() : nullptr;
}

void ParametersPanel::addParameterEditor(const vs::ParameterInfo &param, QFormLayout *form)
{
    const QString key = QString::fromLatin1(param.key);
    auto *label = new QLabel(translated("parameters", param.label));
    QWidget *editor = nullptr;
    auto setTo = [this, &param](const QString &text) {
        if (m_updating || text.toStdString() == vs::parameterText(m_session->project().value, param))
            return;
        auto *command = new SetValueParameterCommand(m_session, param, text);
        if (command->valid()) {
            push(command);
        } else {
            delete command;
            syncFromProject();
        }
    };
    using vs::ParamKind;
    const double big = 1e9; // a spin box needs finite bounds
    switch (param.kind) {
    case ParamKind::Number:
        if (param.integer) {
            auto *spin = new QSpinBox;
            spin->setRange(int(std::max(param.min, -big)), int(std::min(param.max, big)));
            spin->setSuffix(translated("parameters", param.suffix));
            connect(spin, &QSpinBox::valueChanged, this, [setTo](int v) { setTo(QString::number(v)); });
            editor = spin;
        } else {
            auto *spin = new QDoubleSpinBox;
            const double tick = std::pow(10.0, -param.decimals);
            spin->setDecimals(param.decimals);
            spin->setRange(std::max(param.min, -big) + (param.minExcluded ? tick : 0.0),
                           std::min(param.max, big) - (param.maxExcluded ? tick : 0.0));
            spin->setSingleStep(param.step);
            spin->setSuffix(translated("parameters", param.suffix));
            connect(spin, &QDoubleSpinBox::valueChanged, this, [setTo](double v) { setTo(QString::number(v, 'g', 17)); });
            editor = spin;
        }
        break;
    case ParamKind::Choice: {
        auto *combo = new QComboBox;
        for (size_t i = 0; i < param.choices.size(); ++i)
            combo->addItem(translated("parameters", param.choiceLabels[i]), QString::fromLatin1(param.choices[i]));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        connect(combo, &QComboBox::currentIndexChanged, this, [combo, setTo] { setTo(combo->currentData().toString()); });
        editor = combo;
        break;
    }
    case ParamKind::Score: {
        auto *combo = new QComboBox;
        connect(combo, &QComboBox::currentTextChanged, this, [this](const QString &s) {
            if (!m_updating && !s.isEmpty())
                push(new SetValueModelCommand(m_session, QStringLiteral("weighted_score"), s));
        });
        editor = combo;
        break;
    }
    case ParamKind::Text:
    case ParamKind::Date: {
        auto *edit = new QLineEdit;
        edit->setPlaceholderText(translated("parameters", param.placeholder));
        const bool date = param.kind == ParamKind::Date;
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, date, &param, setTo] {
            QString text = edit->text().trimmed();
            if (text.isEmpty()) // empty: the default (the last order's date, the mean, …)
                text = QString::fromStdString(vs::parameterText(vs::ValueSpec{}, param));
            if (date && !text.isEmpty() && !QDate::fromString(text, Qt::ISODate).isValid()) {
                m_error->setText(tr("'%1' is not a date; write it as yyyy-mm-dd, or leave it empty for the last order's date.").arg(text));
                m_error->show();
                return;
            }
            setTo(text);
        });
        editor = edit;
        break;
    }
    }
    editor->setObjectName(key);
    editor->setToolTip(translated("parameters", param.help));
    label->setBuddy(editor);
    form->addRow(label, editor);
    m_parameters[param.key] = {label, editor};
}

void ParametersPanel::syncParameter(const vs::ParameterInfo &param, bool shown)
{
    const auto &[label, editor] = m_parameters.at(param.key);
    label->setVisible(shown);
    editor->setVisible(shown);
    const vs::Project &p = m_session->project();
    const bool matters = !param.matters || param.matters(p.value);
    label->setEnabled(matters);
    editor->setEnabled(matters);
    const QString text = QString::fromStdString(vs::parameterText(p.value, param));
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(int(p.value.*(param.number)));
    else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor))
        dspin->setValue(p.value.*(param.number));
    else if (auto *edit = qobject_cast<QLineEdit *>(editor))
        edit->setText(text);
    else if (auto *combo = qobject_cast<QComboBox *>(editor); combo && param.kind == vs::ParamKind::Score) {
        combo->clear();
        for (const vs::ScoreSpec &sc : p.scores)
            combo->addItem(QString::fromStdString(sc.name));
        combo->setCurrentText(text);
    } else if (combo) {
        combo->setCurrentIndex(std::max(0, combo->findData(text)));
    }
}

QWidget *ParametersPanel::parameterEditor(const char *key) const
{
    auto it = m_parameters.find(key);
    return it == m_parameters.end() ? nullptr : it->second.editor;
}

QComboBox *ParametersPanel::rfmScoringCombo() const
{
    return qobject_cast<QComboBox *>(parameterEditor("rfm_scoring"));
}

void ParametersPanel::syncFromProject()
{
    m_updating = true;
    const vs::Project &p = m_session->project();
    const QString model = QString::fromStdString(p.value.model);
    const bool orders = p.source.layout == vs::Layout::Transactions;
    const vs::Layout modelLayout = orders ? vs::Layout::Transactions : vs::Layout::Customers;
    if (m_modelsFor != int(modelLayout)) {
        m_model->clear();
        for (const vs::ValueModelInfo *m : vs::valueModelsFor(modelLayout))
            m_model->addItem(translated("models", m->label), QString::fromLatin1(m->key));
        m_modelsFor = int(modelLayout);
    }
    m_model->setCurrentIndex(std::max(0, m_model->findData(model)));
    m_ordersBox->setVisible(orders);
    m_scoreBox->setVisible(!orders);
    const vs::ValueModelInfo *info = vs::findValueModel(p.value.model);
    for (const vs::ParameterInfo &param : vs::valueParameters())
        syncParameter(param, info && vs::modelHasParameter(*info, param.key));

    m_by->clear();
    m_by->addItem(tr("Value"), QStringLiteral("value"));
    for (const vs::ScoreSpec &s : p.scores)
        m_by->addItem(QString::fromStdString(s.name), QString::fromStdString(s.name));
    m_by->setCurrentIndex(std::max(0, m_by->findData(QString::fromStdString(p.segments.by))));
    if (m_methodsFor != int(modelLayout)) {
        m_method->clear();
        for (const vs::SegmentMethodInfo &m : vs::segmentMethods())
            if (orders || !m.orderLinesOnly)
                m_method->addItem(translated("segment_methods", m.label), QString::fromLatin1(m.key));
        m_methodsFor = int(modelLayout);
    }
    m_method->setCurrentIndex(std::max(0, m_method->findData(QString::fromStdString(p.segments.method))));
    const bool rules = p.segments.method == "rfm_rules";
    m_rulesBox->setVisible(rules);
    if (rules && !p.segments.labels.empty()) // the rest are called as the project calls them
        static_cast<QGroupBox *>(m_rulesBox)->setTitle(
            tr("RFM segment rules (first match wins; the rest: “%1”)").arg(QString::fromStdString(p.segments.labels.back())));
    for (QWidget *w : {static_cast<QWidget *>(m_by), static_cast<QWidget *>(m_byLabel),
                       static_cast<QWidget *>(m_labels), static_cast<QWidget *>(m_labelsLabel)})
        w->setVisible(!rules);
    const vs::SegmentMethodInfo *method = vs::findSegmentMethod(p.segments.method);
    const bool quantile = method && method->usesBins;
    m_bins->setValue(p.segments.bins);
    m_bins->setVisible(quantile);
    m_binsLabel->setVisible(quantile);
    QStringList labels;
    for (const std::string &l : p.segments.labels)
        labels << QString::fromStdString(l);
    m_labels->setText(labels.join(QStringLiteral(", ")));
    QStringList edges;
    for (double e : p.segments.edges)
        edges << QLocale().toString(e, 'g', 12);
    m_edges->setText(edges.join(QStringLiteral("; ")));
    m_edges->setVisible(method && method->usesEdges);
    m_edgesLabel->setVisible(method && method->usesEdges);

    if (int(p.scores.size()) != m_scoreTabsFor)
        rebuildScoreTabs();
    m_noScores->setVisible(p.scores.empty());
    m_scores->setVisible(!p.scores.empty());
    for (int i = 0; i < m_scores->count() && i < int(p.scores.size()); ++i) {
        m_scores->setTabText(i, QString::fromStdString(p.scores[size_t(i)].name));
        QWidget *tab = m_scores->widget(i);
        if (auto *norm = tab->findChild<QComboBox *>(QStringLiteral("normalize")))
            norm->setCurrentIndex(p.scores[size_t(i)].normalize == vs::Normalize::Count ? 0 : 1);
        if (auto *mm = tab->findChild<QCheckBox *>(QStringLiteral("minmax")))
            mm->setChecked(p.scores[size_t(i)].minMaxScale);
    }
    m_updating = false;
}

void ParametersPanel::rebuildScoreTabs()
{
    const int current = m_scores->currentIndex();
    while (m_scores->count()) {
        QWidget *w = m_scores->widget(0);
        m_scores->removeTab(0);
        w->deleteLater();
    }
    const auto &scores = m_session->project().scores;
    for (int i = 0; i < int(scores.size()); ++i)
        m_scores->addTab(makeScoreTab(i), QString::fromStdString(scores[size_t(i)].name));
    m_scoreTabsFor = int(scores.size());
    if (current >= 0 && current < m_scores->count())
        m_scores->setCurrentIndex(current);
}

QWidget *ParametersPanel::makeScoreTab(int index)
{
    auto *tab = new QWidget;
    auto *l = new QVBoxLayout(tab);
    l->setContentsMargins(0, 4, 0, 0);
    auto *form = new QHBoxLayout;
    auto *norm = new QComboBox;
    norm->setObjectName(QStringLiteral("normalize"));
    norm->addItem(tr("Divide by the number of indicators"));
    norm->addItem(tr("Divide by the sum of the weights"));
    norm->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    norm->setMinimumContentsLength(12);
    auto *minmax = new QCheckBox(tr("Scale indicators to 0–1"));
    minmax->setObjectName(QStringLiteral("minmax"));
    minmax->setToolTip(tr("Min–max scale each indicator first, for indicators on different scales"));
    form->addWidget(norm, 1);
    form->addWidget(minmax);
    l->addLayout(form);
    auto *view = new QTableView;
    view->setAccessibleName(tr("Weights of the score %1").arg(QString::fromStdString(m_session->project().scores[size_t(index)].name)));
    auto *model = new WeightTableModel(m_session, index, view);
    view->setModel(model);
    view->setItemDelegate(new ColumnDelegate(m_session, view));
    view->horizontalHeader()->setSectionResizeMode(WeightTableModel::Indicator, QHeaderView::Stretch);
    view->verticalHeader()->hide();
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                          QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    l->addWidget(view);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add indicator"));
    auto *remove = new QPushButton(tr("Remove indicator"));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    l->addLayout(buttons);

    auto sync = [this, index, norm, minmax] {
        if (!m_updating)
            push(new SetNormalizationCommand(m_session, index, norm->currentIndex() == 0 ? vs::Normalize::Count : vs::Normalize::Weights,
                                             minmax->isChecked()));
    };
    connect(norm, &QComboBox::currentIndexChanged, this, sync);
    connect(minmax, &QCheckBox::toggled, this, sync);
    connect(add, &QPushButton::clicked, this, [this, index] {
        const QStringList cols = m_session->numericColumns();
        const auto &items = m_session->project().scores[size_t(index)].items;
        QString pick = cols.value(0);
        for (const QString &c : cols) {
            bool used = false;
            for (const auto &it : items)
                used |= it.column == c.toStdString();
            if (!used) {
                pick = c;
                break;
            }
        }
        if (!pick.isEmpty())
            push(new AddIndicatorCommand(m_session, index, pick, 1.0));
    });
    connect(remove, &QPushButton::clicked, this, [this, index, view] {
        const int row = view->currentIndex().isValid() ? view->currentIndex().row()
                                                       : int(m_session->project().scores[size_t(index)].items.size()) - 1;
        if (row < 0)
            return;
        if (m_session->project().scores[size_t(index)].items.size() <= 1) {
            m_error->setText(tr("A score needs at least one indicator; remove the score instead."));
            m_error->show();
            return;
        }
        push(new RemoveIndicatorCommand(m_session, index, row));
    });
    return tab;
}
