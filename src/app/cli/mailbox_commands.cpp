// antq keys init, grant, recover, rotate, status; antq mailbox purge, retention.
#include <fmt/format.h>

#include <iostream>

#include "app/cli/cli.hpp"

namespace antq::app {
namespace {

struct KeysArgs {
  std::string unit_code;
  std::string username;
  std::string recovery_key;
};

struct RetentionArgs {
  std::string kind;
  int days = -1;
};

std::string recovery_key_of(const KeysArgs& a) {
  return secret_of(a.recovery_key, "ANTQ_RECOVERY_KEY", "prompt.recovery_key");
}

int init_keys(Context& ctx, const KeysArgs& a) {
  auto key = ctx.keys->init(system_actor(), unit_id_by_code(ctx, a.unit_code));
  std::cout << say("keys.init.done") << "\n\n  " << key << "\n";
  return 0;
}

int grant_key(Context& ctx, const KeysArgs& a) {
  auto user = user_by_name(ctx, a.username);
  ctx.keys->grant_with_recovery(system_actor(), unit_id_by_code(ctx, a.unit_code), recovery_key_of(a), user.id);
  std::cout << say("keys.grant.done", {{"username", a.username}}) << "\n";
  return 0;
}

int rotate_keys(Context& ctx, const KeysArgs& a) {
  auto key = ctx.keys->rotate(system_actor(), unit_id_by_code(ctx, a.unit_code), recovery_key_of(a));
  std::cout << say("keys.rotate.done") << "\n\n  " << key << "\n";
  return 0;
}

int key_status(Context& ctx, const KeysArgs& a) {
  auto st = ctx.keys->status(system_actor(), unit_id_by_code(ctx, a.unit_code));
  std::cout << say("keys.status.version", {{"version", std::to_string(st.version)}}) << "\n";
  for (const auto& h : st.holders) {
    std::cout << "  " << h.username << (h.usable ? "" : " (" + say("keys.status.unusable") + ")") << "\n";
  }
  return 0;
}

int purge(Context& ctx) {
  auto r = ctx.mailbox->purge(system_actor());
  std::cout << say("mailbox.purge.done", {{"count", std::to_string(r.purged)}}) << "\n";
  return 0;
}

int retention(Context& ctx, const RetentionArgs& a) {
  if (!a.kind.empty() || a.days >= 0) ctx.mailbox->set_retention(system_actor(), a.kind, a.days);
  for (const auto& [kind, days] : ctx.mailbox->retention(system_actor())) {
    std::cout << fmt::format("{:<16} {}\n", kind, say("mailbox.retention.days", {{"days", std::to_string(days)}}));
  }
  return 0;
}

void add_keys_commands(Cli& cli) {
  auto* keys = cli.area("keys");
  auto a = std::make_shared<KeysArgs>();
  auto unit_option = [&](CLI::App* c) {
    c->add_option("--unit", a->unit_code, Cli::help("option.commune"))->required();
  };
  auto recovery_option = [&](CLI::App* c) {
    c->add_option("--recovery-key", a->recovery_key, Cli::help("option.recovery_key"));
  };
  auto* init = cli.command(keys, "init");
  unit_option(init);
  cli.on(init, [a](Context& ctx) { return init_keys(ctx, *a); });
  for (const char* name : {"grant", "recover"}) {
    auto* c = cli.command(keys, name);
    unit_option(c);
    c->add_option("--user", a->username, Cli::help("option.officer"))->required();
    recovery_option(c);
    cli.on(c, [a](Context& ctx) { return grant_key(ctx, *a); });
  }
  auto* rotate = cli.command(keys, "rotate");
  unit_option(rotate);
  recovery_option(rotate);
  cli.on(rotate, [a](Context& ctx) { return rotate_keys(ctx, *a); });
  auto* status = cli.command(keys, "status");
  unit_option(status);
  cli.on(status, [a](Context& ctx) { return key_status(ctx, *a); });
}

}  // namespace

void add_mailbox_commands(Cli& cli) {
  add_keys_commands(cli);
  auto* mailbox = cli.area("mailbox");
  cli.on(cli.command(mailbox, "purge"), purge);
  auto* retention_cmd = cli.command(mailbox, "retention");
  auto a = std::make_shared<RetentionArgs>();
  retention_cmd->add_option("--kind", a->kind, Cli::help("option.tip_kind"));
  retention_cmd->add_option("--days", a->days, Cli::help("option.days"));
  cli.on(retention_cmd, [a](Context& ctx) { return retention(ctx, *a); });
}

}  // namespace antq::app
