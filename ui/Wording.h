#pragma once
// The program's own names and strategies (core/domain/defaults.h) in the interface's language,
// as new projects, segments and RFM rules are created in the window.
#include "core/project/project.h"

vs::Translate interfaceWords();
