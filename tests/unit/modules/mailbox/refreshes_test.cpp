// Background refreshes of the search index: which communes go, when again, and what a
// search waits for.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "modules/mailbox/search.hpp"

namespace antq::mailbox::search {
namespace {

using namespace std::chrono_literals;

TEST(Refreshes, ACommuneGoesOnceUntilItsTipsMoveBySixteen) {
  Refreshes r;
  EXPECT_EQ(r.begin({{1, 100}, {2, 5}}), (std::vector<std::int64_t>{1, 2})) << "first seen: both";
  EXPECT_TRUE(r.begin({{1, 100}}).empty()) << "still queued";
  r.end(1, true);
  r.end(2, true);
  EXPECT_TRUE(r.begin({{1, 115}, {2, 5}}).empty()) << "15 more tips are not enough";
  EXPECT_EQ(r.begin({{1, 116}}), (std::vector<std::int64_t>{1}));
  r.end(1, true);
  EXPECT_EQ(r.begin({{1, 100}}), (std::vector<std::int64_t>{1})) << "a purge moves the count too";
}

TEST(Refreshes, AFailedRefreshIsTriedAgainOnTheNextPage) {
  Refreshes r;
  EXPECT_EQ(r.begin({{7, 40}}).size(), 1u);
  r.end(7, false);
  EXPECT_EQ(r.begin({{7, 40}}).size(), 1u);
}

TEST(Refreshes, SearchesWaitOnlyForARefreshThatHasStarted) {
  Refreshes r;
  r.begin({{3, 10}});
  auto t0 = std::chrono::steady_clock::now();
  r.wait_for({3}, 2s);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 500ms) << "queued, not started: no wait";
  r.start(3);
  t0 = std::chrono::steady_clock::now();
  r.wait_for({3}, 200ms);
  EXPECT_GE(std::chrono::steady_clock::now() - t0, 200ms) << "running: the search waits";
  std::thread ender([&] {
    std::this_thread::sleep_for(50ms);
    r.end(3, true);
  });
  t0 = std::chrono::steady_clock::now();
  r.wait_for({3, 4}, 5s);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s) << "woken when it ends";
  ender.join();
  r.wait_for({4}, 5s);  // another commune: no wait at all
}

}  // namespace
}  // namespace antq::mailbox::search
