#pragma once
// Jobs run one after another, in the order they were given, on a thread of their own:
// what a database hands over to run later (Database::read_then and write_then).
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace antq::db {

class JobThread {
 public:
  JobThread() = default;
  // Stops first.
  ~JobThread();
  JobThread(const JobThread&) = delete;
  JobThread& operator=(const JobThread&) = delete;

  // Queues `job` after the others; the thread starts with the first. Once stopped, runs
  // it on the caller's thread at once: nothing given is left unrun.
  // REQUIRES: `job` does not throw.
  void post(std::function<void()> job);
  // Runs what is queued, and what those jobs post, then ends the thread.
  // REQUIRES: not called (nor the destructor) from one of its jobs.
  void stop();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool started_ = false;
  bool stopping_ = false;
  bool ended_ = false;  // the thread ended, or stop() came before any job
  std::thread thread_;
};

}  // namespace antq::db
