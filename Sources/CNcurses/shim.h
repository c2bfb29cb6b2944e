// The C side of the terminal backend: ncurses with the wide-character API, plus what Swift cannot import
// (function-like macros, globals that are not concurrency-safe) and what must be async-signal-safe C
// (signal and crash handlers).
//
// Everything here is `static inline`, so each object file that uses a function gets its own copy of the
// `static` variables below. Only `Sources/TriageTerminal/SignalGuard.swift` may call the `shim_signal_*` and
// `shim_crash_*` functions, so that the handlers and the code polling their flags share one copy.
#ifndef TRIAGE_CNCURSES_SHIM_H
#define TRIAGE_CNCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// MARK: - Globals and macros Swift cannot use directly

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline WINDOW *shim_curscr(void) { return curscr; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_key_f(int n) { return KEY_F(n); }

static inline attr_t shim_attr_bold(void) { return WA_BOLD; }
static inline attr_t shim_attr_underline(void) { return WA_UNDERLINE; }
static inline attr_t shim_attr_reverse(void) { return WA_REVERSE; }
static inline attr_t shim_attr_dim(void) { return WA_DIM; }
static inline attr_t shim_attr_normal(void) { return WA_NORMAL; }

static inline mmask_t shim_mouse_button1(void) { return BUTTON1_PRESSED | BUTTON1_CLICKED; }
static inline mmask_t shim_mouse_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t shim_mouse_wheel_down(void) { return BUTTON5_PRESSED; }

/// The codeset of the current locale (call `setlocale(LC_ALL, "")` first), e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }

/// Writes `count` wide characters at (y, x) of stdscr with the given attributes and colour pair.
/// Returns ERR when the cursor cannot move there; writing the bottom-right cell also returns ERR (ncurses would
/// have to scroll) although the character is shown, so callers ignore the result.
static inline int shim_put(int y, int x, const wchar_t *text, int count, attr_t attrs, short pair) {
    wattr_set(stdscr, attrs, pair, NULL);
    if (wmove(stdscr, y, x) == ERR) return ERR;
    return waddnwstr(stdscr, text, count);
}

// MARK: - Terminal description checks

/// 1 when `term` names a terminfo entry with cursor addressing; 0 when unknown; -1 when no terminfo database is
/// found; 2 for hard-copy or generic entries (e.g. "dumb") that cannot run a full-screen program.
static inline int shim_terminal_status(const char *term, int fd) {
    TERMINAL *saved = cur_term;
    int error = 0;
    if (setupterm(term, fd, &error) != OK) {
        set_curterm(saved);
        return error == -1 ? -1 : 0;
    }
    int result = 1;
    if (tigetflag("hc") > 0 || tigetflag("gn") > 0) result = 2;
    char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) result = 2;
    TERMINAL *probe = cur_term;
    set_curterm(saved);
    del_curterm(probe);
    return result;
}

/// A terminfo string capability of the current terminal, or NULL when it has none.
static inline const char *shim_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

// MARK: - Signals (only from SignalGuard.swift)

/// Room for every guarded signal: the fixed ones below plus the real-time signals (SIGRTMIN..SIGRTMAX).
#define SHIM_GUARDED_CAPACITY 96

// Swift's importer emits file-scope statics of scalar type but not arrays or structs, so the state lives in one
// function-local static.
struct shim_signal_state {
    volatile sig_atomic_t pending_signal;
    volatile sig_atomic_t signal_count;
    volatile sig_atomic_t screen_active;
    volatile sig_atomic_t crashing;
    int tty_fd;
    int have_termios;
    struct termios saved_termios;
    char reset_bytes[256];
    size_t reset_length;
    struct sigaction previous_exit_actions[3];
    struct sigaction previous_crash_actions[SHIM_GUARDED_CAPACITY];
    int crash_installed[SHIM_GUARDED_CAPACITY];
};

static inline struct shim_signal_state *shim_state(void) {
    static struct shim_signal_state state = {.tty_fd = -1};
    return &state;
}

static inline int shim_exit_signal(int index) {
    switch (index) {
    case 0: return SIGINT;
    case 1: return SIGTERM;
    default: return SIGHUP;
    }
}

