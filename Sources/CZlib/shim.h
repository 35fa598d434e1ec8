#ifndef SMBTRIAGE_CZLIB_SHIM_H
#define SMBTRIAGE_CZLIB_SHIM_H
#include <zlib.h>
#endif
