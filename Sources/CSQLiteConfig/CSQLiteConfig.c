// The module is its header (a static inline function Swift inlines); SwiftPM builds a C target
// from at least one source file, and this is it.
#include "CSQLiteConfig.h"
