#include "app/cli/cli.hpp"

#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "platform/i18n/catalog.hpp"

namespace antq::app {
namespace {

std::string fill(std::string text, const std::map<std::string, std::string>& params) {
  for (const auto& [name, value] : params) {
    std::string placeholder = "{" + name + "}";
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

}  // namespace

std::string say(std::string_view key, const std::map<std::string, std::string>& params) {
  const auto& catalog = i18n::Catalog::embedded();
  std::string full = "cli." + std::string(key);
  auto vi = fill(catalog.get(i18n::Locale::vi, full), params);
  auto en = fill(catalog.get(i18n::Locale::en, full), params);
  return vi == en ? vi : vi + " / " + en;
}

std::string Cli::help(std::string_view key) { return say(key); }

std::string Cli::key_of(const CLI::App* parent, const std::string& name) const {
  if (parent == &app_) return name + ".help";
  return parent->get_name() + "." + name + ".help";
}

CLI::App* Cli::area(const std::string& name) {
  auto* group = app_.add_subcommand(name, say(key_of(&app_, name)));
  group->require_subcommand(1);
  return group;
}

CLI::App* Cli::command(CLI::App* parent, const std::string& name) {
  return parent->add_subcommand(name, say(key_of(parent, name)));
}

void Cli::on(CLI::App* command, Action action) { actions_.push_back({command, std::move(action), nullptr}); }

void Cli::on_options(CLI::App* command, ContextFreeAction action) {
  actions_.push_back({command, nullptr, std::move(action)});
}

int Cli::run_chosen(const std::function<std::unique_ptr<Context>()>& open) const {
  for (const auto& a : actions_) {
    if (!a.command->parsed()) continue;
    if (a.without_context) return a.without_context(options_);
    auto ctx = open();
    return a.with_context(*ctx);
  }
  return 0;
}

namespace {

std::map<std::string, std::string> overrides(const Options& o) {
  std::map<std::string, std::string> out;
  for (const auto& s : o.settings) {
    auto eq = s.find('=');
    if (eq == std::string::npos) throw std::invalid_argument(say("error.bad_set", {{"value", s}}));
    out[s.substr(0, eq)] = s.substr(eq + 1);
  }
  if (!o.listen.empty()) out["server.listen"] = o.listen;
  if (!o.database_url.empty()) out["database.url"] = o.database_url;
  return out;
}

}  // namespace

Config config_of(const Options& options) { return load_config(options.data_dir, overrides(options)); }

std::unique_ptr<Context> context_of(const Options& options, bool migrate) {
  auto config = config_of(options);
  if (config.database.url.rfind("sqlite://", 0) == 0 && !std::filesystem::exists(config.data_dir)) {
    throw std::runtime_error(say("error.no_data_dir", {{"dir", config.data_dir.string()}, {"arg", options.data_dir}}));
  }
  return open_context(std::move(config), migrate);
}

void write_output(const std::string& file, const std::string& text) {
  if (file.empty()) {
    std::cout << text;
  } else {
    std::ofstream(file, std::ios::binary) << text;
  }
}

std::int64_t unit_id_by_code(Context& ctx, const std::string& code) {
  auto unit = ctx.units->find_by_code(code);
  if (!unit) throw std::runtime_error(say("error.no_unit", {{"code", code}}));
  return unit->id;
}

accounts::User user_by_name(Context& ctx, const std::string& username) {
  accounts::UserFilter f;
  f.query = username;
  f.page_size = 500;
  for (const auto& u : ctx.accounts->list(system_actor(), f).items) {
    if (u.username == username) return u;
  }
  throw std::runtime_error(say("error.no_user", {{"username", username}}));
}

std::string secret_of(const std::string& flag, const char* env_name, std::string_view prompt_key) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv(env_name)) return env;
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    std::getline(std::cin, line);
    return line;
  }
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::cerr << say(prompt_key) << ": ";
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return line;
}

}  // namespace antq::app
