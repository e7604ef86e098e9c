#include "ParametersPanel.h"

#include "AnalysisSession.h"
#include "commands/ProjectCommands.h"
#include "models/RfmRulesModel.h"
#include "models/WeightTableModel.h"

#include <QCheckBox>
#include <QComboBox>
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

struct ModelInfo {
    const char *key;
    const char *name; // translated below
};
const ModelInfo kModels[] = {
    {"profit", QT_TRANSLATE_NOOP("ParametersPanel", "Profit: revenue − cost")},
    {"profit_per_lifetime", QT_TRANSLATE_NOOP("ParametersPanel", "Profit per lifetime: (revenue − cost) ÷ lifetime")},
    {"frequency_x_spend", QT_TRANSLATE_NOOP("ParametersPanel", "Purchases × average spend")},
    {"discounted_clv", QT_TRANSLATE_NOOP("ParametersPanel", "Discounted CLV: Σ (revenue − cost) ÷ (1+r)^t")},
    {"discounted_revenue", QT_TRANSLATE_NOOP("ParametersPanel", "Value score CVS: Σ revenue ÷ (1+r)^t")},
    {"weighted_score", QT_TRANSLATE_NOOP("ParametersPanel", "A weighted score")},
};
const ModelInfo kOrderModels[] = {
    {"rfm", QT_TRANSLATE_NOOP("ParametersPanel", "RFM: recency, frequency, monetary (value = spend)")},
    {"predictive_clv", QT_TRANSLATE_NOOP("ParametersPanel", "Predictive CLV: BG/NBD + Gamma-Gamma")},
};

} // namespace

QString ParametersPanel::modelName(const QString &key)
{
    for (const ModelInfo &m : kModels)
        if (key == QLatin1String(m.key))
            return tr(m.name);
    for (const ModelInfo &m : kOrderModels)
        if (key == QLatin1String(m.key))
            return tr(m.name);
    return key;
}

