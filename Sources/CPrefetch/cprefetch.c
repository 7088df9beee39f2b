// The prefetch hint is header-only (static inline, so Swift inlines it); this file gives the
// target a source, as SwiftPM requires.
#include "cprefetch.h"
