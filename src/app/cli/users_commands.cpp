// antq user add, list, passwd, disable.
#include <fmt/format.h>

#include <iostream>

#include "app/cli/cli.hpp"

namespace antq::app {
namespace {

struct UserArgs {
  std::string username;
  std::string full_name;
  std::string role;
  std::string unit_code;
  std::string password;
};

std::string password_of(const std::string& flag) { return secret_of(flag, "ANTQ_PASSWORD", "prompt.password"); }

int add_user(Context& ctx, const UserArgs& a) {
  accounts::NewUser in{a.username, a.full_name, a.role, unit_id_by_code(ctx, a.unit_code), password_of(a.password),
                       "vi"};
  auto u = ctx.accounts->create(system_actor(), in);
  std::cout << say("user.add.done", {{"username", u.username}}) << "\n";
  return 0;
}

int list_users(Context& ctx) {
  accounts::UserFilter f;
  f.page_size = 500;
  for (const auto& u : ctx.accounts->list(system_actor(), f).items) {
    std::cout << fmt::format("{:<24} {:<12} {:<30} {}{}\n", u.username, role_code(u.role), u.unit_name, u.full_name,
                             u.disabled ? " [" + say("user.list.disabled") + "]" : "");
  }
  return 0;
}

int update_user(Context& ctx, const std::string& username, const accounts::UserPatch& patch,
                std::string_view done_key) {
  ctx.accounts->update(system_actor(), user_by_name(ctx, username).id, patch);
  std::cout << say(done_key, {{"username", username}}) << "\n";
  return 0;
}

}  // namespace

void add_users_commands(Cli& cli) {
  auto* user = cli.area("user");
  auto a = std::make_shared<UserArgs>();

  auto* add = cli.command(user, "add");
  add->add_option("username", a->username)->required();
  add->add_option("--full-name", a->full_name)->required();
  add->add_option("--role", a->role, Cli::help("option.role"))->required();
  add->add_option("--unit", a->unit_code, Cli::help("option.user_unit"))->required();
  add->add_option("--password", a->password, Cli::help("option.password"));
  cli.on(add, [a](Context& ctx) { return add_user(ctx, *a); });

  cli.on(cli.command(user, "list"), list_users);

  auto* passwd = cli.command(user, "passwd");
  passwd->add_option("username", a->username)->required();
  passwd->add_option("--password", a->password, Cli::help("option.password"));
  cli.on(passwd, [a](Context& ctx) {
    accounts::UserPatch p;
    p.password = password_of(a->password);
    return update_user(ctx, a->username, p, "user.passwd.done");
  });

  auto* disable = cli.command(user, "disable");
  disable->add_option("username", a->username)->required();
  cli.on(disable, [a](Context& ctx) {
    accounts::UserPatch p;
    p.disabled = true;
    return update_user(ctx, a->username, p, "user.disable.done");
  });
}

}  // namespace antq::app
