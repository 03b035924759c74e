#include "platform/db/job_thread.hpp"

#include <utility>

namespace antq::db {

JobThread::~JobThread() { stop(); }

void JobThread::stop() {
  std::thread thread;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    if (!started_) ended_ = true;
    thread = std::move(thread_);
  }
  cv_.notify_one();
  if (thread.joinable()) thread.join();
}

void JobThread::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (!ended_) {
      if (!started_) {
        thread_ = std::thread([this] { run(); });
        started_ = true;
      }
      jobs_.push_back(std::move(job));
      job = nullptr;
    }
  }
  if (job) return job();  // stopped
  cv_.notify_one();
}

void JobThread::run() {
  while (true) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      cv_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) {
        ended_ = true;
        return;
      }
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace antq::db
