#include "platform/log/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>

#include <stdexcept>
#include <string>

namespace antq::log {

void init(std::string_view level) {
  auto parsed = spdlog::level::from_str(std::string(level));
  if (parsed == spdlog::level::off && level != "off") {
    throw std::invalid_argument("unknown log level: " + std::string(level));
  }
  auto logger = spdlog::stderr_logger_mt("antq");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v", spdlog::pattern_time_type::utc);
  logger->set_level(parsed);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

}  // namespace antq::log
