// The curses shim. NCURSES_WIDECHAR must be defined here, before curses.h, for the wide API.
#ifndef SMBTRIAGE_CNCURSESW_SHIM_H
#define SMBTRIAGE_CNCURSESW_SHIM_H
#define _DEFAULT_SOURCE 1
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>
#endif
