// antq init, demo, migrate, serve, routes, backup, restore.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/backup.hpp"
#include "app/cli/cli.hpp"
#include "app/demo.hpp"
#include "app/serve.hpp"
#include "platform/db/migrations.hpp"

namespace antq::app {
namespace {

int init(const Options& o) {
  std::filesystem::path dir = std::filesystem::absolute(o.data_dir);
  std::filesystem::create_directories(dir);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
  auto toml = dir / "antq.toml";
  if (!std::filesystem::exists(toml)) std::ofstream(toml) << default_config_text();
  auto ctx = context_of(o);
  std::cout << say("init.done", {{"dir", dir.string()}}) << "\n";
  return 0;
}

int demo(const Options& o, const std::string& password) {
  if (!std::filesystem::exists(std::filesystem::path(o.data_dir) / "antq.toml")) init(o);
  auto ctx = context_of(o);
  auto recovery = load_demo(*ctx, password);
  if (recovery) {
    std::cout << say("demo.loaded") << "\n" << say("demo.recovery_key", {{"key", *recovery}}) << "\n";
  } else {
    std::cout << say("demo.unchanged") << "\n";
  }
  return 0;
}

int migrate(const Options& o, bool status_only) {
  auto ctx = context_of(o, !status_only);
  for (const auto& s : db::migration_status(*ctx->db)) {
    std::cout << fmt::format("{:04} {:<24} {}\n", s.version, s.name, s.applied ? "applied" : "pending");
  }
  return 0;
}

}  // namespace

void add_system_commands(Cli& cli) {
  auto* init_cmd = cli.command("init");
  cli.on_options(init_cmd, init);

  auto* routes = cli.command("routes");
  cli.on(routes, print_routes);

  auto* serve_cmd = cli.command("serve");
  serve_cmd->add_option("--listen", cli.options().listen, Cli::help("option.listen"));
  cli.on(serve_cmd, serve);

  auto* migrate_cmd = cli.command("migrate");
  auto action = std::make_shared<std::string>();
  migrate_cmd->add_option("action", *action, "status")->check(CLI::IsMember({"status"}));
  cli.on_options(migrate_cmd, [action](const Options& o) { return migrate(o, *action == "status"); });

  auto* demo_cmd = cli.command("demo");
  auto password = std::make_shared<std::string>("antq-demo-2026");
  demo_cmd->add_option("--password", *password, Cli::help("option.demo_password"))->capture_default_str();
  cli.on_options(demo_cmd, [password](const Options& o) { return demo(o, *password); });

  auto file = std::make_shared<std::string>();
  auto* backup_cmd = cli.command("backup");
  backup_cmd->add_option("file", *file)->required();
  cli.on(backup_cmd, [file](Context& ctx) {
    backup(ctx, *file);
    return 0;
  });
  auto* restore_cmd = cli.command("restore");
  restore_cmd->add_option("file", *file)->required()->check(CLI::ExistingFile);
  cli.on_options(restore_cmd, [file](const Options& o) {
    restore(config_of(o), *file);
    return 0;
  });
}

}  // namespace antq::app
