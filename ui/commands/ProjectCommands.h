#pragma once
// Every edit of the analysis is one of these: it keeps the project before and after, and the
// session recomputes on redo and undo. Repeated edits of the same cell merge into one step.
#include "core/domain/models.h"
#include "core/project/edits.h"
#include "core/project/project.h"

#include <QString>
#include <QUndoCommand>

class AnalysisSession;

class ProjectCommand : public QUndoCommand {
public:
    enum Id { WeightId = 1, StrategyId, ValueParameterId, BinsId, LabelsId, EdgesId, ScoreNameId, RfmRuleId };
    void undo() override;
    void redo() override;
    int id() const override { return m_id; }
    bool mergeWith(const QUndoCommand *other) override;

protected:
    ProjectCommand(AnalysisSession *session, const QString &text, int id = -1, QString mergeKey = {});
    vs::Project &after() { return m_after; }
    AnalysisSession *m_session;

private:
    vs::Project m_before, m_after;
    int m_id;
    QString m_mergeKey;
};

class SetWeightCommand : public ProjectCommand {
public:
    SetWeightCommand(AnalysisSession *s, int score, int item, double weight);
};
class SetIndicatorColumnCommand : public ProjectCommand {
public:
    SetIndicatorColumnCommand(AnalysisSession *s, int score, int item, const QString &column);
};
class AddIndicatorCommand : public ProjectCommand {
public:
    AddIndicatorCommand(AnalysisSession *s, int score, const QString &column, double weight);
};
class RemoveIndicatorCommand : public ProjectCommand {
public:
    RemoveIndicatorCommand(AnalysisSession *s, int score, int item);
};
class SetNormalizationCommand : public ProjectCommand {
public:
    SetNormalizationCommand(AnalysisSession *s, int score, vs::Normalize normalize, bool minMax);
};
class AddScoreCommand : public ProjectCommand {
public:
    AddScoreCommand(AnalysisSession *s, const vs::ScoreSpec &score);
};
class RemoveScoreCommand : public ProjectCommand {
public:
    RemoveScoreCommand(AnalysisSession *s, int score);
};
class RenameScoreCommand : public ProjectCommand {
public:
    RenameScoreCommand(AnalysisSession *s, int score, const QString &name);
};
class SetValueModelCommand : public ProjectCommand {
public:
    SetValueModelCommand(AnalysisSession *s, const QString &model, const QString &score = {});
};
// One of the value model's parameters (core/domain/models.h), set from its text; a text the
// parameter does not accept changes nothing (valid() is false).
class SetValueParameterCommand : public ProjectCommand {
public:
    SetValueParameterCommand(AnalysisSession *s, const vs::ParameterInfo &parameter, const QString &value);
    bool valid() const { return m_valid; }

private:
    bool m_valid = false;
};
class SetSegmentByCommand : public ProjectCommand {
public:
    SetSegmentByCommand(AnalysisSession *s, const QString &by);
};
class SetSegmentMethodCommand : public ProjectCommand {
public:
    SetSegmentMethodCommand(AnalysisSession *s, const QString &method);
};
// The number of quantile segments; the names follow the ladder for that number (change()
// says which names stayed, came and went).
class SetBinsCommand : public ProjectCommand {
public:
    SetBinsCommand(AnalysisSession *s, int bins);
    const vs::SegmentCountChange &change() const { return m_change; }

private:
    vs::SegmentCountChange m_change;
};
class SetLabelsCommand : public ProjectCommand {
public:
    SetLabelsCommand(AnalysisSession *s, const QStringList &labels);
};
class SetEdgesCommand : public ProjectCommand {
public:
    SetEdgesCommand(AnalysisSession *s, const std::vector<double> &edges);
};
class SetStrategyCommand : public ProjectCommand {
public:
    SetStrategyCommand(AnalysisSession *s, const QString &label, const QString &strategy);
};
// The RFM rules as a whole (an edited cell, an added or removed rule); labels and strategies follow.
class SetRfmRulesCommand : public ProjectCommand {
public:
    SetRfmRulesCommand(AnalysisSession *s, const std::vector<vs::RfmRule> &rules, const QString &text, int cell = -1);
};
// Over time: the two snapshot dates (or none), the cohorts (or none); core/project/edits.h
class SetSnapshotsCommand : public ProjectCommand {
public:
    SetSnapshotsCommand(AnalysisSession *s, std::optional<vs::SnapshotSpec> snapshots);
};
class SetCohortsCommand : public ProjectCommand {
public:
    SetCohortsCommand(AnalysisSession *s, std::optional<vs::CohortSpec> cohorts);
};
class RevertToBaselineCommand : public ProjectCommand {
public:
    RevertToBaselineCommand(AnalysisSession *s, const vs::Project &baseline);
};
