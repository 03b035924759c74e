#pragma once
// SQL for tips and installation secrets.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/mailbox/model.hpp"
#include "platform/db/database.hpp"

namespace antq::mailbox::repo {

struct TipRow {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::optional<std::int64_t> village_id;
  std::int64_t unit_key_id = 0;
  std::string kind;
  std::string channel;
  std::string status;
  std::string identity_mode;
  std::string content_sealed;
  std::string identity_sealed;
  std::string tipster_public_key;
  bool wants_outcome = false;
  std::int64_t received_at = 0;
  std::optional<std::int64_t> deadline_at;
  std::optional<std::int64_t> assignee_id;
  std::optional<std::int64_t> transferred_at;
  std::optional<std::int64_t> duplicate_of;
  std::optional<std::int64_t> closed_at;
  bool useful = false;
  bool solved_case = false;
  std::optional<std::int64_t> box_opening_id;  // a letter from a paper box's opening
};

// Filters of the inbox; `overdue_at` keeps tips whose deadline passed before that instant
// without a transfer.
struct ListQuery {
  std::vector<std::int64_t> unit_ids;  // the communes in the reader's scope
  std::optional<std::string> status;
  std::optional<std::string> kind;
  std::optional<std::int64_t> overdue_at;
};

std::int64_t insert(db::Tx& tx, const TipRow& tip, const std::string& receipt_lookup, std::int64_t now);
std::optional<TipRow> get(db::Tx& tx, std::int64_t id);
std::optional<TipRow> by_receipt(db::Tx& tx, const std::string& receipt_lookup);
// Tips of units whose path starts with the scope path, newest first.
std::vector<TipRow> list(db::Tx& tx, const ListQuery& q, int limit, int offset);
std::vector<TipRow> list_merged(db::Tx& tx, const ListQuery& q, int limit, int offset);
// From the kept counts, unless the query asks for overdue tips.
std::int64_t count(db::Tx& tx, const ListQuery& q);
struct StatusCount {
  std::int64_t unit_id = 0;
  std::string status;
  std::int64_t n = 0;
};
// Tips per commune and status in a scope (commune-level units only; none at zero).
std::vector<StatusCount> status_counts(db::Tx& tx, const std::string& scope_path);
// Ids in inbox order (for searches, which filter on the decrypted text).
struct IdRow {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
};
std::vector<IdRow> list_ids(db::Tx& tx, const ListQuery& q);
// Keeps tip_counts right; every insert, status change and deletion goes through it.
void adjust_count(db::Tx& tx, std::int64_t unit_id, const std::string& status, const std::string& kind,
                  std::int64_t delta);
// Commune-level units under a scope path.
std::vector<std::int64_t> communes_in(db::Tx& tx, const std::string& scope_path);
// Writes status, assignee, transfer, duplicate and closing fields of `tip`.
void update_workflow(db::Tx& tx, const TipRow& tip, std::int64_t now);

struct EventRow {
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
  std::string from_status;
  std::string to_status;
  std::int64_t unit_key_id = 0;
  std::string details_sealed;
};
void insert_event(db::Tx& tx, std::int64_t tip_id, const EventRow& e);
std::vector<EventRow> events(db::Tx& tx, std::int64_t tip_id);

struct MessageRow {
  std::int64_t id = 0;
  std::string author;
  std::optional<std::int64_t> author_id;
  std::string author_name;
  bool internal = false;
  std::int64_t unit_key_id = 0;
  std::string body_for_unit;
  std::string body_for_tipster;
  std::int64_t created_at = 0;
};
std::int64_t insert_message(db::Tx& tx, std::int64_t tip_id, const MessageRow& m);
std::vector<MessageRow> messages(db::Tx& tx, std::int64_t tip_id);
std::string unit_path(db::Tx& tx, std::int64_t tip_id);
std::string user_full_name(db::Tx& tx, std::int64_t user_id);

// Metadata of tips received in [from, to) under a scope, live and purged (no content).
struct StatRow {
  std::string kind;
  std::string channel;
  std::string status;
  std::int64_t received_at = 0;
  std::optional<std::int64_t> transferred_at;
  std::optional<std::int64_t> deadline_at;
  bool useful = false;
  bool solved_case = false;
  std::string village_name;
  bool purged_overdue = false;  // for purged rows: overdue as recorded at purge time
};
std::vector<StatRow> stat_rows(db::Tx& tx, const std::string& scope_path, std::int64_t from, std::int64_t to);

// Closed tips past their kind's retention at `now`.
std::vector<TipRow> expired(db::Tx& tx, std::int64_t now);
void insert_purged_count(db::Tx& tx, const TipRow& tip, bool overdue, std::int64_t now);
// True when this call deleted the tip (false when another instance already had).
bool delete_tip(db::Tx& tx, std::int64_t id);

std::map<std::string, int> retention(db::Tx& tx);
void set_retention(db::Tx& tx, const std::string& kind, int days);

// A commune's encrypted search index (see search.hpp).
struct SearchIndexRow {
  std::int64_t unit_id = 0;
  std::int64_t unit_key_id = 0;
  std::string key_sealed;
  std::string segment;
  std::int64_t last_tip_id = 0;
  std::int64_t entries = 0;
};
std::optional<SearchIndexRow> search_index(db::Tx& tx, std::int64_t unit_id);
// The sealed content of a commune's tips with ids above `after_id`, by id, at most `limit`.
struct SealedContent {
  std::int64_t id = 0;
  std::int64_t unit_key_id = 0;
  std::string content_sealed;
};
std::vector<SealedContent> sealed_contents(db::Tx& tx, std::int64_t unit_id, std::int64_t after_id, int limit);
void put_search_index(db::Tx& tx, const SearchIndexRow& row, std::int64_t now);
void drop_search_index(db::Tx& tx, std::int64_t unit_id);

std::optional<std::string> install_secret(db::Tx& tx, const std::string& name);
void insert_install_secret(db::Tx& tx, const std::string& name, const std::string& value);

}  // namespace antq::mailbox::repo
