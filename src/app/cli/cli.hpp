#pragma once
// The command line's frame. Each area (users, units, mailbox, audit…) registers its own
// subcommands and what they do; help texts and messages come from the i18n catalog
// (the "cli" section), in Vietnamese then English.
#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/modules.hpp"

namespace antq::app {

// The options every command takes.
struct Options {
  std::string data_dir;
  std::vector<std::string> settings;  // --set section.key=value
  std::string listen;
  std::string database_url;
};

// A catalog message in both languages, "vi / en", with {name} placeholders filled.
std::string say(std::string_view key, const std::map<std::string, std::string>& params = {});

class Cli {
 public:
  using Action = std::function<int(Context&)>;
  using ContextFreeAction = std::function<int(const Options&)>;

  explicit Cli(CLI::App& app, Options& options) : app_(app), options_(options) {}

  // A group of commands, "antq <name> …", described by cli.<name>.help.
  CLI::App* area(const std::string& name);
  // "antq <parent> <name>" (or "antq <name>" with the top level as parent), described by
  // cli.<parent>.<name>.help.
  CLI::App* command(CLI::App* parent, const std::string& name);
  CLI::App* command(const std::string& name) { return command(&app_, name); }
  // The help text of an option: cli.<key>.
  static std::string help(std::string_view key);

  // What runs when `command` was chosen: with the opened database and services, or
  // (for init, demo, migrate, restore) with the options alone.
  void on(CLI::App* command, Action action);
  void on_options(CLI::App* command, ContextFreeAction action);

  // Runs the chosen command's action; 0 when none was chosen.
  int run_chosen(const std::function<std::unique_ptr<Context>()>& open) const;

  CLI::App& app() { return app_; }
  Options& options() { return options_; }

 private:
  struct Registered {
    CLI::App* command;
    Action with_context;
    ContextFreeAction without_context;
  };
  std::string key_of(const CLI::App* parent, const std::string& name) const;

  CLI::App& app_;
  Options& options_;
  std::vector<Registered> actions_;
};

// Shared by the areas' commands.
Config config_of(const Options& options);
// The context of the options' data directory; `migrate` applies pending migrations.
std::unique_ptr<Context> context_of(const Options& options, bool migrate = true);
std::int64_t unit_id_by_code(Context& ctx, const std::string& code);
// Writes an export to `file`, or to standard output when `file` is empty.
void write_output(const std::string& file, const std::string& text);
accounts::User user_by_name(Context& ctx, const std::string& username);
// A secret from its flag, its environment variable, or typed at the terminal without echo.
std::string secret_of(const std::string& flag, const char* env_name, std::string_view prompt_key);

}  // namespace antq::app
