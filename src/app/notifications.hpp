#pragma once
// The notification outbox with the channels the configuration turns on ([notify]): the
// log, a webhook (its secret read from, or on first use written to, webhook_secret_file),
// an SMS spool folder.
#include <memory>
#include <string>

#include "app/config.hpp"
#include "modules/notify/service.hpp"

namespace antq::app {

std::unique_ptr<notify::Service> open_notifications(const Config& config, db::Database& db, const audit::Service& audit,
                                                    const time::Clock& clock);

// The webhook's shared secret: the file's first line, or a new random one (64 hex digits)
// written there with mode 0600. Throws naming the file when it cannot.
std::string webhook_secret(const std::filesystem::path& file);

}  // namespace antq::app
