#pragma once
// The one place where modules are wired in: the services every command and the server
// use (Context), how they are built and hooked to each other, their routes and their
// commands. A new module adds its service here and one line in each function of
// modules.cpp.
#include <memory>

#include "app/config.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "modules/accounts/service.hpp"
#include "modules/audit/service.hpp"
#include "modules/cameras/requests.hpp"
#include "modules/cameras/service.hpp"
#include "modules/community/fire_groups.hpp"
#include "modules/community/households.hpp"
#include "modules/community/models.hpp"
#include "modules/community/offline_pack.hpp"
#include "modules/community/teams.hpp"
#include "modules/mailbox/boxes.hpp"
#include "modules/mailbox/keys.hpp"
#include "modules/mailbox/service.hpp"
#include "modules/notify/service.hpp"
#include "modules/reminders/service.hpp"
#include "modules/units/boundaries.hpp"
#include "modules/units/service.hpp"
#include "platform/crypto/sealer.hpp"
#include "platform/db/database.hpp"
#include "platform/jobs/scheduler.hpp"
#include "platform/time/time.hpp"

namespace antq::app {

class Cli;

// Everything a command needs, assembled once from the configuration.
struct Context {
  Config config;
  time::ProcessClock clock;
  std::unique_ptr<db::Database> db;
  std::unique_ptr<crypto::FieldSealer> personal_key;  // seals personal data ([privacy] key_file)
  std::unique_ptr<audit::Service> audit;
  std::unique_ptr<units::Service> units;
  std::unique_ptr<units::Boundaries> boundaries;
  std::unique_ptr<accounts::Service> accounts;
  std::unique_ptr<mailbox::Keys> keys;
  std::unique_ptr<mailbox::Service> mailbox;
  std::unique_ptr<mailbox::Boxes> boxes;
  std::unique_ptr<cameras::Service> cameras;
  std::unique_ptr<cameras::Requests> footage;
  std::unique_ptr<community::Households> households;
  std::unique_ptr<community::FireGroups> fire_groups;
  std::unique_ptr<community::Teams> teams;
  std::unique_ptr<community::Models> models;
  std::unique_ptr<community::OfflinePacks> offline_packs;
  std::unique_ptr<notify::Service> notify;  // the senders [notify] turns on
  std::unique_ptr<reminders::Service> reminders;
};

// Opens the database (applying pending migrations when `migrate` is true) and builds the
// services. Throws with a readable message when the database cannot be opened, or when
// ANTQ_TEST_CLOCK_FILE is set for a binary that is not a test build.
std::unique_ptr<Context> open_context(Config config, bool migrate = true);

// Every route the server answers: the system endpoints, each module's API and the
// citizen pages.
void add_routes(http::Router& router, Context& ctx, http::Metrics& metrics);

// Every scheduled job (run once a day, once across the instances sharing the database).
void add_jobs(jobs::Scheduler& scheduler, Context& ctx);

// Every command of the command line, area by area.
void add_commands(Cli& cli);
// Each area's commands (src/app/cli/<area>_commands.cpp).
void add_system_commands(Cli& cli);
void add_users_commands(Cli& cli);
void add_units_commands(Cli& cli);
void add_mailbox_commands(Cli& cli);
void add_cameras_commands(Cli& cli);
void add_community_commands(Cli& cli);
void add_audit_commands(Cli& cli);

}  // namespace antq::app