ParametersPanel::ParametersPanel(AnalysisSession *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *layout = new QVBoxLayout(this);

    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; padding: 6px; border-radius: 3px; }"));
    m_error->hide();
    layout->addWidget(m_error);

    // Value
    auto *valueBox = new QGroupBox(tr("Customer value"));
    auto *vf = new QFormLayout(valueBox);
    m_model = new QComboBox;
    for (const ModelInfo &m : kModels)
        m_model->addItem(tr(m.name), QString::fromLatin1(m.key));
    m_model->setToolTip(tr("How each customer's value is computed"));
    for (QComboBox *c : {m_model})
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    vf->addRow(tr("&Model:"), m_model);
    m_rate = new QDoubleSpinBox;
    m_rate->setRange(-0.99, 10);
    m_rate->setDecimals(3);
    m_rate->setSingleStep(0.01);
    m_rateLabel = new QLabel(tr("Discount &rate r:"));
    m_rateLabel->setBuddy(m_rate);
    vf->addRow(m_rateLabel, m_rate);
    m_valueScore = new QComboBox;
    m_scoreLabel = new QLabel(tr("&Score:"));
    m_scoreLabel->setBuddy(m_valueScore);
    vf->addRow(m_scoreLabel, m_valueScore);
    m_cvbRef = new QLineEdit;
    m_cvbRef->setPlaceholderText(tr("mean, or a customer id"));
    m_cvbLabel = new QLabel(tr("CVB &reference:"));
    m_cvbLabel->setBuddy(m_cvbRef);
    vf->addRow(m_cvbLabel, m_cvbRef);
    layout->addWidget(valueBox);

    // Order lines: the observation period, the CLV horizon and the RFM scoring
    auto *ordersBox = new QGroupBox(tr("Orders"));
    m_ordersBox = ordersBox;
    auto *of = new QFormLayout(ordersBox);
    m_observationEnd = new QLineEdit;
    m_observationEnd->setObjectName(QStringLiteral("observationEnd"));
    m_observationEnd->setPlaceholderText(tr("the last order's date"));
    m_observationEnd->setToolTip(tr("yyyy-mm-dd. Orders after it are the holdout period that checks the predictions."));
    of->addRow(tr("Observation &end:"), m_observationEnd);
    m_timeUnit = new QComboBox;
    m_timeUnit->addItem(tr("days"), QStringLiteral("days"));
    m_timeUnit->addItem(tr("weeks"), QStringLiteral("weeks"));
    m_timeUnit->addItem(tr("months"), QStringLiteral("months"));
    of->addRow(tr("Time &unit:"), m_timeUnit);
    m_horizon = new QSpinBox;
    m_horizon->setRange(1, 600);
    m_horizon->setSuffix(tr(" months"));
    of->addRow(tr("CLV &horizon:"), m_horizon);
    m_monthlyDiscount = new QDoubleSpinBox;
    m_monthlyDiscount->setRange(0, 0.5);
    m_monthlyDiscount->setDecimals(4);
    m_monthlyDiscount->setSingleStep(0.005);
    of->addRow(tr("Monthly &discount:"), m_monthlyDiscount);
    m_penalizer = new QDoubleSpinBox;
    m_penalizer->setRange(0, 10);
    m_penalizer->setDecimals(4);
    m_penalizer->setSingleStep(0.001);
    m_penalizer->setToolTip(tr("L2 penalty on the fitted parameters; 0 = plain maximum likelihood"));
    of->addRow(tr("Fit &penalty:"), m_penalizer);
    m_rfmScoring = new QComboBox;
    m_rfmScoring->setObjectName(QStringLiteral("rfmScoring"));
    m_rfmScoring->addItem(tr("Quintiles of the values"), QStringLiteral("quantile"));
    m_rfmScoring->addItem(tr("Quintiles of the ranks (ties spread over 1–5)"), QStringLiteral("rank"));
    m_rfmScoring->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    of->addRow(tr("RFM &scores:"), m_rfmScoring);
    m_rfmInfo = new QLabel;
    m_rfmInfo->setObjectName(QStringLiteral("rfmThresholds"));
    m_rfmInfo->setWordWrap(true);
    m_rfmInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    of->addRow(m_rfmInfo);
    layout->addWidget(ordersBox);

    // Segments
    auto *segBox = new QGroupBox(tr("Segments"));
    auto *sf = new QFormLayout(segBox);
    m_by = new QComboBox;
    m_byLabel = new QLabel(tr("Segment &by:"));
    m_byLabel->setBuddy(m_by);
    sf->addRow(m_byLabel, m_by);
    m_method = new QComboBox;
    m_method->addItem(tr("Quantiles (equal numbers of customers)"), QStringLiteral("quantile"));
    m_method->addItem(tr("Thresholds (value ranges)"), QStringLiteral("thresholds"));
    m_method->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_by->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    sf->addRow(tr("&Method:"), m_method);
    m_bins = new QSpinBox;
    m_bins->setRange(1, 20);
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
    auto *scoreButtons = new QHBoxLayout;
    auto *addScore = new QPushButton(tr("Add score…"));
    auto *removeScore = new QPushButton(tr("Remove score"));
    scoreButtons->addWidget(addScore);
    scoreButtons->addWidget(removeScore);
    scoreButtons->addStretch();
    scoreLayout->addLayout(scoreButtons);
    layout->addWidget(scoreBox, 1);
    m_scoreBox = scoreBox;

    auto valueParameter = [this](SetValueParameterCommand::Parameter which, const QString &v) {
        if (!m_updating)
            push(new SetValueParameterCommand(m_session, which, v));
    };
    connect(m_observationEnd, &QLineEdit::editingFinished, this, [this, valueParameter] {
        const QString text = m_observationEnd->text().trimmed();
        if (text.toStdString() == m_session->project().value.observationEnd)
            return;
        if (!text.isEmpty() && !QDate::fromString(text, Qt::ISODate).isValid()) {
            m_error->setText(tr("'%1' is not a date; write it as yyyy-mm-dd, or leave it empty for the last order's date.").arg(text));
            m_error->show();
            return;
        }
        valueParameter(SetValueParameterCommand::ObservationEnd, text);
    });
    connect(m_timeUnit, &QComboBox::currentIndexChanged, this, [this, valueParameter] {
        valueParameter(SetValueParameterCommand::TimeUnit, m_timeUnit->currentData().toString());
    });
    connect(m_horizon, &QSpinBox::valueChanged, this, [valueParameter](int v) {
        valueParameter(SetValueParameterCommand::HorizonMonths, QString::number(v));
    });
    connect(m_monthlyDiscount, &QDoubleSpinBox::valueChanged, this, [valueParameter](double v) {
        valueParameter(SetValueParameterCommand::MonthlyDiscount, QString::number(v, 'g', 17));
    });
    connect(m_penalizer, &QDoubleSpinBox::valueChanged, this, [valueParameter](double v) {
        valueParameter(SetValueParameterCommand::Penalizer, QString::number(v, 'g', 17));
    });
    connect(m_rfmScoring, &QComboBox::currentIndexChanged, this, [this, valueParameter] {
        valueParameter(SetValueParameterCommand::RfmScoring, m_rfmScoring->currentData().toString());
    });
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
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (!m_updating)
            push(new SetValueParameterCommand(m_session, SetValueParameterCommand::Rate, QString::number(v, 'g', 17)));
    });
    connect(m_valueScore, &QComboBox::currentTextChanged, this, [this](const QString &s) {
        if (!m_updating && !s.isEmpty())
            push(new SetValueModelCommand(m_session, QStringLiteral("weighted_score"), s));
    });
    connect(m_cvbRef, &QLineEdit::editingFinished, this, [this] {
        const QString v = m_cvbRef->text().trimmed().isEmpty() ? QStringLiteral("mean") : m_cvbRef->text().trimmed();
        if (!m_updating && v.toStdString() != m_session->project().value.cvbReference)
            push(new SetValueParameterCommand(m_session, SetValueParameterCommand::CvbReference, v));
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
            push(new SetBinsCommand(m_session, v));
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
    QStringList lines;
    for (size_t k = 0; k < 3; ++k) {
        const auto &edges = results->rfm->edges[k];
        const auto &scores = results->rfm->binScores[k];
        QStringList parts;
        for (size_t b = 0; b < scores.size() && b + 1 < edges.size(); ++b)
            parts << tr("%1: %2–%3").arg(scores[b]).arg(QLocale().toString(edges[b], 'g', 6), QLocale().toString(edges[b + 1], 'g', 6));
        lines << QStringLiteral("<b>%1</b> %2").arg(names[k], parts.join(QStringLiteral(" · ")));
    }
    m_rfmInfo->setText(lines.join(QStringLiteral("<br>")));
}

void ParametersPanel::push(QUndoCommand *command)
{
    m_error->hide();
    m_session->undoStack()->push(command);
}

QTableView *ParametersPanel::weightView(int score) const
{
    QWidget *tab = m_scores->widget(score);
    return tab ? tab->findChild<QTableView *>() : nullptr;
}

void ParametersPanel::syncFromProject()
{
    m_updating = true;
    const vs::Project &p = m_session->project();
    const QString model = QString::fromStdString(p.value.model);
    const bool orders = p.source.layout == vs::Layout::Transactions;
    const int wantModels = orders ? int(std::size(kOrderModels)) : int(std::size(kModels));
    if (m_model->count() != wantModels || (orders != (m_model->findData(QStringLiteral("rfm")) >= 0))) {
        m_model->clear();
        if (orders)
            for (const ModelInfo &m : kOrderModels)
                m_model->addItem(tr(m.name), QString::fromLatin1(m.key));
        else
            for (const ModelInfo &m : kModels)
                m_model->addItem(tr(m.name), QString::fromLatin1(m.key));
    }
    m_model->setCurrentIndex(std::max(0, m_model->findData(model)));
    m_ordersBox->setVisible(orders);
    m_scoreBox->setVisible(!orders);
    m_observationEnd->setText(QString::fromStdString(p.value.observationEnd));
    m_timeUnit->setCurrentIndex(std::max(0, m_timeUnit->findData(QString::fromStdString(p.value.timeUnit))));
    m_horizon->setValue(int(p.value.horizonMonths));
    m_monthlyDiscount->setValue(p.value.monthlyDiscount);
    m_penalizer->setValue(p.value.penalizer);
    m_rfmScoring->setCurrentIndex(std::max(0, m_rfmScoring->findData(QString::fromStdString(p.value.rfmScoring))));
    const bool predictive = model == QLatin1String("predictive_clv");
    for (QWidget *w : {static_cast<QWidget *>(m_horizon), static_cast<QWidget *>(m_monthlyDiscount),
                       static_cast<QWidget *>(m_penalizer)}) {
        w->setVisible(predictive);
        if (auto *form = qobject_cast<QFormLayout *>(m_ordersBox->layout()))
            if (QWidget *label = form->labelForField(w))
                label->setVisible(predictive);
    }
    m_rate->setValue(p.value.rate);
    const bool discounted = model == QLatin1String("discounted_clv") || model == QLatin1String("discounted_revenue");
    m_rate->setVisible(discounted);
    m_rateLabel->setVisible(discounted);
    m_cvbRef->setText(QString::fromStdString(p.value.cvbReference));
    m_cvbRef->setVisible(model == QLatin1String("discounted_revenue"));
    m_cvbLabel->setVisible(model == QLatin1String("discounted_revenue"));
    m_valueScore->clear();
    for (const vs::ScoreSpec &s : p.scores)
        m_valueScore->addItem(QString::fromStdString(s.name));
    m_valueScore->setCurrentText(QString::fromStdString(p.value.score));
    m_valueScore->setVisible(model == QLatin1String("weighted_score"));
    m_scoreLabel->setVisible(model == QLatin1String("weighted_score"));

    m_by->clear();
    m_by->addItem(tr("Value"), QStringLiteral("value"));
    for (const vs::ScoreSpec &s : p.scores)
        m_by->addItem(QString::fromStdString(s.name), QString::fromStdString(s.name));
    m_by->setCurrentIndex(std::max(0, m_by->findData(QString::fromStdString(p.segments.by))));
    const int rulesItem = m_method->findData(QStringLiteral("rfm_rules"));
    if (orders && rulesItem < 0)
        m_method->addItem(tr("RFM rules (named segments)"), QStringLiteral("rfm_rules"));
    else if (!orders && rulesItem >= 0)
        m_method->removeItem(rulesItem);
    m_method->setCurrentIndex(std::max(0, m_method->findData(QString::fromStdString(p.segments.method))));
    const bool rules = p.segments.method == "rfm_rules";
    m_rulesBox->setVisible(rules);
    for (QWidget *w : {static_cast<QWidget *>(m_by), static_cast<QWidget *>(m_byLabel),
                       static_cast<QWidget *>(m_labels), static_cast<QWidget *>(m_labelsLabel)})
        w->setVisible(!rules);
    const bool quantile = p.segments.method == "quantile";
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
    m_edges->setVisible(p.segments.method == "thresholds");
    m_edgesLabel->setVisible(p.segments.method == "thresholds");

    if (int(p.scores.size()) != m_scoreTabsFor)
        rebuildScoreTabs();
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
    norm->addItem(tr("Divide by the number of indicators (seed formula)"));
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
