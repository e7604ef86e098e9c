#pragma once
// The rules of editing a project: what else changes when a score is removed or renamed, the
// number of segments or their names change, the segment method switches, or RFM rules are set;
// and the project a new import starts with. Pure functions on the project, tested without Qt;
// each undo command of the window (ui/commands) calls one of them.
#include "core/project/project.h"

#include <optional>
#include <string>
#include <vector>

namespace vs {

// The project a freshly mapped file starts with: the layout's default model for the mapped roles
// (core/domain/models.h), RFM rules with their strategies for order lines (times in days).
Project defaultProject(Layout layout, std::map<std::string, std::string> columns,
                       std::map<std::string, std::vector<std::string>> periodColumns, const Translate &tr = {});

// A score goes: segments made by it go back to value, a value taken from it goes back to the
// layout's default model.
void removeScore(Project &p, size_t score);
// A score is renamed, and whatever named it (segments, the value model) follows.
void renameScore(Project &p, size_t score, const std::string &name);

// New segment names; strategies follow the names they belong to (a name changed in place keeps
// its strategy); quantile segments get as many bins as names.
void setSegmentLabels(SegmentSpec &seg, const std::vector<std::string> &labels);
// A new number of quantile segments, named by the ladder for that number (Low/Medium/High for
// 3, …; core/domain/defaults.h) as tr writes it. A name that stays keeps its strategy; a new
// name gets the ladder's strategy for its place. Says what happened.
struct SegmentCountChange {
    std::vector<std::string> kept;    // names that stayed, with their strategies
    std::vector<std::string> added;   // new names
    std::vector<std::string> dropped; // names that went
};
SegmentCountChange setSegmentCount(SegmentSpec &seg, int bins, const Translate &tr = {});
// Another segment method. To thresholds, with cutPoints (the inner edges: one fewer than the
// names) when the project has no edges that fit its names yet, so that nothing moves until the
// user edits them; to RFM rules, with the project's rules or the default ones; from RFM rules
// back to value segments, with the default names and strategies.
void setSegmentMethod(Project &p, const std::string &method, const std::vector<double> &cutPoints,
                      const Translate &tr = {});
// Whether switching to `method` needs cut points (thresholds without edges that fit the names).
bool segmentMethodNeedsCutPoints(const Project &p, const std::string &method);
// The RFM rules as a whole; labels follow (the rules' names, then "Others"), each keeping its
// strategy or getting the default one.
void setRfmRules(SegmentSpec &seg, const std::vector<RfmRule> &rules, const Translate &tr = {});
// A segment's strategy (added if the segment has none yet).
void setStrategy(SegmentSpec &seg, const std::string &label, const std::string &strategy);

// Why an edit cannot move any customer between segments, when the reason is plain: the edit
// changed only scores' weights or indicators, and no changed score decides the segments (they
// are made by value or by another score). Gives the changed score the segments could be made by.
struct NoMovement {
    std::string segmentsBy;   // what the segments are made by now ("value" or a score)
    std::string changedScore; // a score the edit changed; segmenting by it lets its weights move people
};
std::optional<NoMovement> whyNobodyMoves(const Project &baseline, const Project &current);

// Over time (order lines). Snapshots on with these dates (given in either order, they are put in
// order), or off (nullopt); cohorts on with these settings, or off.
void setSnapshots(Project &p, std::optional<SnapshotSpec> snapshots);
void setCohorts(Project &p, std::optional<CohortSpec> cohorts);
// The dates snapshots start with when switched on: half a year before the last order (not before
// the first one), and the last order; ISO dates from days since 1970-01-01.
SnapshotSpec defaultSnapshots(int32_t firstDay, int32_t lastDay);

// The value model (and, for weighted_score, the score it takes).
void setValueModel(Project &p, const std::string &model, const std::string &score = {});

} // namespace vs
