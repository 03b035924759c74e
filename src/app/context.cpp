#include "app/context.hpp"

#include "platform/db/migrations.hpp"
#include "platform/log/log.hpp"

namespace antq::app {

std::unique_ptr<Context> open_context(Config config, bool migrate) {
  auto ctx = std::make_unique<Context>();
  ctx->config = std::move(config);
  ctx->db = db::open(ctx->config.database.url, db::Options{ctx->config.database.pool});
  if (migrate) {
    auto applied = db::migrate(*ctx->db);
    if (!applied.empty()) spdlog::info("applied {} migration(s), now at {}", applied.size(), applied.back());
  }
  ctx->audit = std::make_unique<audit::Service>(*ctx->db, ctx->clock);
  ctx->units = std::make_unique<units::Service>(*ctx->db, *ctx->audit, ctx->clock);
  accounts::Settings settings{ctx->config.security.session_hours, ctx->config.security.login_delay_after,
                              ctx->config.security.login_max_delay};
  ctx->accounts = std::make_unique<accounts::Service>(*ctx->db, *ctx->audit, *ctx->units, ctx->clock, settings);
  ctx->keys = std::make_unique<mailbox::Keys>(*ctx->db, *ctx->audit, *ctx->units, *ctx->accounts, ctx->clock);
  mailbox::FileLimits files{static_cast<std::size_t>(ctx->config.mailbox.max_files),
                            static_cast<std::size_t>(ctx->config.mailbox.max_file_mb) * 1024 * 1024};
  ctx->mailbox = std::make_unique<mailbox::Service>(*ctx->db, *ctx->audit, *ctx->units, *ctx->keys, ctx->clock, files);
  ctx->boxes = std::make_unique<mailbox::Boxes>(*ctx->db, *ctx->audit, *ctx->units, ctx->clock);
  // Keys given to a person go when that person's own key pair goes.
  auto* keys = ctx->keys.get();
  ctx->accounts->on_keys_revoked([keys](db::Tx& tx, std::int64_t user_id) { keys->revoke_user(tx, user_id); });
  return ctx;
}

}  // namespace antq::app
