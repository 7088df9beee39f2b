// SwiftPM links an executable with `--defsym main=<Module>_main`; the fuzz targets are built
// with -parse-as-library, so nothing defines that symbol. Each one is defined here and hands
// the command line to libFuzzer's driver with the target's LLVMFuzzerTestOneInput.
#include <stddef.h>
#include <stdint.h>
#include "FuzzMain.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run(int argc, char **argv) { return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput); }

int FuzzHTML_main(int argc, char **argv) { return run(argc, argv); }
int FuzzText_main(int argc, char **argv) { return run(argc, argv); }
int FuzzWARC_main(int argc, char **argv) { return run(argc, argv); }
int FuzzJSONLines_main(int argc, char **argv) { return run(argc, argv); }
