// The webhook's shared secret: made once with mode 0600, then read back the same; a file
// too short to be a secret is refused by name.
#include "app/notifications.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <stdexcept>

#include "../support/temp_dir.hpp"
#include "platform/crypto/crypto.hpp"

namespace antq::app {
namespace {

TEST(WebhookSecret, IsMadeOnceReadableByTheOwnerOnlyAndThenKept) {
  crypto::init();
  testing::TempDir dir;
  auto file = dir.path() / "webhook.key";
  auto made = webhook_secret(file);
  EXPECT_EQ(made.size(), 64U);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_EQ(webhook_secret(file), made);
}

TEST(WebhookSecret, AShortSecretIsRefusedNamingTheFile) {
  testing::TempDir dir;
  auto file = dir.path() / "webhook.key";
  std::ofstream(file) << "abc\n";
  try {
    webhook_secret(file);
    FAIL() << "a three-letter secret was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("webhook.key"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace antq::app
