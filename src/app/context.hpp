#pragma once
// Everything a command needs, assembled once from the configuration.
#include <memory>

#include "app/config.hpp"
#include "modules/accounts/service.hpp"
#include "modules/audit/service.hpp"
#include "modules/mailbox/boxes.hpp"
#include "modules/mailbox/keys.hpp"
#include "modules/mailbox/service.hpp"
#include "modules/units/service.hpp"
#include "platform/db/database.hpp"
#include "platform/time/time.hpp"

namespace antq::app {

struct Context {
  Config config;
  time::SystemClock clock;
  std::unique_ptr<db::Database> db;
  std::unique_ptr<audit::Service> audit;
  std::unique_ptr<units::Service> units;
  std::unique_ptr<accounts::Service> accounts;
  std::unique_ptr<mailbox::Keys> keys;
  std::unique_ptr<mailbox::Service> mailbox;
  std::unique_ptr<mailbox::Boxes> boxes;
};

// Opens the database (applying pending migrations when `migrate` is true) and builds the
// services. Throws with a readable message when the database cannot be opened.
std::unique_ptr<Context> open_context(Config config, bool migrate = true);

}  // namespace antq::app
