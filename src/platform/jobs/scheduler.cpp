#include "platform/jobs/scheduler.hpp"

#include <condition_variable>
#include <mutex>

#include "platform/db/read.hpp"
#include "platform/log/log.hpp"

namespace antq::jobs {
namespace {

constexpr time::Millis kDay = 24LL * 3600 * 1000;
constexpr std::size_t kMaxDetail = 500;

// At most `max` bytes of `text`, not cutting a UTF-8 character.
std::string utf8_prefix(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

Scheduler::Scheduler(db::Database& db, const time::Clock& clock, std::string instance)
    : db_(db), clock_(clock), instance_(std::move(instance)) {}

Scheduler::~Scheduler() {
  if (thread_.joinable()) {
    thread_.request_stop();
    thread_.join();
  }
}

void Scheduler::add(Job job) { jobs_.push_back(std::move(job)); }

void Scheduler::add_tick(std::string name, std::function<std::string()> tick) {
  ticks_.emplace_back(std::move(name), std::move(tick));
}

void Scheduler::run_ticks() {
  for (const auto& [name, tick] : ticks_) {
    try {
      auto summary = tick();
      if (!summary.empty()) spdlog::info("{}: {}", name, summary);
    } catch (const std::exception& e) {
      spdlog::error("{} failed: {}", name, e.what());
    }
  }
}

std::string Scheduler::due_slot(const Job& job, time::Millis now) {
  auto today = time::local_date(now);
  auto due = time::local_day_start(today) + (job.hour * 60LL + job.minute) * 60 * 1000;
  return now >= due ? today : time::local_date(due - kDay);
}

bool Scheduler::take_lease(const Job& job, const std::string& slot, time::Millis now) {
  static constexpr db::Query take{"job_runs.take",
                                  "INSERT INTO job_runs (job, slot, instance, started_at, lease_until) "
                                  "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (job, slot) DO NOTHING"};
  static constexpr db::Query take_over{"job_runs.take_over",
                                       "UPDATE job_runs SET instance = $3, started_at = $4, lease_until = $5 "
                                       "WHERE job = $1 AND slot = $2 AND finished_at IS NULL AND lease_until < $4"};
  static constexpr db::Query held{"job_runs.held",
                                  "SELECT count(*) FROM job_runs WHERE job = $1 AND slot = $2 AND "
                                  "(finished_at IS NOT NULL OR lease_until >= $3)"};
  bool busy = false;
  db_.read([&](db::Tx& tx) { busy = db::scalar(tx, held, job.name, slot, now) > 0; });
  if (busy) return false;  // the usual case at every check: no write transaction
  auto until = now + job.lease_minutes * 60LL * 1000;
  bool taken = false;
  db_.write([&](db::Tx& tx) {
    taken = tx.exec(take, job.name, slot, instance_, now, until) == 1 ||
            tx.exec(take_over, job.name, slot, instance_, now, until) == 1;
  });
  return taken;
}

void Scheduler::finish(const Job& job, const std::string& slot, bool ok, const std::string& detail) {
  static constexpr db::Query q{"job_runs.finish",
                               "UPDATE job_runs SET finished_at = $4, outcome = $5, detail = $6 "
                               "WHERE job = $1 AND slot = $2 AND instance = $3"};
  db_.write([&](db::Tx& tx) {
    tx.exec(q, job.name, slot, instance_, clock_.now(), std::string(ok ? "ok" : "failed"),
            utf8_prefix(detail, kMaxDetail));
  });
}

int Scheduler::run_due() {
  int ran = 0;
  for (const auto& job : jobs_) {
    try {
      auto now = clock_.now();
      auto slot = due_slot(job, now);
      if (!take_lease(job, slot, now)) continue;
      ++ran;
      bool ok = true;
      std::string detail;
      try {
        detail = job.run();
        spdlog::info("job {} ({}) done: {}", job.name, slot, detail);
      } catch (const std::exception& e) {
        ok = false;
        detail = e.what();
        spdlog::error("job {} ({}) failed: {}", job.name, slot, detail);
      }
      finish(job, slot, ok, detail);
    } catch (const std::exception& e) {
      spdlog::error("job {}: the schedule could not be read or written: {}", job.name, e.what());
    }
  }
  run_ticks();
  try {
    auto runs = last_runs();
    std::lock_guard lock(seen_mutex_);
    seen_ = std::move(runs);
  } catch (const std::exception& e) {
    spdlog::warn("jobs: last runs not read: {}", e.what());
  }
  return ran;
}

std::vector<LastRun> Scheduler::last_runs_seen() const {
  std::lock_guard lock(seen_mutex_);
  return seen_;
}

std::vector<LastRun> Scheduler::last_runs() const {
  static constexpr db::Query q{"job_runs.last",
                               "SELECT slot, started_at, finished_at, outcome, detail FROM job_runs "
                               "WHERE job = $1 AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1"};
  std::vector<LastRun> out;
  db_.read([&](db::Tx& tx) {
    for (const auto& job : jobs_) {
      auto run = db::one(
          tx, q,
          [&job](db::Reader& r) { return LastRun{job.name, r.text(), r.i64(), r.i64(), r.text() == "ok", r.text()}; },
          job.name);
      if (run) out.push_back(std::move(*run));
    }
  });
  return out;
}

void Scheduler::start(std::chrono::seconds every) {
  thread_ = std::jthread([this, every](std::stop_token stop) {
    std::mutex m;
    std::condition_variable_any cv;
    while (!stop.stop_requested()) {
      run_due();
      std::unique_lock lock(m);
      cv.wait_for(lock, stop, every, [] { return false; });
    }
  });
}

}  // namespace antq::jobs
