#include "ProjectCommands.h"

#include "ui/AnalysisSession.h"

#include <QObject>

ProjectCommand::ProjectCommand(AnalysisSession *session, const QString &text, int id, QString mergeKey)
    : QUndoCommand(text), m_session(session), m_before(session->project()), m_after(session->project()), m_id(id),
      m_mergeKey(std::move(mergeKey))
{
}

void ProjectCommand::undo()
{
    m_session->applyProject(m_before);
}

void ProjectCommand::redo()
{
    m_session->applyProject(m_after);
}

bool ProjectCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ProjectCommand *>(other);
    if (o->m_mergeKey != m_mergeKey)
        return false;
    m_after = o->m_after;
    return true;
}

namespace {
QString key(int a, int b = -1) { return QStringLiteral("%1/%2").arg(a).arg(b); }

// Strategies follow the labels they belong to; new labels get none.
void relabel(vs::SegmentSpec &seg, const std::vector<std::string> &labels)
{
    std::vector<std::pair<std::string, std::string>> kept;
    for (size_t i = 0; i < labels.size(); ++i) {
        std::string strategy = seg.strategyFor(labels[i]);
        if (strategy.empty() && i < seg.labels.size())
            strategy = seg.strategyFor(seg.labels[i]); // renamed in place: keep its strategy
        kept.emplace_back(labels[i], strategy);
    }
    seg.labels = labels;
    seg.strategies = kept;
}
} // namespace

SetWeightCommand::SetWeightCommand(AnalysisSession *s, int score, int item, double weight)
    : ProjectCommand(s, QObject::tr("Change weight"), WeightId, key(score, item))
{
    after().scores[size_t(score)].items[size_t(item)].weight = weight;
}

SetIndicatorColumnCommand::SetIndicatorColumnCommand(AnalysisSession *s, int score, int item, const QString &column)
    : ProjectCommand(s, QObject::tr("Change indicator"))
{
    after().scores[size_t(score)].items[size_t(item)].column = column.toStdString();
}

AddIndicatorCommand::AddIndicatorCommand(AnalysisSession *s, int score, const QString &column, double weight)
    : ProjectCommand(s, QObject::tr("Add indicator"))
{
    after().scores[size_t(score)].items.push_back({column.toStdString(), weight});
}

RemoveIndicatorCommand::RemoveIndicatorCommand(AnalysisSession *s, int score, int item)
    : ProjectCommand(s, QObject::tr("Remove indicator"))
{
    auto &items = after().scores[size_t(score)].items;
    items.erase(items.begin() + item);
}

SetNormalizationCommand::SetNormalizationCommand(AnalysisSession *s, int score, vs::Normalize normalize, bool minMax)
    : ProjectCommand(s, QObject::tr("Change normalisation"))
{
    after().scores[size_t(score)].normalize = normalize;
    after().scores[size_t(score)].minMaxScale = minMax;
}

AddScoreCommand::AddScoreCommand(AnalysisSession *s, const vs::ScoreSpec &score)
    : ProjectCommand(s, QObject::tr("Add score"))
{
    after().scores.push_back(score);
}

RemoveScoreCommand::RemoveScoreCommand(AnalysisSession *s, int score)
    : ProjectCommand(s, QObject::tr("Remove score"))
{
    vs::Project &p = after();
    const std::string name = p.scores[size_t(score)].name;
    p.scores.erase(p.scores.begin() + score);
    if (p.segments.by == name)
        p.segments.by = "value";
    if (p.value.model == "weighted_score" && p.value.score == name)
        p.value.model = "profit";
}

RenameScoreCommand::RenameScoreCommand(AnalysisSession *s, int score, const QString &name)
    : ProjectCommand(s, QObject::tr("Rename score"), ScoreNameId, key(score))
{
    vs::Project &p = after();
    const std::string old = p.scores[size_t(score)].name;
    p.scores[size_t(score)].name = name.toStdString();
    if (p.segments.by == old)
        p.segments.by = name.toStdString();
    if (p.value.score == old)
        p.value.score = name.toStdString();
}

SetValueModelCommand::SetValueModelCommand(AnalysisSession *s, const QString &model, const QString &score)
    : ProjectCommand(s, QObject::tr("Change value model"))
{
    after().value.model = model.toStdString();
    if (!score.isEmpty())
        after().value.score = score.toStdString();
}

SetValueParameterCommand::SetValueParameterCommand(AnalysisSession *s, Parameter which, const QString &value)
    : ProjectCommand(s, QObject::tr("Change model parameter"), ValueParameterId, key(which))
{
    vs::ValueSpec &v = after().value;
    switch (which) {
    case Rate: v.rate = value.toDouble(); break;
    case CvbReference: v.cvbReference = value.toStdString(); break;
    case ObservationEnd: v.observationEnd = value.toStdString(); break;
    case TimeUnit: v.timeUnit = value.toStdString(); break;
    case HorizonMonths: v.horizonMonths = value.toDouble(); break;
    case MonthlyDiscount: v.monthlyDiscount = value.toDouble(); break;
    case Penalizer: v.penalizer = value.toDouble(); break;
    case RfmScoring: v.rfmScoring = value.toStdString(); break;
    }
}

