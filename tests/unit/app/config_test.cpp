// Configuration: defaults, antq.toml, ANTQ_* environment, overrides; unknown keys refused.
#include "app/config.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

#include "../support/temp_dir.hpp"

namespace antq::app {
namespace {

std::string env_name(const std::string& key) {
  std::string out = "ANTQ_";
  for (char c : key) out.push_back(c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override { clear_environment(); }
  void TearDown() override { clear_environment(); }

  static void clear_environment() {
    for (const auto& key : config_keys()) unsetenv(env_name(key).c_str());
  }

  void write_toml(const std::string& text) { std::ofstream(dir_.file("antq.toml")) << text; }

  // The message of the std::invalid_argument that load_config throws, or "".
  std::string load_error(const std::map<std::string, std::string>& overrides = {}) {
    try {
      load_config(dir_.path(), overrides);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "";
  }

  testing::TempDir dir_;
};

TEST_F(ConfigTest, WithoutAFileEverythingIsDefault) {
  auto c = load_config(dir_.path());
  EXPECT_EQ(c.data_dir, dir_.path());
  EXPECT_EQ(c.server.listen, "127.0.0.1:8080");
  EXPECT_EQ(c.server.queue, 256);
  EXPECT_EQ(c.server.body_limit, 1048576);
  EXPECT_EQ(c.database.pool, 4);
  EXPECT_EQ(c.security.session_hours, 12);
  EXPECT_EQ(c.security.cookie_secure, "auto");
  EXPECT_EQ(c.security.login_delay_after, 5);
  EXPECT_EQ(c.security.login_max_delay, 900);
  EXPECT_EQ(c.log.level, "info");
}

TEST_F(ConfigTest, DatabaseUrlDefaultsToSqliteInTheAbsoluteDataDir) {
  auto c = load_config(dir_.path());
  EXPECT_EQ(c.database.url, "sqlite://" + (dir_.path() / "antq.db").string());
  EXPECT_EQ(c.database.url.rfind("sqlite:///", 0), 0u) << "an absolute path after sqlite://";
}

TEST_F(ConfigTest, FileValuesReplaceDefaults) {
  write_toml(
      "[server]\nlisten = \"0.0.0.0:9000\"\nthreads = 3\n"
      "[database]\nurl = \"postgresql://antq@db:5432/antq\"\npool = 16\n"
      "[security]\ncookie_secure = \"always\"\n"
      "[log]\nlevel = \"debug\"\n");
  auto c = load_config(dir_.path());
  EXPECT_EQ(c.server.listen, "0.0.0.0:9000");
  EXPECT_EQ(c.server.threads, 3);
  EXPECT_EQ(c.database.url, "postgresql://antq@db:5432/antq");
  EXPECT_EQ(c.database.pool, 16);
  EXPECT_EQ(c.security.cookie_secure, "always");
  EXPECT_EQ(c.log.level, "debug");
  EXPECT_EQ(c.server.queue, 256) << "keys not in the file keep their default";
}

TEST_F(ConfigTest, UnknownKeyIsRefusedByName) {
  write_toml("[server]\nlisen = \"0.0.0.0:9000\"\n");
  auto message = load_error();
  EXPECT_NE(message.find("server.lisen"), std::string::npos) << message;
}

TEST_F(ConfigTest, UnknownSectionIsRefusedByName) {
  write_toml("[sever]\nlisten = \"0.0.0.0:9000\"\n");
  auto message = load_error();
  EXPECT_NE(message.find("sever"), std::string::npos) << message;
}

TEST_F(ConfigTest, KeyOutsideAnySectionIsRefusedByName) {
  write_toml("listen = \"0.0.0.0:9000\"\n");
  auto message = load_error();
  EXPECT_NE(message.find("listen"), std::string::npos) << message;
}

TEST_F(ConfigTest, BadIntegerNamesTheKey) {
  for (const char* value : {"\"many\"", "-1", "1000000", "\"12abc\""}) {
    write_toml(std::string("[server]\nthreads = ") + value + "\n");
    auto message = load_error();
    EXPECT_NE(message.find("server.threads"), std::string::npos) << value << ": " << message;
  }
}

TEST_F(ConfigTest, BadChoiceNamesTheKey) {
  write_toml("[security]\ncookie_secure = \"sometimes\"\n");
  auto message = load_error();
  EXPECT_NE(message.find("security.cookie_secure"), std::string::npos) << message;
}

TEST_F(ConfigTest, MalformedTomlIsAnInvalidArgument) {
  write_toml("[server\nlisten = \n");
  EXPECT_FALSE(load_error().empty());
}

TEST_F(ConfigTest, EnvironmentBeatsTheFile) {
  write_toml("[server]\nlisten = \"0.0.0.0:9000\"\n");
  setenv("ANTQ_SERVER_LISTEN", "127.0.0.1:7000", 1);
  setenv("ANTQ_DATABASE_POOL", "9", 1);
  auto c = load_config(dir_.path());
  EXPECT_EQ(c.server.listen, "127.0.0.1:7000");
  EXPECT_EQ(c.database.pool, 9);
}

TEST_F(ConfigTest, BadEnvironmentValueNamesTheKey) {
  setenv("ANTQ_DATABASE_POOL", "lots", 1);
  auto message = load_error();
  EXPECT_NE(message.find("database.pool"), std::string::npos) << message;
}

TEST_F(ConfigTest, OverridesBeatTheEnvironment) {
  write_toml("[server]\nlisten = \"0.0.0.0:9000\"\n");
  setenv("ANTQ_SERVER_LISTEN", "127.0.0.1:7000", 1);
  auto c = load_config(dir_.path(), {{"server.listen", "127.0.0.1:6000"}});
  EXPECT_EQ(c.server.listen, "127.0.0.1:6000");
}

TEST_F(ConfigTest, UnknownOverrideIsRefusedByName) {
  auto message = load_error({{"server.lisen", "x"}});
  EXPECT_NE(message.find("server.lisen"), std::string::npos) << message;
}

TEST_F(ConfigTest, TlsCertificateWithoutKeyIsRefused) {
  write_toml("[server]\ntls_cert = \"/etc/antq/cert.pem\"\n");
  auto message = load_error();
  EXPECT_NE(message.find("tls_key"), std::string::npos) << message;
}

TEST_F(ConfigTest, NotificationsGoToTheLogOnlyUntilTurnedOnAndTheWebhookMustBeHttp) {
  auto c = load_config(dir_.path());
  EXPECT_EQ(c.notify.log, "true");
  EXPECT_EQ(c.notify.webhook_url, "");
  EXPECT_EQ(c.notify.sms_spool_dir, "");
  EXPECT_EQ(c.notify.webhook_secret_file, dir_.file("webhook.key"));
  write_toml(
      "[notify]\nlog = false\nwebhook_url = \"https://ubnd.example.vn/antq\"\nsms_spool_dir = "
      "\"/var/spool/gammu/outbox\"\n");
  c = load_config(dir_.path());
  EXPECT_EQ(c.notify.log, "false");
  EXPECT_EQ(c.notify.webhook_url, "https://ubnd.example.vn/antq");
  EXPECT_EQ(c.notify.sms_spool_dir, "/var/spool/gammu/outbox");
  write_toml("[notify]\nwebhook_url = \"ftp://ubnd.example.vn/antq\"\n");
  auto message = load_error();
  EXPECT_NE(message.find("notify.webhook_url"), std::string::npos) << message;
  write_toml("[notify]\nlog = \"maybe\"\n");
  message = load_error();
  EXPECT_NE(message.find("notify.log"), std::string::npos) << message;
}

TEST_F(ConfigTest, DefaultConfigTextParsesBackToTheDefaults) {
  write_toml(default_config_text());
  auto from_text = load_config(dir_.path());
  std::filesystem::remove(dir_.file("antq.toml"));
  auto defaults = load_config(dir_.path());
  EXPECT_EQ(from_text.server.listen, defaults.server.listen);
  EXPECT_EQ(from_text.server.queue, defaults.server.queue);
  EXPECT_EQ(from_text.database.url, defaults.database.url);
  EXPECT_EQ(from_text.database.pool, defaults.database.pool);
  EXPECT_EQ(from_text.security.login_max_delay, defaults.security.login_max_delay);
  EXPECT_EQ(from_text.log.level, defaults.log.level);
}

TEST_F(ConfigTest, DefaultConfigTextMentionsEveryKey) {
  const std::string text = default_config_text();
  for (const auto& key : config_keys()) {
    auto name = key.substr(key.find('.') + 1);
    EXPECT_NE(text.find("# " + name + " = "), std::string::npos) << key;
  }
}

}  // namespace
}  // namespace antq::app
