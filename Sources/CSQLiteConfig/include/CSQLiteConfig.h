#ifndef SMBTRIAGE_CSQLITECONFIG_H
#define SMBTRIAGE_CSQLITECONFIG_H

#include <sqlite3.h>

/// Turns SQLite's memory statistics off (`SQLITE_CONFIG_MEMSTATUS`, which Swift cannot call:
/// `sqlite3_config` is variadic). With them on, as Debian builds SQLite, every allocation and
/// free inside SQLite takes one process-wide mutex to keep `sqlite3_memory_used()` and the soft
/// heap limit, neither of which smbtriage uses. Takes effect only before SQLite is initialized
/// (before the process opens its first connection): returns SQLITE_OK then, SQLITE_MISUSE after,
/// which changes nothing.
static inline int smbtriage_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

#endif