/// Signals the guard handles: crashes first (0-5: handed on to the previous handler, the Swift backtracer, after
/// the terminal is restored), then every other signal whose default action ends the process (restored, then the
/// default action, so the interactive backtracer never starts for SIGQUIT): the fixed ones, then the real-time
/// signals glibc leaves to programs (SIGRTMIN..SIGRTMAX, whose default action is to terminate too).
#define SHIM_CRASH_SIGNALS 6

/// The fixed list (function-local, see above); `*count` is set to its length.
static inline const int *shim_fixed_signals(int *count) {
    static const int fixed[] = {
        SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE,
        SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXFSZ, SIGXCPU, SIGVTALRM, SIGPROF, SIGSYS,
#ifdef SIGPOLL
        SIGPOLL,
#elif defined(SIGIO)
        SIGIO,
#endif
#ifdef SIGPWR
        SIGPWR,
#endif
#ifdef SIGSTKFLT
        SIGSTKFLT,
#endif
#ifdef SIGEMT
        SIGEMT,
#endif
    };
    *count = (int)(sizeof fixed / sizeof fixed[0]);
    return fixed;
}

/// How many signals are guarded (fixed plus real-time), at most SHIM_GUARDED_CAPACITY.
static inline int shim_guarded_count(void) {
    int count = 0;
    (void)shim_fixed_signals(&count);
#ifdef SIGRTMIN
    count += SIGRTMAX - SIGRTMIN + 1;
#endif
    return count < SHIM_GUARDED_CAPACITY ? count : SHIM_GUARDED_CAPACITY;
}

/// The `index`th guarded signal (0 <= index < shim_guarded_count()).
static inline int shim_crash_signal(int index) {
    int fixed_count = 0;
    const int *fixed = shim_fixed_signals(&fixed_count);
    if (index < fixed_count) return fixed[index];
#ifdef SIGRTMIN
    return SIGRTMIN + (index - fixed_count);
#else
    return 0;
#endif
}

/// Async-signal-safe: writes the reset sequence and the saved tty modes back, once.
static inline void shim_restore_terminal_now(void) {
    struct shim_signal_state *state = shim_state();
    if (!state->screen_active || state->tty_fd < 0) return;
    state->screen_active = 0;
    size_t done = 0;
    while (done < state->reset_length) {
        ssize_t written = write(state->tty_fd, state->reset_bytes + done, state->reset_length - done);
        if (written <= 0) break;
        done += (size_t)written;
    }
    if (state->have_termios) tcsetattr(state->tty_fd, TCSAFLUSH, &state->saved_termios);
}

static inline void shim_on_exit_signal(int sig) {
    struct shim_signal_state *state = shim_state();
    state->pending_signal = sig;
    state->signal_count = state->signal_count + 1;
    // A second SIGINT or SIGTERM (someone insisting on a program stuck in update or shutdown): give up,
    // restoring the terminal first. Not for SIGHUP, which a hangup may deliver more than once.
    if (state->signal_count >= 2 && sig != SIGHUP) {
        shim_restore_terminal_now();
        _exit(128 + sig);
    }
}

static inline void shim_on_crash_signal(int sig) {
    struct shim_signal_state *state = shim_state();
    if (!state->crashing) {
        state->crashing = 1;
        shim_restore_terminal_now();
    }
    // Hand the signal to whoever had it before (the Swift runtime's backtracer, or the default action). The
    // signal is blocked while this handler runs, so the raise is delivered to the restored action on return.
    for (int i = 0; i < shim_guarded_count(); i++) {
        if (shim_crash_signal(i) != sig) continue;
        if (i < SHIM_CRASH_SIGNALS) {
            sigaction(sig, &state->previous_crash_actions[i], NULL);
        } else {
            signal(sig, SIG_DFL);
        }
    }
    raise(sig);
}

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal (no SA_RESTART, so a blocking
/// read or poll returns EINTR). Call before `newterm` so ncurses leaves these signals alone.
static inline void shim_signal_install(void) {
    struct shim_signal_state *state = shim_state();
    state->pending_signal = 0;
    state->signal_count = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = shim_on_exit_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    for (int i = 0; i < 3; i++) sigaction(shim_exit_signal(i), &action, &state->previous_exit_actions[i]);
}

static inline void shim_signal_uninstall(void) {
    struct shim_signal_state *state = shim_state();
    for (int i = 0; i < 3; i++) sigaction(shim_exit_signal(i), &state->previous_exit_actions[i], NULL);
}

/// SIGTSTP from outside (`kill -TSTP`, or a terminal not in raw mode): recorded like the exit signals, so the
/// input loop suspends the same way Ctrl-Z does. Installed before `newterm`, so ncurses keeps its own SIGTSTP
/// handler out.
static inline volatile sig_atomic_t *shim_tstp_flag(void) {
    static volatile sig_atomic_t flag = 0;
    return &flag;
}

static inline void shim_on_tstp(int sig) {
    (void)sig;
    *shim_tstp_flag() = 1;
}

static inline int *shim_tstp_ignored(void) {
    static int ignored = 0;
    return &ignored;
}

static inline void shim_tstp_install(void) {
    struct sigaction current;
    *shim_tstp_ignored() = sigaction(SIGTSTP, NULL, &current) == 0 && current.sa_handler == SIG_IGN;
    if (*shim_tstp_ignored()) return;  // a parent without job control ignores it: so do we
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = shim_on_tstp;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGTSTP, &action, NULL);
}

