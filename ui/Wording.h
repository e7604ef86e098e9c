#pragma once
// The program's own names and strategies (core/domain/defaults.h) in the interface's language,
// as new projects, segments and RFM rules are created in the window.
#include "core/project/project.h"

vs::Translate interfaceWords();

#include <QString>

#include <string>
#include <string_view>

// A results column's title in the interface's language: the program's own columns (customer,
// value, segment, the model columns such as total_spend) translated, a column of the user's file
// as it is named there. Files written keep the stable machine names.
QString columnTitle(std::string_view column);

// A row or column of a migration between two dates (core/analytics/over_time.h): a segment's own
// name, or the rows the program adds, "(new customers)" and "(no segment)", translated.
QString migrationRowName(const std::string &label);
