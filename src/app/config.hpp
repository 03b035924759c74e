#pragma once
// Configuration: DATA/antq.toml, then ANTQ_SECTION_KEY environment variables, then
// command-line flags. Unknown keys are rejected with their name.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace antq::app {

struct Config {
  std::filesystem::path data_dir;
  struct Server {
    std::string listen = "127.0.0.1:8080";
    int threads = 0;
    int workers = 0;
    int queue = 256;
    int header_limit = 8192;
    int body_limit = 1048576;
    int read_timeout = 30;
    int drain_timeout = 10;
    std::string tls_cert;
    std::string tls_key;
    std::string static_dir;
  } server;
  struct Database {
    std::string url;  // default: sqlite://DATA/antq.db
    int pool = 4;
  } database;
  struct Security {
    int session_hours = 12;
    std::string cookie_secure = "auto";  // auto | always | never
    int login_delay_after = 5;
    int login_max_delay = 900;
  } security;
  struct Log {
    std::string level = "info";
  } log;
  struct Mailbox {
    int max_files = 5;     // files per upload
    int max_file_mb = 20;  // per file
  } mailbox;
  struct Jobs {
    int check_seconds = 60;  // how often the scheduler looks for due jobs
  } jobs;
  struct Map {
    std::string basemap;  // a PMTiles archive (Protomaps basemap); empty = plain background
    std::string attribution = "© OpenStreetMap contributors, © Protomaps";
  } map;
  struct Notify {
    std::string log = "true";         // "true" | "false": reminders written into the log
    std::string webhook_url;          // http(s) URL the notifications are POSTed to; empty = none
    std::string webhook_secret_file;  // the HMAC key shared with the receiver; default DATA/webhook.key
    std::string sms_spool_dir;        // gammu-smsd's OutboxPath; empty = no SMS
    int keep_days = 90;               // sent and given-up notifications kept this long
  } notify;
  struct Privacy {
    // The key that seals personal data (camera owners' contacts); default DATA/personal-data.key.
    std::string key_file;
  } privacy;
};

// Every key, as "section.key".
std::vector<std::string> config_keys();

// Reads the configuration of `data_dir`. `overrides` ("section.key" -> value) come from
// flags and win over the environment, which wins over the file. Throws
// std::invalid_argument naming the key on an unknown key or a bad value.
Config load_config(const std::filesystem::path& data_dir, const std::map<std::string, std::string>& overrides = {});

// The text of a fresh antq.toml with every key and its default, commented.
std::string default_config_text();

}  // namespace antq::app
