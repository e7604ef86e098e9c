#pragma once
int guiMain(int argc, char *argv[]);
// The charts and the report a headless run draws speak the system's language (LANGUAGE/LANG):
// installs its translation for the rest of the process (English needs none).
void useSystemLanguage();
