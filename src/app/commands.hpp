#pragma once

namespace antq::app {

// Parses the command line and runs one command. Returns the process exit code:
// 0 success, 1 failure (message on stderr), 2 bad usage.
int run_cli(int argc, char** argv);

}  // namespace antq::app
