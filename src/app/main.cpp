// antq: the command line. main only assembles: parse, configure, open, run.
#include <CLI/CLI.hpp>

#include "app/commands.hpp"

int main(int argc, char** argv) { return antq::app::run_cli(argc, argv); }
