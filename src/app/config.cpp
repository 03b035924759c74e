#include "app/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

namespace antq::app {
namespace {

using Setter = std::function<void(Config&, const std::string&)>;

struct Key {
  std::string name;  // "section.key"
  Setter set;
  std::string default_text;
  std::string comment;
};

template <typename Section>
Setter text_of(Section Config::*section, std::string Section::*field) {
  return [=](Config& c, const std::string& v) { c.*section.*field = v; };
}

template <typename Section>
Setter int_of(Section Config::*section, int Section::*field, int min, int max, std::string name) {
  return [=](Config& c, const std::string& v) {
    std::size_t used = 0;
    long long n = 0;
    try {
      n = std::stoll(v, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != v.size() || v.empty() || n < min || n > max) {
      throw std::invalid_argument(name + " must be an integer from " + std::to_string(min) + " to " +
                                  std::to_string(max) + ", got: " + v);
    }
    c.*section.*field = static_cast<int>(n);
  };
}

template <typename Section>
Setter choice_of(Section Config::*section, std::string Section::*field, std::vector<std::string> allowed,
                 std::string name) {
  return [=](Config& c, const std::string& v) {
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
      std::string list;
      for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
      throw std::invalid_argument(name + " must be one of " + list + ", got: " + v);
    }
    c.*section.*field = v;
  };
}

const std::vector<Key>& keys() {
  using C = Config;
  static const std::vector<Key> k{
      {"server.listen", text_of(&C::server, &C::Server::listen), "\"127.0.0.1:8080\"", "address:port to serve on"},
      {"server.threads", int_of(&C::server, &C::Server::threads, 0, 256, "server.threads"), "0",
       "network threads; 0 = one per core"},
      {"server.workers", int_of(&C::server, &C::Server::workers, 0, 1024, "server.workers"), "0",
       "worker threads for database and hashing; 0 = two per core"},
      {"server.queue", int_of(&C::server, &C::Server::queue, 1, 100000, "server.queue"), "256",
       "blocking requests allowed to wait before answering 503"},
      {"server.header_limit", int_of(&C::server, &C::Server::header_limit, 1024, 1 << 20, "server.header_limit"),
       "8192", "bytes"},
      {"server.body_limit", int_of(&C::server, &C::Server::body_limit, 1024, 1 << 30, "server.body_limit"), "1048576",
       "bytes"},
      {"server.read_timeout", int_of(&C::server, &C::Server::read_timeout, 1, 3600, "server.read_timeout"), "30",
       "seconds before a silent client is disconnected"},
      {"server.drain_timeout", int_of(&C::server, &C::Server::drain_timeout, 0, 3600, "server.drain_timeout"), "10",
       "seconds to finish requests in flight on shutdown"},
      {"server.tls_cert", text_of(&C::server, &C::Server::tls_cert), "\"\"", "PEM certificate chain; TLS when set"},
      {"server.tls_key", text_of(&C::server, &C::Server::tls_key), "\"\"", "PEM private key"},
      {"server.static_dir", text_of(&C::server, &C::Server::static_dir), "\"\"",
       "built staff web app; empty = web/dist of the source tree"},
      {"database.url", text_of(&C::database, &C::Database::url), "\"\"",
       "sqlite:///path/antq.db or postgresql://user@host:5432/antq; empty = DATA/antq.db"},
      {"database.pool", int_of(&C::database, &C::Database::pool, 1, 256, "database.pool"), "4", "connections"},
      {"security.session_hours", int_of(&C::security, &C::Security::session_hours, 1, 720, "security.session_hours"),
       "12", "hours a sign-in lasts"},
      {"security.cookie_secure",
       choice_of(&C::security, &C::Security::cookie_secure, {"auto", "always", "never"}, "security.cookie_secure"),
       "\"auto\"", "auto = Secure cookie except on plain HTTP served on loopback"},
      {"security.login_delay_after",
       int_of(&C::security, &C::Security::login_delay_after, 1, 100, "security.login_delay_after"), "5",
       "failed sign-ins before delays start"},
      {"security.login_max_delay",
       int_of(&C::security, &C::Security::login_max_delay, 1, 86400, "security.login_max_delay"), "900",
       "longest delay between attempts, seconds"},
      {"log.level", choice_of(&C::log, &C::Log::level, {"trace", "debug", "info", "warn", "error", "off"}, "log.level"),
       "\"info\"", "trace, debug, info, warn, error, off"},
      {"mailbox.max_files", int_of(&C::mailbox, &C::Mailbox::max_files, 0, 20, "mailbox.max_files"), "5",
       "files a resident may send at once (0 = none)"},
      {"mailbox.max_file_mb", int_of(&C::mailbox, &C::Mailbox::max_file_mb, 1, 200, "mailbox.max_file_mb"), "20",
       "largest file a resident may send, in MiB"},
      {"jobs.check_seconds", int_of(&C::jobs, &C::Jobs::check_seconds, 1, 3600, "jobs.check_seconds"), "60",
       "how often scheduled jobs (the daily purge …) are looked for, seconds"},
      {"map.basemap", text_of(&C::map, &C::Map::basemap), "\"\"",
       "a Protomaps basemap .pmtiles file for the staff maps; empty = boundaries on a plain background"},
      {"map.attribution", text_of(&C::map, &C::Map::attribution), "\"© OpenStreetMap contributors, © Protomaps\"",
       "credit shown on the map when the basemap is set"},
      {"notify.log", choice_of(&C::notify, &C::Notify::log, {"true", "false"}, "notify.log"), "true",
       "write each notification into the log"},
      {"notify.webhook_url", text_of(&C::notify, &C::Notify::webhook_url), "\"\"",
       "http(s) URL that receives each notification as signed JSON; empty = none"},
      {"notify.webhook_secret_file", text_of(&C::notify, &C::Notify::webhook_secret_file), "\"\"",
       "the secret the webhook's signature is made with (made on first use); empty = DATA/webhook.key"},
      {"notify.sms_spool_dir", text_of(&C::notify, &C::Notify::sms_spool_dir), "\"\"",
       "gammu-smsd's outbox folder (OutboxPath) for text messages through a USB modem; empty = no SMS"},
      {"notify.keep_days", int_of(&C::notify, &C::Notify::keep_days, 1, 3650, "notify.keep_days"), "90",
       "days a sent or given-up notification (its text, an SMS's number) is kept"},
      {"privacy.key_file", text_of(&C::privacy, &C::Privacy::key_file), "\"\"",
       "the key sealing personal data (keep a copy apart from the database backups); empty = DATA/personal-data.key"},
  };
  return k;
}

const Key* find_key(const std::string& name) {
  for (const auto& k : keys()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

std::string env_name(const std::string& key) {
  std::string out = "ANTQ_";
  for (char c : key) out.push_back(c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

std::string node_text(const toml::node& node, const std::string& name) {
  if (auto s = node.as_string()) return s->get();
  if (auto i = node.as_integer()) return std::to_string(i->get());
  if (auto b = node.as_boolean()) return b->get() ? "true" : "false";
  throw std::invalid_argument(name + ": unsupported value type");
}

void apply_file(Config& c, const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return;
  std::stringstream ss;
  ss << in.rdbuf();
  toml::table table;
  try {
    table = toml::parse(ss.str(), std::string_view{file.string()});
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << file.string() << ": " << e.description() << " (line " << e.source().begin.line << ")";
    throw std::invalid_argument(msg.str());
  }
  for (const auto& [section, value] : table) {
    const auto* sub = value.as_table();
    if (!sub) throw std::invalid_argument("unknown configuration key: " + std::string(section.str()));
    bool known_section = false;
    for (const auto& k : keys()) known_section |= k.name.rfind(std::string(section.str()) + ".", 0) == 0;
    if (!known_section) throw std::invalid_argument("unknown configuration section: " + std::string(section.str()));
    for (const auto& [key, node] : *sub) {
      std::string name = std::string(section.str()) + "." + std::string(key.str());
      const Key* k = find_key(name);
      if (!k) throw std::invalid_argument("unknown configuration key: " + name);
      k->set(c, node_text(node, name));
    }
  }
}

}  // namespace

std::vector<std::string> config_keys() {
  std::vector<std::string> out;
  for (const auto& k : keys()) out.push_back(k.name);
  return out;
}

Config load_config(const std::filesystem::path& data_dir, const std::map<std::string, std::string>& overrides) {
  Config c;
  c.data_dir = std::filesystem::absolute(data_dir);
  apply_file(c, c.data_dir / "antq.toml");
  for (const auto& k : keys()) {
    if (const char* v = std::getenv(env_name(k.name).c_str())) k.set(c, v);
  }
  for (const auto& [name, value] : overrides) {
    const Key* k = find_key(name);
    if (!k) throw std::invalid_argument("unknown configuration key: " + name);
    k->set(c, value);
  }
  if (c.database.url.empty()) c.database.url = "sqlite://" + (c.data_dir / "antq.db").string();
  if (c.privacy.key_file.empty()) c.privacy.key_file = (c.data_dir / "personal-data.key").string();
  if (c.notify.webhook_secret_file.empty()) c.notify.webhook_secret_file = (c.data_dir / "webhook.key").string();
  const auto& hook = c.notify.webhook_url;
  if (!hook.empty() && hook.rfind("http://", 0) != 0 && hook.rfind("https://", 0) != 0) {
    throw std::invalid_argument("notify.webhook_url must start with http:// or https://");
  }
  if (c.server.tls_cert.empty() != c.server.tls_key.empty()) {
    throw std::invalid_argument("server.tls_cert and server.tls_key must be set together");
  }
  return c;
}

std::string default_config_text() {
  std::string out =
      "# antq configuration. Every key can be overridden by an environment variable\n"
      "# ANTQ_SECTION_KEY (e.g. ANTQ_SERVER_LISTEN) and by command-line flags.\n";
  std::string section;
  for (const auto& k : keys()) {
    auto dot = k.name.find('.');
    auto sec = k.name.substr(0, dot);
    if (sec != section) {
      out += "\n[" + sec + "]\n";
      section = sec;
    }
    out += "# " + k.comment + "\n# " + k.name.substr(dot + 1) + " = " + k.default_text + "\n";
  }
  return out;
}

}  // namespace antq::app
