#pragma once
// Scheduled jobs: each runs once a day at a local time (Asia/Ho_Chi_Minh, UTC+7), once
// across every instance that shares the database. Before a run an instance inserts the
// job's row for that day's slot (job_runs) and so holds its lease; the others find the
// row and skip. A slot missed while no instance ran (the office PC was off at 02:00) is
// run at the next check; older missed slots are not replayed. A job must finish within
// its lease: past it, another instance may take the slot over and run it again.
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "platform/db/database.hpp"
#include "platform/time/time.hpp"

namespace antq::jobs {

struct Job {
  std::string name;  // "mailbox_purge": the job_runs key and the metrics label
  int hour = 2;      // local time of day it is due
  int minute = 0;
  int lease_minutes = 60;  // after this an unfinished run may be taken over
  // Does the work; returns a short summary ("3 purged"); throws on failure.
  std::function<std::string()> run;
};

// The last finished run of a job, on any instance.
struct LastRun {
  std::string job;
  std::string slot;  // yyyy-mm-dd
  time::Millis started_at = 0;
  time::Millis finished_at = 0;
  bool ok = false;
  std::string detail;  // the summary, or the error
};

class Scheduler {
 public:
  Scheduler(db::Database& db, const time::Clock& clock, std::string instance);
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // REQUIRES: before start().
  void add(Job job);
  // Work done at every check on every instance, after the due jobs (no job_runs row): the
  // notifications' dispatch, which shares its work out by leases of its own. `tick`
  // returns a short summary, logged when not empty; a throw is logged, not passed on.
  // REQUIRES: before start().
  void add_tick(std::string name, std::function<std::string()> tick);
  // Runs, one after the other, the jobs whose latest slot has come and that no instance
  // has taken; returns how many this instance ran. Failures are recorded, not thrown.
  // Then runs the ticks and refreshes the snapshot of last runs.
  int run_due();
  // The last finished run of each job, on any instance, read from the database.
  std::vector<LastRun> last_runs() const;
  // The same as of the last check (run_due()), from memory: for /metrics, which must not
  // wait for the database.
  std::vector<LastRun> last_runs_seen() const;
  const std::vector<Job>& jobs() const { return jobs_; }

  // Checks for due jobs now and then every `every`, on a thread of its own, until
  // destroyed.
  void start(std::chrono::seconds every);

  // The slot (local date) of the latest time `job` was due at or before `now`.
  static std::string due_slot(const Job& job, time::Millis now);

 private:
  bool take_lease(const Job& job, const std::string& slot, time::Millis now);
  void finish(const Job& job, const std::string& slot, bool ok, const std::string& detail);
  void run_ticks();

  db::Database& db_;
  const time::Clock& clock_;
  std::string instance_;
  std::vector<Job> jobs_;
  std::vector<std::pair<std::string, std::function<std::string()>>> ticks_;
  mutable std::mutex seen_mutex_;
  std::vector<LastRun> seen_;
  std::jthread thread_;
};

}  // namespace antq::jobs
