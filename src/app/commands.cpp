#include "app/commands.hpp"

#include <termios.h>
#include <unistd.h>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/backup.hpp"
#include "app/context.hpp"
#include "app/demo.hpp"
#include "app/serve.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/migrations.hpp"
#include "platform/error.hpp"
#include "platform/i18n/catalog.hpp"
#include "platform/log/log.hpp"
#include "platform/progress/progress.hpp"

namespace antq::app {
namespace {

struct Options {
  std::string data_dir;
  std::vector<std::string> settings;  // --set section.key=value
  std::string listen;
  std::string database_url;
};

std::map<std::string, std::string> overrides(const Options& o) {
  std::map<std::string, std::string> out;
  for (const auto& s : o.settings) {
    auto eq = s.find('=');
    if (eq == std::string::npos) throw std::invalid_argument("--set needs section.key=value, got: " + s);
    out[s.substr(0, eq)] = s.substr(eq + 1);
  }
  if (!o.listen.empty()) out["server.listen"] = o.listen;
  if (!o.database_url.empty()) out["database.url"] = o.database_url;
  return out;
}

Config config_of(const Options& o) { return load_config(o.data_dir, overrides(o)); }

std::unique_ptr<Context> context_of(const Options& o, bool migrate = true) {
  auto config = config_of(o);
  if (config.database.url.rfind("sqlite://", 0) == 0 && !std::filesystem::exists(config.data_dir)) {
    throw std::runtime_error("no data directory at " + config.data_dir.string() + ": run antq init --data " +
                             o.data_dir);
  }
  return open_context(std::move(config), migrate);
}

// A secret from its flag, its environment variable, or typed at the terminal without echo.
std::string secret_of(const std::string& flag, const char* env_name, const char* prompt) {
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
  std::cerr << prompt << ": ";
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return line;
}

std::string password_of(const std::string& flag) { return secret_of(flag, "ANTQ_PASSWORD", "Mật khẩu / Password"); }

// Field errors in words for the terminal, in Vietnamese then English.
std::string describe(const Error& e) {
  const auto& catalog = i18n::Catalog::embedded();
  std::string out = e.internal_message();
  for (const auto& f : e.fields()) {
    out += fmt::format("\n  {}{}: {} / {}{}", f.line ? fmt::format("dòng/line {} ", *f.line) : "", f.field,
                       catalog.get(i18n::Locale::vi, "field_error." + f.code),
                       catalog.get(i18n::Locale::en, "field_error." + f.code),
                       f.value_hint.empty() ? "" : " (" + f.value_hint + ")");
  }
  return out;
}

std::int64_t unit_id_by_code(Context& ctx, const std::string& code) {
  auto unit = ctx.units->find_by_code(code);
  if (!unit) throw std::runtime_error("no unit with code " + code);
  return unit->id;
}

accounts::User user_by_name(Context& ctx, const std::string& username) {
  accounts::UserFilter f;
  f.query = username;
  f.page_size = 500;
  for (const auto& u : ctx.accounts->list(system_actor(), f).items) {
    if (u.username == username) return u;
  }
  throw std::runtime_error("no user named " + username);
}

int cmd_init(const Options& o) {
  std::filesystem::path dir = std::filesystem::absolute(o.data_dir);
  std::filesystem::create_directories(dir);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
  auto toml = dir / "antq.toml";
  if (!std::filesystem::exists(toml)) {
    std::ofstream(toml) << default_config_text();
  }
  auto ctx = context_of(o);
  std::cout << "Đã khởi tạo / initialised: " << dir.string() << "\n";
  return 0;
}

int cmd_demo(const Options& o, const std::string& password) {
  if (!std::filesystem::exists(std::filesystem::path(o.data_dir) / "antq.toml")) cmd_init(o);
  auto ctx = context_of(o);
  auto recovery = load_demo(*ctx, password);
  if (recovery) {
    std::cout << "Đã nạp dữ liệu mẫu / demo data loaded.\n"
              << "Khóa khôi phục hòm thư xã Tân Trào / Tân Trào's mailbox recovery key: " << *recovery << "\n";
  } else {
    std::cout << "Cơ sở dữ liệu đã có dữ liệu: không nạp lại / the database already has data: unchanged.\n";
  }
  return 0;
}

int cmd_migrate(const Options& o, bool status_only) {
  auto ctx = context_of(o, !status_only);
  for (const auto& s : db::migration_status(*ctx->db)) {
    std::cout << fmt::format("{:04} {:<24} {}\n", s.version, s.name, s.applied ? "applied" : "pending");
  }
  return 0;
}

void print_users(Context& ctx) {
  accounts::UserFilter f;
  f.page_size = 500;
  for (const auto& u : ctx.accounts->list(system_actor(), f).items) {
    std::cout << fmt::format("{:<24} {:<12} {:<30} {}{}\n", u.username, role_code(u.role), u.unit_name, u.full_name,
                             u.disabled ? " [disabled]" : "");
  }
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"antq — Phong trào toàn dân bảo vệ an ninh Tổ quốc"};
  app.set_version_flag("--version", std::string("antq ") + ANTQ_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // "antq init --data DIR": global options may follow the command
  Options o;
  const char* env_data = std::getenv("ANTQ_DATA");
  o.data_dir = env_data ? env_data : "data";
  app.add_option("--data", o.data_dir, "data directory (antq.toml, antq.db)")->capture_default_str();
  app.add_option("--set", o.settings, "override a configuration key: section.key=value");
  app.add_option("--database-url", o.database_url, "database.url");

  auto* init = app.add_subcommand("init", "create the data directory and the database");
  auto* routes_cmd = app.add_subcommand("routes", "list every route the server answers (METHOD /path)");
  auto* serve_cmd = app.add_subcommand("serve", "serve the web application and the API");
  serve_cmd->add_option("--listen", o.listen, "address:port (server.listen)");
  auto* migrate = app.add_subcommand("migrate", "apply pending migrations, or show them");
  std::string migrate_action;
  migrate->add_option("action", migrate_action, "status")->check(CLI::IsMember({"status"}));

  auto* user = app.add_subcommand("user", "staff accounts");
  user->require_subcommand(1);
  std::string username, full_name, role, unit_code, password, locale = "vi";
  auto* user_add = user->add_subcommand("add", "create an account");
  user_add->add_option("username", username)->required();
  user_add->add_option("--full-name", full_name)->required();
  user_add->add_option("--role", role, "admin, officer, team_member, reviewer, auditor")->required();
  user_add->add_option("--unit", unit_code, "code of the unit the account is scoped to")->required();
  user_add->add_option("--password", password, "or ANTQ_PASSWORD, or typed");
  auto* user_list = user->add_subcommand("list", "list accounts");
  auto* user_passwd = user->add_subcommand("passwd", "set a new password");
  user_passwd->add_option("username", username)->required();
  user_passwd->add_option("--password", password, "or ANTQ_PASSWORD, or typed");
  auto* user_disable = user->add_subcommand("disable", "disable an account and end its sessions");
  user_disable->add_option("username", username)->required();

  auto* units_cmd = app.add_subcommand("units", "administrative units");
  units_cmd->require_subcommand(1);
  std::string file;
  auto* units_import = units_cmd->add_subcommand("import", "import units from CSV (all rows or nothing)");
  units_import->add_option("file", file)->required()->check(CLI::ExistingFile);
  bool dry_run = false;
  units_import->add_flag("--dry-run", dry_run, "check every row and list the bad ones; write nothing");
  auto* units_export = units_cmd->add_subcommand("export", "export units as CSV (to a file or stdout)");
  units_export->add_option("file", file);

  auto* demo = app.add_subcommand("demo", "create the data directory if needed and load the demo data");
  std::string demo_password = "antq-demo-2026";
  demo->add_option("--password", demo_password, "password of every demo account")->capture_default_str();

  auto* backup_cmd = app.add_subcommand("backup", "write a consistent backup, even while serving");
  backup_cmd->add_option("file", file)->required();
  auto* restore_cmd = app.add_subcommand("restore", "replace the database with a backup (server stopped)");
  restore_cmd->add_option("file", file)->required()->check(CLI::ExistingFile);

  auto* keys_cmd = app.add_subcommand("keys", "mailbox keys of a commune (khóa hòm thư)");
  keys_cmd->require_subcommand(1);
  std::string recovery_key;
  auto* keys_init = keys_cmd->add_subcommand("init", "create the commune's key pair; prints the recovery key once");
  keys_init->add_option("--unit", unit_code, "code of the commune")->required();
  auto* keys_grant = keys_cmd->add_subcommand("grant", "give the commune's key to an officer, with the recovery key");
  auto* keys_recover = keys_cmd->add_subcommand("recover", "same as grant: restore an officer's access");
  for (auto* c : {keys_grant, keys_recover}) {
    c->add_option("--unit", unit_code, "code of the commune")->required();
    c->add_option("--user", username, "the officer (must have signed in once)")->required();
    c->add_option("--recovery-key", recovery_key, "or ANTQ_RECOVERY_KEY, or typed");
  }
  auto* keys_rotate = keys_cmd->add_subcommand("rotate", "new key pair; prints the new recovery key");
  keys_rotate->add_option("--unit", unit_code, "code of the commune")->required();
  keys_rotate->add_option("--recovery-key", recovery_key, "or ANTQ_RECOVERY_KEY, or typed");
  auto* keys_status = keys_cmd->add_subcommand("status", "key version and who holds it");
  keys_status->add_option("--unit", unit_code, "code of the commune")->required();

  auto* mailbox_cmd = app.add_subcommand("mailbox", "the digital mailbox (hòm thư)");
  mailbox_cmd->require_subcommand(1);
  auto* mailbox_purge = mailbox_cmd->add_subcommand("purge", "delete closed tips past their retention (counts kept)");
  auto* mailbox_retention = mailbox_cmd->add_subcommand("retention", "show or set days a closed tip is kept");
  std::string retention_kind;
  int retention_days = -1;
  mailbox_retention->add_option("--kind", retention_kind, "denunciation, crime_report, security_report, suggestion");
  mailbox_retention->add_option("--days", retention_days, "days after closing");

  auto* audit_cmd = app.add_subcommand("audit", "audit log");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand("verify", "check the hash chain of the whole log");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  try {
    crypto::init();
    auto level = config_of(o).log.level;
    log::init(level);
    if (*init) return cmd_init(o);
    if (*demo) return cmd_demo(o, demo_password);
    if (*migrate) return cmd_migrate(o, migrate_action == "status");
    if (*restore_cmd) {
      restore(config_of(o), file);
      return 0;
    }
    auto ctx = context_of(o);
    if (*serve_cmd) return serve(*ctx);
    if (*routes_cmd) return print_routes(*ctx);
    if (*user_add) {
      accounts::NewUser in{username, full_name, role, unit_id_by_code(*ctx, unit_code), password_of(password), locale};
      auto u = ctx->accounts->create(system_actor(), in);
      std::cout << "Đã tạo tài khoản / created: " << u.username << "\n";
    } else if (*user_list) {
      print_users(*ctx);
    } else if (*user_passwd) {
      accounts::UserPatch p;
      p.password = password_of(password);
      ctx->accounts->update(system_actor(), user_by_name(*ctx, username).id, p);
      std::cout << "Đã đổi mật khẩu / password changed: " << username << "\n";
    } else if (*user_disable) {
      accounts::UserPatch p;
      p.disabled = true;
      ctx->accounts->update(system_actor(), user_by_name(*ctx, username).id, p);
      std::cout << "Đã khóa tài khoản / disabled: " << username << "\n";
    } else if (*units_import) {
      std::ifstream in(file, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      Progress progress("Nhập đơn vị / units", std::cerr, isatty(STDERR_FILENO) != 0);
      units::ImportOptions options;
      options.dry_run = dry_run;
      options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
      auto r = ctx->units->import_csv(system_actor(), ss.str(), options);
      progress.finish();
      std::cout << fmt::format("{}: {} mới / created, {} cập nhật / updated ({})\n",
                               r.dry_run ? "Kiểm tra, chưa ghi gì / dry run, nothing written" : "Đã nhập / imported",
                               r.created, r.updated, r.encoding);
    } else if (*units_export) {
      auto csv = ctx->units->export_csv(system_actor());
      if (file.empty()) {
        std::cout << csv;
      } else {
        std::ofstream(file, std::ios::binary) << csv;
      }
    } else if (*backup_cmd) {
      backup(*ctx, file);
    } else if (*keys_init) {
      auto key = ctx->keys->init(system_actor(), unit_id_by_code(*ctx, unit_code));
      std::cout << "Khóa khôi phục (chỉ hiện một lần, hãy chép và cất giữ ngoài máy) /\n"
                   "Recovery key (shown once: write it down and keep it offline):\n\n  "
                << key << "\n";
    } else if (*keys_grant || *keys_recover) {
      auto user = user_by_name(*ctx, username);
      ctx->keys->grant_with_recovery(system_actor(), unit_id_by_code(*ctx, unit_code),
                                     secret_of(recovery_key, "ANTQ_RECOVERY_KEY", "Khóa khôi phục / Recovery key"),
                                     user.id);
      std::cout << "Đã trao khóa / key given to: " << username << "\n";
    } else if (*keys_rotate) {
      auto key = ctx->keys->rotate(system_actor(), unit_id_by_code(*ctx, unit_code),
                                   secret_of(recovery_key, "ANTQ_RECOVERY_KEY", "Khóa khôi phục / Recovery key"));
      std::cout << "Khóa khôi phục mới / new recovery key (the old one no longer works):\n\n  " << key << "\n";
    } else if (*keys_status) {
      auto st = ctx->keys->status(system_actor(), unit_id_by_code(*ctx, unit_code));
      std::cout << fmt::format("version {}\n", st.version);
      for (const auto& h : st.holders) {
        std::cout << fmt::format("  {}{}\n", h.username, h.usable ? "" : " (unusable: signed in again after a reset)");
      }
    } else if (*mailbox_purge) {
      auto r = ctx->mailbox->purge(system_actor());
      std::cout << fmt::format("Đã xóa / purged: {} tin\n", r.purged);
    } else if (*mailbox_retention) {
      if (!retention_kind.empty() || retention_days >= 0) {
        ctx->mailbox->set_retention(system_actor(), retention_kind, retention_days);
      }
      for (const auto& [kind, days] : ctx->mailbox->retention(system_actor())) {
        std::cout << fmt::format("{:<16} {} ngày / days\n", kind, days);
      }
    } else if (*audit_verify) {
      auto v = ctx->audit->verify(system_actor());
      if (v.ok) {
        std::cout << fmt::format("Nhật ký toàn vẹn / audit log intact: {} entries\n", v.checked);
        return 0;
      }
      std::cout << fmt::format("NHẬT KÝ BỊ SỬA / AUDIT LOG TAMPERED at entry {}: {} ({} entries verified before)\n",
                               *v.first_bad_id, v.problem, v.checked);
      return 3;
    }
    return 0;
  } catch (const Error& e) {
    std::cerr << "antq: " << describe(e) << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "antq: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace antq::app
