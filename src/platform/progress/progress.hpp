#pragma once
// Progress of long work on the command line: counts, rate and time left. On a terminal
// one line is redrawn at most ten times a second; otherwise (a log, a pipe) a line is
// written every five seconds. The last line is always written by finish().
//
//   Progress progress("Nhập đơn vị / units", std::cerr, isatty(STDERR_FILENO));
//   for (...) progress.update(done, total);
//   progress.finish();
#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace antq {

class Progress {
 public:
  using Seconds = std::function<double()>;  // a monotonic clock in seconds (a seam for tests)

  Progress(std::string label, std::ostream& out, bool terminal, Seconds now = steady_seconds);
  // Records `done` of `total` (total 0: unknown); writes when it is time to.
  void update(std::size_t done, std::size_t total);
  // Writes the final line (and ends the redrawn one) once.
  void finish();

  // "1.234 / 3.321 (37%), 512/giây, còn ~4 giây": the line for these figures.
  static std::string line(std::size_t done, std::size_t total, double elapsed_seconds);
  static double steady_seconds();

 private:
  void write();

  std::string label_;
  std::ostream& out_;
  bool terminal_;
  Seconds now_;
  double started_ = 0;
  double last_write_ = -1e9;
  std::size_t done_ = 0;
  std::size_t total_ = 0;
  bool finished_ = false;
};

}  // namespace antq
