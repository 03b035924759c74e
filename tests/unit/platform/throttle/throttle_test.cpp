// Sign-in throttling: free attempts, then doubling delays up to a cap.
#include "platform/throttle/throttle.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace antq {
namespace {

constexpr int kFree = 3;
constexpr int kMaxDelay = 10;

class ThrottleTest : public ::testing::Test {
 protected:
  // Fails `key` once and returns the wait it now faces.
  int fail(const std::string& key) {
    throttle_.failure(key);
    return throttle_.wait_seconds(key);
  }

  time::ManualClock clock_{1751302800000LL};
  Throttle throttle_{clock_, kFree, kMaxDelay};
};

TEST_F(ThrottleTest, AnUnknownKeyNeedNotWait) { EXPECT_EQ(throttle_.wait_seconds("user:diep"), 0); }

TEST_F(ThrottleTest, FirstFailuresAreFree) {
  for (int i = 0; i < kFree; ++i) EXPECT_EQ(fail("user:diep"), 0) << "failure " << i + 1;
}

TEST_F(ThrottleTest, DelaysDoubleAfterTheFreeAttemptsUpToTheMaximum) {
  for (int i = 0; i < kFree; ++i) fail("user:diep");
  std::vector<int> waits;
  for (int i = 0; i < 6; ++i) {
    int wait = fail("user:diep");
    waits.push_back(wait);
    clock_.advance(wait * 1000LL);  // the client waits as told, then fails again
  }
  EXPECT_EQ(waits, (std::vector<int>{1, 2, 4, 8, 10, 10}));
}

TEST_F(ThrottleTest, WaitCountsDownWithTheClock) {
  for (int i = 0; i < kFree + 3; ++i) fail("user:diep");  // 4 s
  EXPECT_EQ(throttle_.wait_seconds("user:diep"), 4);
  clock_.advance(1500);
  EXPECT_EQ(throttle_.wait_seconds("user:diep"), 3);  // 2.5 s rounds up
  clock_.advance(2499);
  EXPECT_EQ(throttle_.wait_seconds("user:diep"), 1);  // 1 ms left
  clock_.advance(1);
  EXPECT_EQ(throttle_.wait_seconds("user:diep"), 0);
}

TEST_F(ThrottleTest, SuccessResetsTheKey) {
  for (int i = 0; i < kFree + 4; ++i) fail("user:diep");
  ASSERT_GT(throttle_.wait_seconds("user:diep"), 0);
  throttle_.success("user:diep");
  EXPECT_EQ(throttle_.wait_seconds("user:diep"), 0);
  for (int i = 0; i < kFree; ++i) EXPECT_EQ(fail("user:diep"), 0) << "free attempts again";
  EXPECT_EQ(fail("user:diep"), 1);
}

TEST_F(ThrottleTest, KeysAreIndependent) {
  for (int i = 0; i < kFree + 2; ++i) fail("user:diep");
  EXPECT_EQ(throttle_.wait_seconds("user:diep"), 2);
  EXPECT_EQ(throttle_.wait_seconds("user:anh"), 0);
  EXPECT_EQ(throttle_.wait_seconds("client:10.0.0.1"), 0);
  EXPECT_EQ(fail("user:anh"), 0);
  throttle_.success("user:anh");
  EXPECT_EQ(throttle_.wait_seconds("user:diep"), 2);
}

TEST_F(ThrottleTest, AnHourWithoutFailuresStartsTheCountAfresh) {
  for (int i = 0; i < kFree + 2; ++i) fail("user:diep");
  clock_.advance(3600 * 1000 + 1);
  EXPECT_EQ(fail("user:diep"), 0) << "the first failure of a new count is free";
}

TEST_F(ThrottleTest, APauseOfAtMostAnHourKeepsTheCount) {
  for (int i = 0; i < kFree + 2; ++i) fail("user:diep");  // 2 s
  clock_.advance(3600 * 1000);
  EXPECT_EQ(fail("user:diep"), 4);
}

TEST_F(ThrottleTest, TheCapHoldsForVeryManyFailures) {
  for (int i = 0; i < 100; ++i) fail("user:diep");
  EXPECT_EQ(throttle_.wait_seconds("user:diep"), kMaxDelay);
}

}  // namespace
}  // namespace antq
