#pragma once
// What a user may do in the community's services, by name, from the same rules the
// services apply (internal.hpp). The staff pages ask for these (GET /api/v1/auth/me)
// instead of keeping their own copies of the role lists.
#include <string>
#include <vector>

#include "modules/access.hpp"

namespace antq::community {

// Among: households.read, households.write, households.witness, households.phones,
// households.sheets (fire-safety groups follow the households' rules), teams.keep,
// gradings.read, gradings.grade, models.read, models.keep, models.types, models.record,
// offline.pack (the village's offline pack).
std::vector<std::string> capabilities(const Actor& actor);

}  // namespace antq::community
