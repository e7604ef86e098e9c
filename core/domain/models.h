#pragma once
// The value models and their parameters: one table each, read by the project reader (keys,
// ranges, what a wrong value gets), the analysis (each model's compute function), the
// parameters panel (names, which parameters a model has, editor ranges) and the import wizard
// (which model a mapping allows). Adding a model: one entry in kModels (models.cpp), its compute
// function (core/analytics/value_models.cpp) and the translation of its label.
#include "core/analytics/btyd.h"
#include "core/analytics/rfm.h"
#include "core/error.h"
#include "core/messages.h"
#include "core/project/project.h"

#include <cmath>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vs {

struct ModelContext; // core/analytics/value_models.h

enum class ParamKind {
    Number, // a number in [min, max] (bounds excluded where said)
    Choice, // one of `choices`
    Text,   // free text
    Date,   // an ISO date, or empty
    Score,  // a score's name
};

struct ParameterInfo {
    const char *key;   // under "value" in the project file
    ParamKind kind;
    const char *label; // English, for the window (translation context "parameters")
    const char *help;  // English tooltip (context "parameters"); may be empty
    Msg rule;          // what a wrong value is told (its %1 is the key; a named wrong choice is %2)
    double min = -INFINITY, max = INFINITY;
    bool minExcluded = false, maxExcluded = false;
    bool integer = false;
    int decimals = 0;   // digits the window's editor shows
    double step = 1;    // the editor's step
    std::vector<const char *> choices;      // Choice: the project file's keys
    std::vector<const char *> choiceLabels; // Choice: English for the window (context "parameters")
    bool namesWrongChoice = false;          // the rule names the wrong value (its %2, or %1 without the key)
    bool ruleNamesKey = true;               // the rule's %1 is the key ('value.<key>')
    const char *suffix = "";                // English unit after the editor's number (context "parameters")
    const char *placeholder = "";           // English hint in an empty editor (context "parameters")
    bool numberAsText = false;              // Text: a number in the file is taken as its text
    double ValueSpec::*number = nullptr;    // Number
    std::string ValueSpec::*text = nullptr; // the others
    // Whether the parameter matters with these settings (the window greys its editor out when
    // not); null: always
    bool (*matters)(const ValueSpec &) = nullptr;

    bool accepts(double v) const;
};

using ModelCompute = Status (*)(ModelContext &);

struct ValueModelInfo {
    const char *key;
    Layout layout;     // customers or transactions (order lines)
    const char *label; // English, for the window (translation context "models")
    // The roles it needs: every inner list must have one of its roles mapped.
    std::vector<std::vector<const char *>> needs;
    bool needsScore = false;              // the value is a score's (weighted_score)
    std::vector<const char *> parameters; // keys into valueParameters(), in the panel's order
    ModelCompute compute;
};

std::span<const ValueModelInfo> valueModels();
const ValueModelInfo *findValueModel(std::string_view key);
std::vector<const ValueModelInfo *> valueModelsFor(Layout layout);
bool modelHasParameter(const ValueModelInfo &model, std::string_view parameter);

std::span<const ParameterInfo> valueParameters();
const ParameterInfo *findValueParameter(std::string_view key);

// The model a new project with this mapping starts with: the layout's first whose roles are
// all mapped (a score-based model is never the first choice), else the layout's first.
const ValueModelInfo &defaultValueModel(Layout layout, const std::map<std::string, std::string> &columns,
                                        const std::map<std::string, std::vector<std::string>> &periodColumns);

// The purchase models of predictive_clv (value.purchase_model; "auto" is none of them but picks one).
struct PurchaseModelInfo {
    const char *key;                     // value.purchase_model and the summary's models[].name
    const char *name;                    // as the literature writes it: "BG/NBD"
    PurchaseKind kind;
    std::array<const char *, 4> params;  // the summary's parameter names, in the fit's order
    bool needsPeriods;                   // purchase opportunities: value.period coarser than a day
};
std::span<const PurchaseModelInfo> purchaseModels();
const PurchaseModelInfo *findPurchaseModel(std::string_view key);

// How RFM scores are made (value.rfm_scoring): the choices of that parameter, in the panel's order.
struct RfmScoringInfo {
    const char *key;   // value.rfm_scoring and the summary's rfm.scoring
    const char *label; // English, for the window (context "parameters")
    RfmScoringKind kind;
};
std::span<const RfmScoringInfo> rfmScorings();
const RfmScoringInfo *findRfmScoring(std::string_view key);

// A parameter's value as text (numbers in shortest exact form), and set from text; a text that
// is not a valid value leaves the spec unchanged and gives false.
std::string parameterText(const ValueSpec &value, const ParameterInfo &param);
bool setParameter(ValueSpec &value, const ParameterInfo &param, const std::string &text);
// Whether the spec's value of this parameter is acceptable (else it gets the parameter's rule).
bool parameterValid(const ValueSpec &value, const ParameterInfo &param);

} // namespace vs
