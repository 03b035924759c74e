#pragma once
// Which binary this is: `antq` (what is installed and run) or `antq-test` (the same code
// linked for the test suites, which accepts test hooks such as ANTQ_TEST_CLOCK_FILE).
// Defined by build_kind.cpp, compiled once per executable with ANTQ_TEST_BUILD 0 or 1.

namespace antq::app {

extern const bool kTestBuild;

}  // namespace antq::app