static inline void shim_tstp_default(void) {
    if (!*shim_tstp_ignored()) signal(SIGTSTP, SIG_DFL);
}

/// 1 once if SIGTSTP arrived since the last call.
static inline int shim_tstp_take(void) {
    int arrived = *shim_tstp_flag();
    *shim_tstp_flag() = 0;
    return arrived;
}

/// Stops the process group with SIGTSTP's default action (as the terminal would on Ctrl-Z) and returns after
/// SIGCONT (`fg`, `bg`); in an orphaned process group the kernel discards the signal and this returns at once.
static inline void shim_stop_self(void) {
    if (*shim_tstp_ignored()) return;
    struct sigaction saved;
    struct sigaction deflt;
    memset(&deflt, 0, sizeof deflt);
    deflt.sa_handler = SIG_DFL;
    sigemptyset(&deflt.sa_mask);
    sigaction(SIGTSTP, &deflt, &saved);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    kill(0, SIGTSTP);
    sigaction(SIGTSTP, &saved, NULL);
    *shim_tstp_flag() = 0;
}

/// The signal that arrived since install (0 if none).
static inline int shim_signal_pending(void) { return shim_state()->pending_signal; }

/// Replaces the bytes written on a crash or a second exit signal.
static inline void shim_crash_set_reset(const char *reset, size_t length) {
    struct shim_signal_state *state = shim_state();
    if (length > sizeof state->reset_bytes) length = sizeof state->reset_bytes;
    state->reset_length = 0;
    memcpy(state->reset_bytes, reset, length);
    state->reset_length = length;
}

/// Arms the crash guard: on a crash (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE) or any other signal that
/// would end the process (SIGQUIT, SIGUSR1/2, SIGALRM, SIGPIPE, SIGXFSZ, ...) it writes `reset` to `fd` and restores
/// `fd`'s termios as they are now (call before ncurses changes them), then re-raises the signal.
static inline void shim_crash_arm(int fd, const char *reset, size_t length) {
    struct shim_signal_state *state = shim_state();
    state->screen_active = 0;
    state->tty_fd = fd;
    state->have_termios = tcgetattr(fd, &state->saved_termios) == 0;
    shim_crash_set_reset(reset, length);
    state->crashing = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = shim_on_crash_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    for (int i = 0; i < shim_guarded_count(); i++) {
        int sig = shim_crash_signal(i);
        state->crash_installed[i] = 0;
        if (sigaction(sig, NULL, &state->previous_crash_actions[i]) != 0) continue;
        // A signal the parent ignores (nohup, SIGPIPE ignored) stays ignored.
        if (i >= SHIM_CRASH_SIGNALS && state->previous_crash_actions[i].sa_handler == SIG_IGN) continue;
        if (sigaction(sig, &action, NULL) == 0) state->crash_installed[i] = 1;
    }
}

/// Marks whether the screen is in curses mode (the guards only write to the tty while it is).
static inline void shim_crash_set_active(int active) { shim_state()->screen_active = active; }

static inline void shim_crash_disarm(void) {
    struct shim_signal_state *state = shim_state();
    state->screen_active = 0;
    for (int i = 0; i < shim_guarded_count(); i++) {
        if (state->crash_installed[i]) sigaction(shim_crash_signal(i), &state->previous_crash_actions[i], NULL);
        state->crash_installed[i] = 0;
    }
    state->tty_fd = -1;
}

#endif
