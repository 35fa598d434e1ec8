// The module only declares libFuzzer's driver (include/CLibFuzzer.h); SwiftPM wants one source.
#include "CLibFuzzer.h"
