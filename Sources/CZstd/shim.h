#ifndef SMBTRIAGE_CZSTD_SHIM_H
#define SMBTRIAGE_CZSTD_SHIM_H
#include <zstd.h>
#endif
