#pragma once
// The program's own names and strategies: segment names for a number of segments, their
// strategies, the RFM segments with theirs. Names are data: they are created in the interface's
// language (a Translate from the window) and kept as written; the command line and a project file
// that leaves them out get the English ones.
#include "core/project/project.h"

#include <functional>
#include <string>
#include <vector>

namespace vs {

// Translate (project.h): English text, marked QT_TRANSLATE_NOOP("defaults", …), -> the words to
// create; empty = English.

// The names of n quantile segments, lowest first: Low/Medium/High for 3, Low…Very High for 4,
// Very Low…Very High for 5, …; Q1…Qn beyond 7.
std::vector<std::string> segmentLadder(int n, const Translate &tr = {});
// The strategy a segment named from the ladder starts with, by its place: the lower ones are
// developed, the middle retained, the upper maintained; "" for other names.
std::string ladderStrategy(const std::vector<std::string> &labels, size_t index, const Translate &tr = {});

// The R package rfm's segments (first match wins), with their names in the interface's language.
std::vector<RfmRule> defaultRfmRules(const Translate &tr = {});
// What customers matching no rule are called ("Others").
std::string rfmOthersLabel(const Translate &tr = {});
// The suggested strategy of a default RFM segment, by its name in English or as tr writes it;
// "" for a name that is not one of them.
std::string defaultRfmStrategy(const std::string &segment, const Translate &tr = {});

} // namespace vs
