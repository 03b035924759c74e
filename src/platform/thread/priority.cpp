#include "platform/thread/priority.hpp"

#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <unistd.h>

namespace antq::thread {

void lower_priority() {
  if (setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10) != 0) {
    spdlog::debug("could not lower the priority of thread {}", gettid());
  }
}

}  // namespace antq::thread
