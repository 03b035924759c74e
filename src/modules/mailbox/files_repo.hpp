#pragma once
// SQL for tip files and their chunks.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.hpp"

namespace antq::mailbox::repo {

struct FileRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> tip_id;
  std::optional<std::int64_t> unit_key_id;
  std::string key_sealed;
  std::string meta_sealed;
  std::string header;
  std::int64_t size = 0;
  std::int64_t chunks = 0;
  std::string author;
  std::int64_t created_at = 0;
};

std::int64_t stage_file(db::Tx& tx, const std::string& header, std::int64_t now);
void insert_chunk(db::Tx& tx, std::int64_t file_id, std::int64_t seq, const std::string& data);
void finish_staged(db::Tx& tx, std::int64_t file_id, std::int64_t size, std::int64_t chunks);
// Attaches a staged file; false when it was not staged (already attached or swept).
bool attach_file(db::Tx& tx, std::int64_t file_id, std::int64_t tip_id, std::int64_t unit_key_id,
                 const std::string& key_sealed, const std::string& meta_sealed, const std::string& author);
std::vector<FileRow> files_of(db::Tx& tx, std::int64_t tip_id);
std::optional<FileRow> file(db::Tx& tx, std::int64_t file_id);
std::optional<std::string> chunk(db::Tx& tx, std::int64_t file_id, std::int64_t seq);
std::int64_t count_files(db::Tx& tx, std::int64_t tip_id);
void delete_file(db::Tx& tx, std::int64_t file_id);
void delete_files_of(db::Tx& tx, std::int64_t tip_id);
// Staged files older than `before` (uploads that never became a tip); returns how many.
std::int64_t sweep_staged(db::Tx& tx, std::int64_t before);

}  // namespace antq::mailbox::repo
