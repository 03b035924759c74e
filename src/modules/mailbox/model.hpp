#pragma once
// The digital mailbox (hòm thư góp ý và tố giác tội phạm): tips from residents, sealed to
// the commune's key at rest.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/crypto/receipt.hpp"
#include "platform/page.hpp"

namespace antq::mailbox {

// What a tip is, in law.
enum class Kind {
  denunciation,     // tố giác tội phạm (a person's denunciation of a crime)
  crime_report,     // tin báo về tội phạm (from an organisation or the media)
  security_report,  // phản ánh về ANTT
  suggestion,       // góp ý
};

enum class Channel { web, in_person, phone, post, vneid, transfer, box };

enum class Status {
  received,     // mới tiếp nhận
  verifying,    // đang xác minh
  transferred,  // đã chuyển (cơ quan điều tra)
  resolved,     // đã giải quyết
  unfounded,    // không có căn cứ
  duplicate,    // trùng
  closed,       // đã đóng
};

enum class IdentityMode {
  anonymous,     // ẩn danh
  confidential,  // bảo mật danh tính: only officers with the identity permission see it
  open,          // công khai
};

std::string_view code(Kind k);
std::string_view code(Channel c);
std::string_view code(Status s);
std::string_view code(IdentityMode m);
std::optional<Kind> kind_from(std::string_view s);
std::optional<Channel> channel_from(std::string_view s);
std::optional<Status> status_from(std::string_view s);
std::optional<IdentityMode> identity_mode_from(std::string_view s);

// Every value, in the order shown to people (the taxonomies the API sends to clients).
std::vector<Kind> all_kinds();
std::vector<Channel> all_channels();
std::vector<Status> all_statuses();
std::vector<IdentityMode> all_identity_modes();

// Crime denunciations and crime reports must be recorded and transferred within the
// legal deadline (24 h, 48 h for remote communes).
bool has_legal_deadline(Kind k);
// The legal deadline of a tip received at `received_at` (ms): 24 hours, 48 for a remote
// commune (vùng sâu, vùng xa); none for kinds without one.
std::optional<std::int64_t> legal_deadline(Kind k, bool remote_commune, std::int64_t received_at);
// They are also the kinds that get the record of receiving crime information (biên bản
// tiếp nhận nguồn tin về tội phạm).
bool has_receipt_record(Kind k);
// The legal deadline runs while a tip is received or being verified; a transfer (or any
// other outcome) stops it.
bool deadline_runs(Status s);
// Channels an officer registers a tip from; "web" is the residents' own form.
bool registrable(Channel c);

constexpr std::size_t kMaxDescription = 10000;

struct Identity {
  std::string name;
  std::string phone;
  std::string address;
};

// A tip as submitted (web, app, or registered by an officer).
struct NewTip {
  std::optional<std::int64_t> unit_id;  // the commune
  std::optional<std::int64_t> village_id;
  std::string kind;
  std::string description;
  std::string when;   // date-time or free text
  std::string where;  // free text
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string identity_mode = "anonymous";
  Identity identity;
  bool consent = false;
  bool wants_outcome = false;
  std::optional<std::int64_t> box_opening_id;  // channel box: the opening the letter came from
};

// The receipt, shown once: the only key to the tip.
using crypto::Receipt;

// The allowed next states: received → verifying | transferred | duplicate;
// verifying → transferred | resolved | unfounded | duplicate; those four → closed.
bool allowed_transition(Status from, Status to);
// The statuses a tip in `from` may move to, in all_statuses() order.
std::vector<Status> next_statuses(Status from);

// A change of status asked by an officer. Every change needs a reason.
struct Transition {
  std::string to;
  std::string reason;
  std::string transferred_to;                // đã chuyển: the investigating body receiving the tip
  std::string minutes_number;                // đã chuyển: number of the transfer minutes (biên bản)
  std::optional<std::int64_t> duplicate_of;  // trùng: the original tip
};

struct TipEvent {
  std::int64_t at = 0;
  std::string actor_name;
  Status from = Status::received;
  Status to = Status::received;
  std::string reason;
  std::string transferred_to;
  std::string minutes_number;
  std::optional<std::int64_t> duplicate_of;
};

struct Message {
  std::int64_t id = 0;
  std::string author;       // "officer" | "tipster"
  std::string author_name;  // the officer's username (staff view only)
  bool internal = false;    // an internal note: never shown to the tipster
  std::string body;
  std::int64_t created_at = 0;
};

constexpr std::size_t kMaxMessage = 5000;

// What an officer sees of a file attached to a tip.
struct FileInfo {
  std::int64_t id = 0;
  std::string name;
  std::string mime;
  std::int64_t size = 0;
  std::string author;  // "tipster" | "officer"
  std::int64_t created_at = 0;
};

// What an officer sees of a tip (content opened with the commune key).
struct TipView {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::optional<std::int64_t> village_id;
  Kind kind = Kind::suggestion;
  Channel channel = Channel::web;
  Status status = Status::received;
  IdentityMode identity_mode = IdentityMode::anonymous;
  std::string description;
  std::string when;
  std::string where;
  std::optional<double> latitude;
  std::optional<double> longitude;
  bool wants_outcome = false;
  std::int64_t received_at = 0;
  std::optional<std::int64_t> deadline_at;
  std::optional<std::int64_t> transferred_at;
  std::optional<std::int64_t> closed_at;
  std::optional<std::int64_t> duplicate_of;
  std::optional<std::int64_t> assignee_id;
  bool overdue = false;  // the legal deadline passed before the transfer
  bool useful = false;
  bool solved_case = false;
  std::optional<std::int64_t> box_opening_id;
  bool readable = true;           // false when the reader holds no key for it
  std::vector<TipEvent> events;   // filled for one tip
  std::vector<Message> messages;  // filled for one tip
  std::vector<FileInfo> files;    // filled for one tip
};

// What officers may change on a tip besides its status. Absent fields stay.
struct TipPatch {
  std::optional<std::optional<std::int64_t>> assignee_id;  // nullopt inside: nobody
  std::optional<bool> useful;                              // có giá trị
  std::optional<bool> solved_case;                         // phá án nhờ tin
};

// Statistics for the reports: a period of local dates and the caller's scope (or one
// unit inside it). Purged tips still count.
struct StatsQuery {
  std::optional<std::int64_t> unit_id;
  std::string from;  // 'YYYY-MM-DD', inclusive
  std::string to;    // 'YYYY-MM-DD', inclusive
};

struct Stats {
  std::int64_t total = 0;
  std::map<std::string, std::int64_t> by_kind;
  std::map<std::string, std::int64_t> by_channel;
  std::map<std::string, std::int64_t> by_status;
  std::map<std::string, std::int64_t> by_month;    // 'YYYY-MM' (local)
  std::map<std::string, std::int64_t> by_village;  // village name, "" for none
  std::int64_t useful = 0;
  std::int64_t solved_cases = 0;
  std::int64_t transferred = 0;
  std::int64_t overdue = 0;  // transferred late, or still waiting past the deadline
  std::optional<double> median_hours_to_transfer;
};

struct PurgeReport {
  std::int64_t purged = 0;
  std::int64_t staged_swept = 0;  // uploaded files never attached to a tip, older than a day
};

struct TipFilter {
  std::optional<std::string> status;
  std::optional<std::string> kind;
  bool overdue_only = false;
  // Words to find in the tip's text, ignoring case and diacritics ("diep" finds "Điệp"),
  // through each commune's encrypted search index.
  std::optional<std::string> query;
  int page = 1;
  int page_size = 50;
};

// The inbox: a page of tips and the counts beside it.
struct TipPage : Page<TipView> {
  std::map<std::string, std::int64_t> counts;  // tips in scope per status (all filters aside)
};

// What the tipster sees with the receipt.
struct TipsterView {
  Status status = Status::received;
  Kind kind = Kind::suggestion;
  std::int64_t received_at = 0;
  std::string unit_name;
  bool wants_outcome = false;
  std::int64_t files = 0;         // how many files came with the tip (their names are sealed)
  std::vector<Message> messages;  // officers' messages and the tipster's own, oldest first
};

}  // namespace antq::mailbox
