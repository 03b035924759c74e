#include "modules/mailbox/model.hpp"

#include <array>
#include <utility>

#include "platform/code_table.hpp"

namespace antq::mailbox {
namespace {

constexpr std::array<std::pair<Kind, std::string_view>, 4> kKinds{{{Kind::denunciation, "denunciation"},
                                                                   {Kind::crime_report, "crime_report"},
                                                                   {Kind::security_report, "security_report"},
                                                                   {Kind::suggestion, "suggestion"}}};
constexpr std::array<std::pair<Channel, std::string_view>, 7> kChannels{{{Channel::web, "web"},
                                                                         {Channel::in_person, "in_person"},
                                                                         {Channel::phone, "phone"},
                                                                         {Channel::post, "post"},
                                                                         {Channel::vneid, "vneid"},
                                                                         {Channel::transfer, "transfer"},
                                                                         {Channel::box, "box"}}};
constexpr std::array<std::pair<Status, std::string_view>, 7> kStatuses{{{Status::received, "received"},
                                                                        {Status::verifying, "verifying"},
                                                                        {Status::transferred, "transferred"},
                                                                        {Status::resolved, "resolved"},
                                                                        {Status::unfounded, "unfounded"},
                                                                        {Status::duplicate, "duplicate"},
                                                                        {Status::closed, "closed"}}};
constexpr std::array<std::pair<IdentityMode, std::string_view>, 3> kModes{{{IdentityMode::anonymous, "anonymous"},
                                                                           {IdentityMode::confidential, "confidential"},
                                                                           {IdentityMode::open, "open"}}};

}  // namespace

std::string_view code(Kind k) { return code_in(kKinds, k); }
std::string_view code(Channel c) { return code_in(kChannels, c); }
std::string_view code(Status s) { return code_in(kStatuses, s); }
std::string_view code(IdentityMode m) { return code_in(kModes, m); }
std::optional<Kind> kind_from(std::string_view s) { return value_in(kKinds, s); }
std::optional<Channel> channel_from(std::string_view s) { return value_in(kChannels, s); }
std::optional<Status> status_from(std::string_view s) { return value_in(kStatuses, s); }
std::optional<IdentityMode> identity_mode_from(std::string_view s) { return value_in(kModes, s); }

namespace {
template <typename E, std::size_t N>
std::vector<E> values_of(const std::array<std::pair<E, std::string_view>, N>& table) {
  std::vector<E> out;
  for (const auto& entry : table) out.push_back(entry.first);
  return out;
}
}  // namespace

std::vector<Kind> all_kinds() { return values_of(kKinds); }
std::vector<Channel> all_channels() { return values_of(kChannels); }
std::vector<Status> all_statuses() { return values_of(kStatuses); }
std::vector<IdentityMode> all_identity_modes() { return values_of(kModes); }

bool has_legal_deadline(Kind k) { return k == Kind::denunciation || k == Kind::crime_report; }
bool has_receipt_record(Kind k) { return has_legal_deadline(k); }

std::optional<std::int64_t> legal_deadline(Kind k, bool remote_commune, std::int64_t received_at) {
  constexpr std::int64_t kHour = 3600LL * 1000;
  if (!has_legal_deadline(k)) return std::nullopt;
  return received_at + (remote_commune ? 48 : 24) * kHour;
}
bool deadline_runs(Status s) { return s == Status::received || s == Status::verifying; }
bool registrable(Channel c) { return c != Channel::web; }

std::vector<Status> next_statuses(Status from) {
  std::vector<Status> out;
  for (auto to : all_statuses()) {
    if (allowed_transition(from, to)) out.push_back(to);
  }
  return out;
}

bool allowed_transition(Status from, Status to) {
  switch (from) {
    case Status::received:
      return to == Status::verifying || to == Status::transferred || to == Status::duplicate;
    case Status::verifying:
      return to == Status::transferred || to == Status::resolved || to == Status::unfounded || to == Status::duplicate;
    case Status::transferred:
    case Status::resolved:
    case Status::unfounded:
    case Status::duplicate:
      return to == Status::closed;
    case Status::closed:
      return false;
  }
  return false;
}

}  // namespace antq::mailbox
