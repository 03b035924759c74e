#include "modules/cameras/model.hpp"

#include <array>
#include <utility>

#include "platform/code_table.hpp"

namespace antq::cameras {
namespace {

constexpr std::array<std::pair<OwnerKind, std::string_view>, 5> kOwnerKinds{{{OwnerKind::public_use, "public"},
                                                                             {OwnerKind::household, "household"},
                                                                             {OwnerKind::business, "business"},
                                                                             {OwnerKind::agency, "agency"},
                                                                             {OwnerKind::school, "school"}}};
constexpr std::array<std::pair<Status, std::string_view>, 3> kStatuses{
    {{Status::working, "working"}, {Status::faulty, "faulty"}, {Status::removed, "removed"}}};
constexpr std::array<std::pair<Sharing, std::string_view>, 3> kSharings{
    {{Sharing::live, "live"}, {Sharing::on_request, "on_request"}, {Sharing::none, "none"}}};
constexpr std::array<std::pair<Storage, std::string_view>, 3> kStorages{
    {{Storage::nvr, "nvr"}, {Storage::cloud, "cloud"}, {Storage::memory_card, "memory_card"}}};
constexpr std::array<std::pair<Funding, std::string_view>, 3> kFundings{
    {{Funding::socialised, "socialised"}, {Funding::commune_budget, "commune_budget"}, {Funding::shared, "shared"}}};

template <typename Table>
std::vector<std::string_view> codes(const Table& table) {
  std::vector<std::string_view> out;
  for (const auto& entry : table) out.push_back(entry.second);
  return out;
}

}  // namespace

std::vector<std::string_view> owner_kind_codes() { return codes(kOwnerKinds); }
std::vector<std::string_view> status_codes() { return codes(kStatuses); }
std::vector<std::string_view> sharing_codes() { return codes(kSharings); }
std::vector<std::string_view> storage_codes() { return codes(kStorages); }
std::vector<std::string_view> funding_codes() { return codes(kFundings); }
std::vector<std::string_view> check_result_codes() { return {"ok", "faulty", "unreachable"}; }

std::string_view code_of(OwnerKind v) { return code_in(kOwnerKinds, v); }
std::string_view code_of(Status v) { return code_in(kStatuses, v); }
std::string_view code_of(Sharing v) { return code_in(kSharings, v); }
std::string_view code_of(Storage v) { return code_in(kStorages, v); }
std::string_view code_of(Funding v) { return code_in(kFundings, v); }
std::optional<OwnerKind> owner_kind_from(std::string_view code) { return value_in(kOwnerKinds, code); }
std::optional<Status> status_from(std::string_view code) { return value_in(kStatuses, code); }
std::optional<Sharing> sharing_from(std::string_view code) { return value_in(kSharings, code); }
std::optional<Storage> storage_from(std::string_view code) { return value_in(kStorages, code); }
std::optional<Funding> funding_from(std::string_view code) { return value_in(kFundings, code); }

std::optional<Status> status_at(const std::vector<StatusInterval>& history, time::Millis at) {
  for (auto it = history.rbegin(); it != history.rend(); ++it) {
    if (it->since <= at && (!it->until || *it->until > at)) return it->status;
  }
  return std::nullopt;
}

}  // namespace antq::cameras
