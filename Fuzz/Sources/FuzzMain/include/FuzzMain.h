// The entry points SwiftPM links as `main` for each fuzz target (see FuzzMain.c).
int FuzzHTML_main(int argc, char **argv);
int FuzzText_main(int argc, char **argv);
int FuzzWARC_main(int argc, char **argv);
int FuzzJSONLines_main(int argc, char **argv);
