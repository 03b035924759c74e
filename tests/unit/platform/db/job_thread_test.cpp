// JobThread: jobs run one after another in the order given, on one thread that is not the
// caller's; stopping runs what is queued, including what those jobs post; after it, what
// is posted runs at once.
#include "platform/db/job_thread.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace antq::db {
namespace {

TEST(JobThread, RunsJobsInTheOrderGivenOnOneThreadOfItsOwn) {
  std::mutex mutex;
  std::vector<int> ran;
  std::set<std::thread::id> threads;
  {
    JobThread jobs;
    for (int i = 0; i < 100; ++i) {
      jobs.post([&, i] {
        std::lock_guard lock(mutex);
        ran.push_back(i);
        threads.insert(std::this_thread::get_id());
      });
    }
  }
  ASSERT_EQ(ran.size(), 100U);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(ran[i], i);
  ASSERT_EQ(threads.size(), 1U);
  EXPECT_NE(*threads.begin(), std::this_thread::get_id());
}

TEST(JobThread, StoppingRunsWhatIsQueuedAndWhatThoseJobsPost) {
  JobThread jobs;
  std::promise<void> go;
  auto went = go.get_future().share();
  std::vector<int> ran;
  jobs.post([&] {
    went.wait();
    ran.push_back(1);
    jobs.post([&] { ran.push_back(3); });
  });
  jobs.post([&] { ran.push_back(2); });
  std::thread stopper([&] { jobs.stop(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // stop() is called meanwhile
  go.set_value();
  stopper.join();
  EXPECT_EQ(ran, (std::vector<int>{1, 2, 3}));
}

TEST(JobThread, OnceStoppedRunsWhatIsPostedOnTheCallersThread) {
  JobThread jobs;
  std::thread::id ran_on;
  jobs.post([&] { ran_on = std::this_thread::get_id(); });
  jobs.stop();
  EXPECT_NE(ran_on, std::this_thread::get_id());
  bool ran = false;
  jobs.post([&] {
    ran = true;
    ran_on = std::this_thread::get_id();
  });
  EXPECT_TRUE(ran);
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  JobThread never_started;
  never_started.stop();
  ran = false;
  never_started.post([&] { ran = true; });
  EXPECT_TRUE(ran);
}

}  // namespace
}  // namespace antq::db