namespace {
void useRfmRules(vs::SegmentSpec &seg, const std::vector<vs::RfmRule> &rules)
{
    std::vector<std::string> labels;
    for (const vs::RfmRule &r : rules)
        labels.push_back(r.name);
    labels.push_back(vs::kRfmOthers);
    std::vector<std::pair<std::string, std::string>> strategies;
    for (const std::string &l : labels) {
        std::string st = seg.strategyFor(l);
        strategies.emplace_back(l, st.empty() ? vs::defaultRfmStrategy(l) : st);
    }
    seg.rules = rules;
    seg.labels = labels;
    seg.strategies = strategies;
}
} // namespace

SetRfmRulesCommand::SetRfmRulesCommand(AnalysisSession *s, const std::vector<vs::RfmRule> &rules, const QString &text,
                                       int cell)
    : ProjectCommand(s, text, cell >= 0 ? RfmRuleId : -1, QString::number(cell))
{
    useRfmRules(after().segments, rules);
}

SetSegmentByCommand::SetSegmentByCommand(AnalysisSession *s, const QString &by)
    : ProjectCommand(s, QObject::tr("Segment by %1").arg(by))
{
    after().segments.by = by.toStdString();
}

SetSegmentMethodCommand::SetSegmentMethodCommand(AnalysisSession *s, const QString &method)
    : ProjectCommand(s, QObject::tr("Change segmentation method"))
{
    vs::SegmentSpec &seg = after().segments;
    const bool wasRules = seg.method == "rfm_rules";
    seg.method = method.toStdString();
    if (seg.method == "rfm_rules") {
        seg.by = "rfm";
        useRfmRules(seg, seg.rules.empty() ? vs::defaultRfmRules() : seg.rules);
        return;
    }
    if (wasRules) { // back to value segments: the usual names and strategies
        seg.by = "value";
        seg.labels = vs::defaultLabels(seg.bins);
        seg.strategies = vs::SegmentSpec{}.strategies;
    }
    if (seg.method == "thresholds" && seg.edges.size() + 1 != seg.labels.size() &&
        seg.edges.size() != seg.labels.size() + 1) {
        // start from the current quantile edges, so that nothing moves until the user edits them
        const auto results = s->results();
        seg.edges.clear();
        if (results && results->edges.size() == seg.labels.size() + 1)
            seg.edges.assign(results->edges.begin() + 1, results->edges.end() - 1);
        else
            for (size_t i = 1; i < seg.labels.size(); ++i)
                seg.edges.push_back(double(i) * 100.0);
    }
}

SetBinsCommand::SetBinsCommand(AnalysisSession *s, int bins)
    : ProjectCommand(s, QObject::tr("Change number of segments"), BinsId, key(0))
{
    vs::SegmentSpec &seg = after().segments;
    seg.bins = bins;
    std::vector<std::string> labels = seg.labels;
    if (bins == 4 && labels.size() != 4) {
        labels = vs::defaultLabels(4);
    } else {
        if (labels.size() > size_t(bins))
            labels.resize(size_t(bins));
        while (labels.size() < size_t(bins))
            labels.push_back("Q" + std::to_string(labels.size() + 1));
    }
    relabel(seg, labels);
}

SetLabelsCommand::SetLabelsCommand(AnalysisSession *s, const QStringList &labels)
    : ProjectCommand(s, QObject::tr("Rename segments"), LabelsId, key(0))
{
    std::vector<std::string> l;
    for (const QString &x : labels)
        l.push_back(x.trimmed().toStdString());
    vs::SegmentSpec &seg = after().segments;
    relabel(seg, l);
    if (seg.method == "quantile")
        seg.bins = int(l.size());
}

SetEdgesCommand::SetEdgesCommand(AnalysisSession *s, const std::vector<double> &edges)
    : ProjectCommand(s, QObject::tr("Change segment thresholds"), EdgesId, key(0))
{
    after().segments.edges = edges;
}

SetStrategyCommand::SetStrategyCommand(AnalysisSession *s, const QString &label, const QString &strategy)
    : ProjectCommand(s, QObject::tr("Change strategy of %1").arg(label), StrategyId, label)
{
    auto &st = after().segments.strategies;
    const std::string l = label.toStdString();
    for (auto &[lab, str] : st)
        if (lab == l) {
            str = strategy.toStdString();
            return;
        }
    st.emplace_back(l, strategy.toStdString());
}

RevertToBaselineCommand::RevertToBaselineCommand(AnalysisSession *s, const vs::Project &baseline)
    : ProjectCommand(s, QObject::tr("Revert to baseline"))
{
    vs::Project p = baseline;
    p.source = s->project().source; // the data stay as they are
    after() = p;
}
