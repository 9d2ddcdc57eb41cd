#pragma once
// A property a harness checks on every input, in every build type: Q_ASSERT is compiled out of
// release builds, and a broken promise (a negative delay, one digest read as two document kinds)
// is a finding even when nothing crashes. A failed check aborts, which libFuzzer, AFL++ and the
// replay runner all report as a crash of the input being run.

#include <cstdio>
#include <cstdlib>

#define WHARF_FUZZ_CHECK(condition)                                                                      \
    do {                                                                                                 \
        if (!(condition)) {                                                                              \
            std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__, #condition);     \
            std::abort();                                                                                \
        }                                                                                                \
    } while (false)
