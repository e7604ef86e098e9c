#pragma once
int guiMain(int argc, char *argv[]);
