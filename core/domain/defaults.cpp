#include "defaults.h"

#include "core/domain/translatable.h"

namespace vs {

namespace {

std::string say(const Translate &tr, const char *english)
{
    return tr ? tr(english) : std::string(english);
}

// the ladders, lowest first
const std::vector<std::vector<const char *>> kLadders = {
    {QT_TRANSLATE_NOOP("defaults", "All")},
    {QT_TRANSLATE_NOOP("defaults", "Low"), QT_TRANSLATE_NOOP("defaults", "High")},
    {"Low", QT_TRANSLATE_NOOP("defaults", "Medium"), "High"},
    {"Low", "Medium", "High", QT_TRANSLATE_NOOP("defaults", "Very High")},
    {QT_TRANSLATE_NOOP("defaults", "Very Low"), "Low", "Medium", "High", "Very High"},
    {"Very Low", "Low", QT_TRANSLATE_NOOP("defaults", "Lower Middle"), QT_TRANSLATE_NOOP("defaults", "Upper Middle"),
     "High", "Very High"},
    {"Very Low", "Low", "Lower Middle", QT_TRANSLATE_NOOP("defaults", "Middle"), "Upper Middle", "High", "Very High"},
};

const char *const kDevelop = QT_TRANSLATE_NOOP("defaults", "Develop");
const char *const kRetain = QT_TRANSLATE_NOOP("defaults", "Retain");
const char *const kMaintain = QT_TRANSLATE_NOOP("defaults", "Maintain");

struct RfmDefault {
    RfmRule rule;
    const char *strategy;
};

// The R package rfm's published ten segments (its README and tests), in its order.
const std::vector<RfmDefault> kRfm = {
    {{QT_TRANSLATE_NOOP("defaults", "Champions"), {4, 5}, {4, 5}, {4, 5}},
     QT_TRANSLATE_NOOP("defaults", "Reward them: early access, loyalty perks; ask for reviews")},
    {{QT_TRANSLATE_NOOP("defaults", "Loyal Customers"), {2, 5}, {3, 5}, {3, 5}},
     QT_TRANSLATE_NOOP("defaults", "Upsell higher-value products; ask for referrals")},
    {{QT_TRANSLATE_NOOP("defaults", "Potential Loyalist"), {3, 5}, {1, 3}, {1, 3}},
     QT_TRANSLATE_NOOP("defaults", "Offer membership or a loyalty programme; recommend related products")},
    {{QT_TRANSLATE_NOOP("defaults", "New Customers"), {4, 5}, {1, 1}, {1, 1}},
     QT_TRANSLATE_NOOP("defaults", "Welcome them: onboarding, early support, a second-purchase offer")},
    {{QT_TRANSLATE_NOOP("defaults", "Promising"), {3, 4}, {1, 1}, {1, 1}},
     QT_TRANSLATE_NOOP("defaults", "Build awareness: free trials, onboarding offers")},
    {{QT_TRANSLATE_NOOP("defaults", "Need Attention"), {2, 3}, {2, 3}, {2, 3}},
     QT_TRANSLATE_NOOP("defaults", "Limited-time offers based on past purchases")},
    {{QT_TRANSLATE_NOOP("defaults", "About To Sleep"), {2, 3}, {1, 2}, {1, 2}},
     QT_TRANSLATE_NOOP("defaults", "Share useful content; recommend popular products with a discount")},
    {{QT_TRANSLATE_NOOP("defaults", "At Risk"), {1, 2}, {2, 5}, {2, 5}},
     QT_TRANSLATE_NOOP("defaults", "Reconnect with personalised emails and renewal offers")},
    {{QT_TRANSLATE_NOOP("defaults", "Can't Lose Them"), {1, 1}, {4, 5}, {4, 5}},
     QT_TRANSLATE_NOOP("defaults", "Win them back: renewals, new products, a personal call")},
    {{QT_TRANSLATE_NOOP("defaults", "Lost"), {1, 2}, {1, 2}, {1, 2}},
     QT_TRANSLATE_NOOP("defaults", "One outreach campaign to revive interest; otherwise low priority")},
};
const char *const kOthers = QT_TRANSLATE_NOOP("defaults", "Others");
const char *const kOthersStrategy = QT_TRANSLATE_NOOP("defaults", "Review individually");

} // namespace

std::vector<std::string> segmentLadder(int n, const Translate &tr)
{
    std::vector<std::string> out;
    if (n >= 1 && size_t(n) <= kLadders.size()) {
        for (const char *name : kLadders[size_t(n - 1)])
            out.push_back(say(tr, name));
    } else {
        for (int i = 1; i <= n; ++i)
            out.push_back("Q" + std::to_string(i));
    }
    return out;
}

std::string ladderStrategy(const std::vector<std::string> &labels, size_t index, const Translate &tr)
{
    if (labels != segmentLadder(int(labels.size()), tr) || index >= labels.size())
        return {};
    if (labels.size() == 1)
        return say(tr, kRetain);
    // by place: the lowest third developed, the top third maintained, the rest retained (for four:
    // Develop, Retain, Maintain, Maintain, as the customer's documents have it)
    const double place = double(index) / double(labels.size() - 1);
    return say(tr, place < 1.0 / 3 ? kDevelop : place < 0.6 ? kRetain : kMaintain);
}

std::vector<RfmRule> defaultRfmRules(const Translate &tr)
{
    std::vector<RfmRule> rules;
    for (const RfmDefault &d : kRfm) {
        RfmRule r = d.rule;
        r.name = say(tr, d.rule.name.c_str());
        rules.push_back(r);
    }
    return rules;
}

std::string rfmOthersLabel(const Translate &tr)
{
    return say(tr, kOthers);
}

std::string defaultRfmStrategy(const std::string &segment, const Translate &tr)
{
    for (const RfmDefault &d : kRfm)
        if (segment == d.rule.name || segment == say(tr, d.rule.name.c_str()))
            return say(tr, d.strategy);
    if (segment == kOthers || segment == say(tr, kOthers))
        return say(tr, kOthersStrategy);
    return {};
}

} // namespace vs
