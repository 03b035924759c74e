// antq audit verify.
#include <iostream>

#include "app/cli/cli.hpp"

namespace antq::app {
namespace {

// 0 when the hash chain is whole; 3 (and the first bad entry) when it was tampered with.
int verify(Context& ctx) {
  auto v = ctx.audit->verify(system_actor());
  if (v.ok) {
    std::cout << say("audit.verify.intact", {{"count", std::to_string(v.checked)}}) << "\n";
    return 0;
  }
  std::cout << say("audit.verify.tampered", {{"id", std::to_string(*v.first_bad_id)},
                                             {"problem", v.problem},
                                             {"count", std::to_string(v.checked)}})
            << "\n";
  return 3;
}

}  // namespace

void add_audit_commands(Cli& cli) {
  auto* audit = cli.area("audit");
  cli.on(cli.command(audit, "verify"), verify);
}

}  // namespace antq::app
