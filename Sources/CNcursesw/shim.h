// The curses shim. NCURSES_WIDECHAR must be defined here, before curses.h, for the wide API.
//
// Swift cannot read curses' function-like macros (A_BOLD, COLOR_PAIR, BUTTON1_CLICKED …) and, in
// Swift 6, may not touch its mutable globals (stdscr, LINES, COLS, stdin, stdout). The small
// `static inline` functions below give Swift both, plus the one signal handler that must be C.
#ifndef SMBTRIAGE_CNCURSESW_SHIM_H
#define SMBTRIAGE_CNCURSESW_SHIM_H
#define _DEFAULT_SOURCE 1
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// MARK: Globals

static inline WINDOW *smb_stdscr(void) { return stdscr; }
static inline int smb_lines(void) { return LINES; }
static inline int smb_cols(void) { return COLS; }
static inline int smb_colors(void) { return COLORS; }

/// Whether standard input and standard output are both terminals.
static inline bool smb_standard_streams_are_terminals(void) {
    return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

/// The terminal type curses will look up (`TERM`), or "" when unset.
static inline const char *smb_terminal_name(void) {
    const char *name = getenv("TERM");
    return name ? name : "";
}

/// Starts curses on the process's own terminal; NULL (instead of exiting, as initscr does) on failure.
static inline SCREEN *smb_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Sets the C library's locale from the environment, so wide characters are encoded for the
/// terminal. Without one (the "C" locale of a bare container or cron), characters are encoded as
/// UTF-8, which every current terminal speaks, rather than dropped.
static inline void smb_use_environment_locale(void) {
    setlocale(LC_ALL, "");
    const char *character_type = setlocale(LC_CTYPE, NULL);
    if (character_type == NULL || strcmp(character_type, "C") == 0 || strcmp(character_type, "POSIX") == 0) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
}

// MARK: Attributes

static inline attr_t smb_a_normal(void) { return A_NORMAL; }
static inline attr_t smb_a_bold(void) { return A_BOLD; }
static inline attr_t smb_a_reverse(void) { return A_REVERSE; }
static inline attr_t smb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t smb_a_dim(void) { return A_DIM; }

/// Draws one cell: `text` is a spacing character followed by up to CCHARW_MAX - 1 combining ones,
/// NUL-terminated. curses fills the second column of a wide character itself.
static inline int smb_draw_cell(WINDOW *window, int row, int column,
                                const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
    return mvwadd_wch(window, row, column, &cell);
}

/// The most wide characters one cell holds (its spacing character and the combining ones).
static inline int smb_cell_capacity(void) { return CCHARW_MAX; }

// MARK: Keys

static inline int smb_key_code_yes(void) { return KEY_CODE_YES; }
static inline int smb_key_up(void) { return KEY_UP; }
static inline int smb_key_down(void) { return KEY_DOWN; }
static inline int smb_key_left(void) { return KEY_LEFT; }
static inline int smb_key_right(void) { return KEY_RIGHT; }
static inline int smb_key_page_up(void) { return KEY_PPAGE; }
static inline int smb_key_page_down(void) { return KEY_NPAGE; }
static inline int smb_key_home(void) { return KEY_HOME; }
static inline int smb_key_end(void) { return KEY_END; }
static inline int smb_key_enter(void) { return KEY_ENTER; }
static inline int smb_key_back_tab(void) { return KEY_BTAB; }
static inline int smb_key_backspace(void) { return KEY_BACKSPACE; }
static inline int smb_key_delete(void) { return KEY_DC; }
static inline int smb_key_resize(void) { return KEY_RESIZE; }
static inline int smb_key_mouse(void) { return KEY_MOUSE; }

// MARK: Mouse

static inline mmask_t smb_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t smb_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t smb_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t smb_wheel_down(void) { return BUTTON5_PRESSED; }

// MARK: Signals

/// Puts the terminal back, then lets the signal do what it would have done without curses.
static inline void smb_restore_terminal_and_reraise(int signal_number) {
    endwin();
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

/// Makes `signal_number` restore the terminal before it ends the process, unless the process was
/// started with it ignored (nohup, a background job), which stays so.
static inline void smb_restore_terminal_on(int signal_number) {
    if (signal(signal_number, smb_restore_terminal_and_reraise) == SIG_IGN) signal(signal_number, SIG_IGN);
}

/// Gives `signal_number` its default action back, if `smb_restore_terminal_on` took it over.
static inline void smb_stop_restoring_terminal_on(int signal_number) {
    void (*previous)(int) = signal(signal_number, SIG_DFL);
    if (previous != smb_restore_terminal_and_reraise) signal(signal_number, previous);
}

/// Makes SIGINT, SIGTERM and SIGHUP restore the terminal before they end the process.
static inline void smb_restore_terminal_on_termination_signals(void) {
    smb_restore_terminal_on(SIGINT);
    smb_restore_terminal_on(SIGTERM);
    smb_restore_terminal_on(SIGHUP);
}

/// Undoes `smb_restore_terminal_on_termination_signals`.
static inline void smb_stop_restoring_terminal_on_termination_signals(void) {
    smb_stop_restoring_terminal_on(SIGINT);
    smb_stop_restoring_terminal_on(SIGTERM);
    smb_stop_restoring_terminal_on(SIGHUP);
}

#endif
