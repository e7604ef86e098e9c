#include "ProjectCommands.h"

#include "core/analytics/segmentation.h"
#include "core/project/edits.h"
#include "ui/AnalysisSession.h"
#include "ui/Wording.h"

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
    vs::removeScore(after(), size_t(score));
}

RenameScoreCommand::RenameScoreCommand(AnalysisSession *s, int score, const QString &name)
    : ProjectCommand(s, QObject::tr("Rename score"), ScoreNameId, key(score))
{
    vs::renameScore(after(), size_t(score), name.toStdString());
}

SetValueModelCommand::SetValueModelCommand(AnalysisSession *s, const QString &model, const QString &score)
    : ProjectCommand(s, QObject::tr("Change value model"))
{
    vs::setValueModel(after(), model.toStdString(), score.toStdString());
}

SetValueParameterCommand::SetValueParameterCommand(AnalysisSession *s, const vs::ParameterInfo &parameter,
                                                   const QString &value)
    : ProjectCommand(s, QObject::tr("Change model parameter"), ValueParameterId, QString::fromLatin1(parameter.key))
{
    m_valid = vs::setParameter(after().value, parameter, value.toStdString());
}

SetRfmRulesCommand::SetRfmRulesCommand(AnalysisSession *s, const std::vector<vs::RfmRule> &rules, const QString &text,
                                       int cell)
    : ProjectCommand(s, text, cell >= 0 ? RfmRuleId : -1, QString::number(cell))
{
    vs::setRfmRules(after().segments, rules, interfaceWords());
}

SetSegmentByCommand::SetSegmentByCommand(AnalysisSession *s, const QString &by)
    : ProjectCommand(s, QObject::tr("Segment by %1").arg(by))
{
    after().segments.by = by.toStdString();
}

SetSegmentMethodCommand::SetSegmentMethodCommand(AnalysisSession *s, const QString &method)
    : ProjectCommand(s, QObject::tr("Change segmentation method"))
{
    std::vector<double> cuts;
    if (vs::segmentMethodNeedsCutPoints(after(), method.toStdString()) && s->data())
        if (auto c = vs::thresholdStartingPoints(s->data(), after()))
            cuts = std::move(c.value());
    vs::setSegmentMethod(after(), method.toStdString(), cuts, interfaceWords());
}

SetBinsCommand::SetBinsCommand(AnalysisSession *s, int bins)
    : ProjectCommand(s, QObject::tr("Change number of segments"), BinsId, key(0))
{
    m_change = vs::setSegmentCount(after().segments, bins, interfaceWords());
}

SetLabelsCommand::SetLabelsCommand(AnalysisSession *s, const QStringList &labels)
    : ProjectCommand(s, QObject::tr("Rename segments"), LabelsId, key(0))
{
    std::vector<std::string> l;
    for (const QString &x : labels)
        l.push_back(x.trimmed().toStdString());
    vs::setSegmentLabels(after().segments, l);
}

SetEdgesCommand::SetEdgesCommand(AnalysisSession *s, const std::vector<double> &edges)
    : ProjectCommand(s, QObject::tr("Change segment thresholds"), EdgesId, key(0))
{
    after().segments.edges = edges;
}

SetStrategyCommand::SetStrategyCommand(AnalysisSession *s, const QString &label, const QString &strategy)
    : ProjectCommand(s, QObject::tr("Change strategy of %1").arg(label), StrategyId, label)
{
    vs::setStrategy(after().segments, label.toStdString(), strategy.toStdString());
}

SetSnapshotsCommand::SetSnapshotsCommand(AnalysisSession *s, std::optional<vs::SnapshotSpec> snapshots)
    : ProjectCommand(s, snapshots ? QObject::tr("Compare segments on %1 and %2")
                                        .arg(QString::fromStdString(snapshots->from), QString::fromStdString(snapshots->to))
                                  : QObject::tr("Stop comparing two dates"))
{
    vs::setSnapshots(after(), std::move(snapshots));
}

SetCohortsCommand::SetCohortsCommand(AnalysisSession *s, std::optional<vs::CohortSpec> cohorts)
    : ProjectCommand(s, cohorts ? QObject::tr("Change cohorts") : QObject::tr("Hide cohorts"))
{
    vs::setCohorts(after(), std::move(cohorts));
}

RevertToBaselineCommand::RevertToBaselineCommand(AnalysisSession *s, const vs::Project &baseline)
    : ProjectCommand(s, QObject::tr("Revert to baseline"))
{
    vs::Project p = baseline;
    p.source = s->project().source; // the data stay as they are
    after() = p;
}
