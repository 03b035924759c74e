#include "modules/community/capabilities.hpp"

#include "modules/community/internal.hpp"

namespace antq::community {

std::vector<std::string> capabilities(const Actor& actor) {
  using namespace internal;
  std::vector<std::string> out;
  auto add = [&](bool allowed, const char* name) {
    if (allowed) out.emplace_back(name);
  };
  add(may_read(actor), "households.read");
  add(may_write(actor), "households.write");
  add(may_witness(actor), "households.witness");
  add(may_read_phones(actor), "households.phones");
  add(may_use_sheets(actor), "households.sheets");
  add(may_keep_teams(actor), "teams.keep");
  add(may_read_grades(actor), "gradings.read");
  add(may_grade(actor), "gradings.grade");
  add(may_read(actor), "models.read");
  add(may_keep_teams(actor), "models.keep");
  add(may_keep_types(actor), "models.types");
  add(may_witness(actor), "models.record");
  add(may_witness(actor), "offline.pack");
  return out;
}

}  // namespace antq::community
