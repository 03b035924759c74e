#include "app/modules.hpp"

#include <cstdlib>

#include "api/audit_api.hpp"
#include "api/auth_api.hpp"
#include "api/cameras_api.hpp"
#include "api/fire_api.hpp"
#include "api/footage_api.hpp"
#include "api/households_api.hpp"
#include "api/mailbox_api.hpp"
#include "api/map_api.hpp"
#include "api/models_api.hpp"
#include "api/notify_api.hpp"
#include "api/offline_api.hpp"
#include "api/system_api.hpp"
#include "api/teams_api.hpp"
#include "api/units_api.hpp"
#include "api/users_api.hpp"
#include "app/build_kind/build_kind.hpp"
#include "app/cli/cli.hpp"
#include "app/notifications.hpp"
#include "platform/db/migrations.hpp"
#include "platform/log/log.hpp"
#include "platform/privacy/personal_key.hpp"
#include "portal/portal.hpp"

namespace antq::app {
namespace {

void build_services(Context& ctx) {
  ctx.audit = std::make_unique<audit::Service>(*ctx.db, ctx.clock);
  ctx.units = std::make_unique<units::Service>(*ctx.db, *ctx.audit, ctx.clock);
  ctx.boundaries = std::make_unique<units::Boundaries>(*ctx.db, *ctx.audit, ctx.clock);
  const auto& security = ctx.config.security;
  accounts::Settings settings{security.session_hours, security.login_delay_after, security.login_max_delay};
  ctx.accounts = std::make_unique<accounts::Service>(*ctx.db, *ctx.audit, *ctx.units, ctx.clock, settings);
  ctx.keys = std::make_unique<mailbox::Keys>(*ctx.db, *ctx.audit, *ctx.units, *ctx.accounts, ctx.clock);
  mailbox::FileLimits files{static_cast<std::size_t>(ctx.config.mailbox.max_files),
                            static_cast<std::size_t>(ctx.config.mailbox.max_file_mb) * 1024 * 1024};
  ctx.mailbox = std::make_unique<mailbox::Service>(*ctx.db, *ctx.audit, *ctx.units, *ctx.keys, ctx.clock, files);
  ctx.boxes = std::make_unique<mailbox::Boxes>(*ctx.db, *ctx.audit, *ctx.units, ctx.clock);
  ctx.cameras = std::make_unique<cameras::Service>(*ctx.db, *ctx.audit, *ctx.units, *ctx.boundaries, ctx.clock,
                                                   *ctx.personal_key);
  ctx.footage = std::make_unique<cameras::Requests>(*ctx.db, *ctx.audit, *ctx.cameras, *ctx.units, ctx.clock);
  ctx.households =
      std::make_unique<community::Households>(*ctx.db, *ctx.audit, *ctx.units, ctx.clock, *ctx.personal_key);
  ctx.fire_groups =
      std::make_unique<community::FireGroups>(*ctx.db, *ctx.audit, *ctx.units, *ctx.boundaries, ctx.clock);
  ctx.teams = std::make_unique<community::Teams>(*ctx.db, *ctx.audit, *ctx.units, *ctx.boundaries, ctx.clock,
                                                 *ctx.personal_key);
  ctx.models = std::make_unique<community::Models>(*ctx.db, *ctx.audit, *ctx.units, ctx.clock);
  ctx.offline_packs =
      std::make_unique<community::OfflinePacks>(*ctx.db, *ctx.audit, *ctx.units, *ctx.boundaries, ctx.clock);
  ctx.notify = open_notifications(ctx.config, *ctx.db, *ctx.audit, ctx.clock);
  ctx.reminders = std::make_unique<reminders::Service>(*ctx.db, *ctx.units, *ctx.fire_groups, *ctx.teams, *ctx.cameras,
                                                       *ctx.notify, ctx.clock);
}

// The hooks between modules: each fired by the module that owns the event.
void connect_services(Context& ctx) {
  // Keys given to a person go when that person's own key pair goes.
  auto* keys = ctx.keys.get();
  ctx.accounts->on_keys_revoked([keys](db::Tx& tx, std::int64_t user_id) { keys->revoke_user(tx, user_id); });
  // An officer who signs in gets the mailbox search indexes refreshed in the background.
  auto* mailbox = ctx.mailbox.get();
  ctx.accounts->on_signed_in([mailbox](const accounts::Session& session) {
    mailbox->prepare_search(accounts::Service::actor_of(session.user), session.box_secret_key);
  });
}

api::CookieSecure cookie_policy(const std::string& v) {
  if (v == "always") return api::CookieSecure::always;
  if (v == "never") return api::CookieSecure::never;
  return api::CookieSecure::automatic;
}

}  // namespace

std::unique_ptr<Context> open_context(Config config, bool migrate) {
  auto ctx = std::make_unique<Context>();
  ctx->config = std::move(config);
  if (const char* file = std::getenv("ANTQ_TEST_CLOCK_FILE"); file && *file) {
    if (!kTestBuild) throw std::runtime_error(say("error.test_clock_refused"));
    ctx->clock.follow_offset_file(file);
    spdlog::warn("test build: the clock follows {} (never in production)", file);
  }
  ctx->db = db::open(ctx->config.database.url, db::Options{ctx->config.database.pool});
  if (migrate) {
    auto applied = db::migrate(*ctx->db);
    if (!applied.empty()) spdlog::info("applied {} migration(s), now at {}", applied.size(), applied.back());
  }
  ctx->personal_key = std::make_unique<crypto::FieldSealer>(privacy::open_key(ctx->config.privacy.key_file, *ctx->db));
  build_services(*ctx);
  connect_services(*ctx);
  return ctx;
}

void add_routes(http::Router& router, Context& ctx, http::Metrics& metrics) {
  const api::Auth auth{*ctx.accounts, cookie_policy(ctx.config.security.cookie_secure),
                       ctx.config.security.session_hours};
  api::add_system_routes(router, auth, *ctx.db, metrics);
  api::add_auth_routes(router, auth);
  api::add_users_routes(router, auth);
  api::add_units_routes(router, auth, *ctx.units, *ctx.boundaries);
  api::add_map_routes(router, auth, {ctx.config.map.basemap, ctx.config.map.attribution});
  api::add_audit_routes(router, auth, *ctx.audit);
  api::add_mailbox_routes(router, auth, *ctx.mailbox, *ctx.keys);
  api::add_box_routes(router, auth, *ctx.boxes, *ctx.mailbox);
  api::add_cameras_routes(router, auth, *ctx.cameras);
  api::add_footage_routes(router, auth, *ctx.footage);
  api::add_households_routes(router, auth, *ctx.households);
  api::add_fire_routes(router, auth, *ctx.fire_groups);
  api::add_drill_routes(router, auth, *ctx.fire_groups);
  api::add_extinguisher_check_routes(router, auth, *ctx.fire_groups);
  api::add_team_routes(router, auth, *ctx.teams);
  api::add_meeting_routes(router, auth, *ctx.teams);
  api::add_grading_routes(router, auth, *ctx.teams);
  api::add_model_routes(router, auth, *ctx.models);
  api::add_offline_routes(router, auth, *ctx.offline_packs);
  api::add_notify_routes(router, auth, *ctx.notify);
  portal::add_portal_routes(router, {.clock = ctx.clock,
                                     .units = *ctx.units,
                                     .mailbox = *ctx.mailbox,
                                     .footage = ctx.footage.get(),
                                     .cameras = ctx.cameras.get()});
}

void add_jobs(jobs::Scheduler& scheduler, Context& ctx) {
  // The mailbox retention purge: closed tips past their retention go, counts stay.
  scheduler.add({.name = "mailbox_purge", .hour = 2, .minute = 0, .lease_minutes = 60, .run = [&ctx] {
                   return std::to_string(ctx.mailbox->purge(system_actor()).purged) + " purged";
                 }});
  // What is due in each commune, told once to each officer and team member concerned.
  scheduler.add({.name = "community_reminders", .hour = 6, .minute = 30, .lease_minutes = 30, .run = [&ctx] {
                   auto r = ctx.reminders->run();
                   return fmt::format("{} communes, {} users told, {} notifications", r.communes, r.users,
                                      r.notifications);
                 }});
  // Sent and given-up notifications past their retention go (their text, an SMS's number).
  scheduler.add({.name = "notifications_purge", .hour = 2, .minute = 30, .lease_minutes = 30, .run = [&ctx] {
                   return std::to_string(ctx.notify->purge(ctx.config.notify.keep_days)) + " purged";
                 }});
  // The cameras' reach index (SQLite): loaded at the start, then kept up with what other
  // processes wrote, so that a search, answered where its request was read, seldom has to.
  scheduler.add_tick("cameras_reach", [&ctx] { return ctx.cameras->follow_reach(); });
  // The notifications due, at every check on every instance (each leases what it sends).
  scheduler.add_tick("notifications", [&ctx] {
    auto r = ctx.notify->dispatch();
    if (r.sent + r.retried + r.dead == 0) return std::string();
    return fmt::format("{} sent, {} to retry, {} given up", r.sent, r.retried, r.dead);
  });
}

void add_commands(Cli& cli) {
  add_system_commands(cli);
  add_users_commands(cli);
  add_units_commands(cli);
  add_mailbox_commands(cli);
  add_cameras_commands(cli);
  add_community_commands(cli);
  add_audit_commands(cli);
}

}  // namespace antq::app
