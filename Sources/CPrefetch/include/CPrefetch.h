#ifndef SMBTRIAGE_CPREFETCH_H
#define SMBTRIAGE_CPREFETCH_H

/// Asks the CPU to start loading the cache line that holds `address`, for reading, into every
/// cache level (the compiler's `__builtin_prefetch`, which Swift cannot call). A hint only: it never
/// faults, whatever the address, and changes no result.
static inline void smbtriage_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
