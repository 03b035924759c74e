// The mailbox's rules that clients ask for: workflow, deadlines, receipt records, channels.
#include "modules/mailbox/model.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace antq::mailbox {
namespace {

constexpr std::int64_t kReceived = 1764554400000LL;  // 2025-12-01 09:00 local
constexpr std::int64_t kHour = 3600LL * 1000;

TEST(LegalDeadline, IsTwentyFourHoursFortyEightInRemoteCommunesForCrimeInformationOnly) {
  struct Row {
    Kind kind;
    bool remote;
    std::optional<std::int64_t> deadline;
  };
  const std::vector<Row> table = {
      {Kind::denunciation, false, kReceived + 24 * kHour}, {Kind::denunciation, true, kReceived + 48 * kHour},
      {Kind::crime_report, false, kReceived + 24 * kHour}, {Kind::crime_report, true, kReceived + 48 * kHour},
      {Kind::security_report, false, std::nullopt},        {Kind::suggestion, true, std::nullopt},
  };
  for (const auto& row : table) {
    EXPECT_EQ(legal_deadline(row.kind, row.remote, kReceived), row.deadline) << code(row.kind) << row.remote;
    EXPECT_EQ(has_receipt_record(row.kind), row.deadline.has_value()) << code(row.kind);
  }
}

TEST(Workflow, NextStatusesFollowTheAllowedMovesInOrder) {
  using S = Status;
  EXPECT_EQ(next_statuses(S::received), (std::vector<S>{S::verifying, S::transferred, S::duplicate}));
  EXPECT_EQ(next_statuses(S::verifying), (std::vector<S>{S::transferred, S::resolved, S::unfounded, S::duplicate}));
  for (auto end : {S::transferred, S::resolved, S::unfounded, S::duplicate}) {
    EXPECT_EQ(next_statuses(end), (std::vector<S>{S::closed})) << code(end);
  }
  EXPECT_TRUE(next_statuses(S::closed).empty());
  for (auto from : all_statuses()) {
    for (auto to : all_statuses()) {
      bool listed = false;
      for (auto n : next_statuses(from)) listed = listed || n == to;
      EXPECT_EQ(listed, allowed_transition(from, to)) << code(from) << "->" << code(to);
    }
  }
}

TEST(Workflow, TheDeadlineRunsWhileReceivedOrVerifyingOnly) {
  std::vector<std::string_view> running;
  for (auto s : all_statuses()) {
    if (deadline_runs(s)) running.push_back(code(s));
  }
  EXPECT_EQ(running, (std::vector<std::string_view>{"received", "verifying"}));
}

TEST(Channels, OfficersRegisterEveryChannelButTheResidentsOwnForm) {
  for (auto c : all_channels()) EXPECT_EQ(registrable(c), c != Channel::web) << code(c);
  EXPECT_EQ(all_channels().size(), 7u);
  EXPECT_EQ(all_kinds().size(), 4u);
  EXPECT_EQ(all_identity_modes().size(), 3u);
}

}  // namespace
}  // namespace antq::mailbox
