#pragma once
// Logging: spdlog to stderr, one line per event, UTC timestamps. Every line about a
// request carries its request id. Secrets (passwords, tokens, tip text) are never logged.
#include <spdlog/spdlog.h>

#include <string_view>

namespace antq::log {

// level: trace, debug, info, warn, error, off. Throws std::invalid_argument otherwise.
void init(std::string_view level);

}  // namespace antq::log
