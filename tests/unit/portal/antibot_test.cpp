// The citizen form's check question: right answer, right age, untampered, once.
#include "portal/antibot.hpp"

#include <gtest/gtest.h>

#include "platform/crypto/crypto.hpp"

namespace antq::portal {
namespace {

class AntiBotTest : public ::testing::Test {
 protected:
  void SetUp() override { crypto::init(); }
  std::string secret = std::string(32, 's');
  AntiBot bot;
  std::int64_t t0 = 1'800'000'000'000;
};

TEST_F(AntiBotTest, AcceptsTheRightAnswerOnceAfterTwoSeconds) {
  auto c = bot.issue(secret, t0);
  std::string answer = std::to_string(c.a + c.b);
  EXPECT_FALSE(bot.check(secret, c.token, answer, t0 + 1000)) << "too fast for a person";
  EXPECT_TRUE(bot.check(secret, c.token, answer, t0 + 3000));
  EXPECT_FALSE(bot.check(secret, c.token, answer, t0 + 4000)) << "a token works once";
}

TEST_F(AntiBotTest, RefusesWrongAnswersExpiredFormsAndForgedTokens) {
  auto c = bot.issue(secret, t0);
  EXPECT_FALSE(bot.check(secret, c.token, std::to_string(c.a + c.b + 1), t0 + 3000));
  EXPECT_FALSE(bot.check(secret, c.token, std::to_string(c.a + c.b), t0 + AntiBot::kMaxAgeMs + 1));
  EXPECT_FALSE(bot.check(std::string(32, 'x'), c.token, std::to_string(c.a + c.b), t0 + 3000)) << "other secret";
  std::string forged = c.token;
  forged[0] = forged[0] == '1' ? '2' : '1';  // another issue time, same MAC
  EXPECT_FALSE(bot.check(secret, forged, std::to_string(c.a + c.b), t0 + 3000));
  EXPECT_FALSE(bot.check(secret, "garbage", "3", t0));
}

TEST_F(AntiBotTest, QuestionsUseSmallNumbers) {
  for (int i = 0; i < 50; ++i) {
    auto c = bot.issue(secret, t0);
    EXPECT_GE(c.a, 1);
    EXPECT_LE(c.a, 9);
    EXPECT_GE(c.b, 1);
    EXPECT_LE(c.b, 9);
  }
}

}  // namespace
}  // namespace antq::portal
