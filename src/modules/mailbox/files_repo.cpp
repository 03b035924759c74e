#include "modules/mailbox/files_repo.hpp"

#include "platform/db/read.hpp"

namespace antq::mailbox::repo {
namespace {

#define FILE_SELECT \
  "SELECT id, tip_id, unit_key_id, key_sealed, meta_sealed, header, size, chunks, author, created_at FROM tip_files"

FileRow file_from(db::Reader& r) {
  return FileRow{r.i64(), r.opt_i64(), r.opt_i64(), r.blob(), r.blob(), r.blob(), r.i64(), r.i64(), r.text(), r.i64()};
}

}  // namespace

std::int64_t stage_file(db::Tx& tx, const std::string& header, std::int64_t now) {
  static constexpr db::Query q{"tip_files.stage",
                               "INSERT INTO tip_files (header, created_at) VALUES ($1, $2) RETURNING id"};
  return db::scalar(tx, q, db::Blob{header}, now);
}

void insert_chunk(db::Tx& tx, std::int64_t file_id, std::int64_t seq, const std::string& data) {
  static constexpr db::Query q{"tip_file_chunks.insert",
                               "INSERT INTO tip_file_chunks (file_id, seq, data) VALUES ($1, $2, $3)"};
  tx.exec(q, file_id, seq, db::Blob{data});
}

void finish_staged(db::Tx& tx, std::int64_t file_id, std::int64_t size, std::int64_t chunks) {
  static constexpr db::Query q{"tip_files.finish", "UPDATE tip_files SET size = $2, chunks = $3 WHERE id = $1"};
  tx.exec(q, file_id, size, chunks);
}

bool attach_file(db::Tx& tx, std::int64_t file_id, std::int64_t tip_id, std::int64_t unit_key_id,
                 const std::string& key_sealed, const std::string& meta_sealed, const std::string& author) {
  static constexpr db::Query q{"tip_files.attach",
                               "UPDATE tip_files SET tip_id = $2, unit_key_id = $3, key_sealed = $4, meta_sealed = $5, "
                               "author = $6 WHERE id = $1 AND tip_id IS NULL"};
  return tx.exec(q, file_id, tip_id, unit_key_id, db::Blob{key_sealed}, db::Blob{meta_sealed}, author) > 0;
}

std::vector<FileRow> files_of(db::Tx& tx, std::int64_t tip_id) {
  static constexpr db::Query q{"tip_files.of_tip", FILE_SELECT " WHERE tip_id = $1 ORDER BY id"};
  return db::all(tx, q, file_from, tip_id);
}

std::optional<FileRow> file(db::Tx& tx, std::int64_t file_id) {
  static constexpr db::Query q{"tip_files.get", FILE_SELECT " WHERE id = $1"};
  return db::one(tx, q, file_from, file_id);
}

std::optional<std::string> chunk(db::Tx& tx, std::int64_t file_id, std::int64_t seq) {
  static constexpr db::Query q{"tip_file_chunks.get",
                               "SELECT data FROM tip_file_chunks WHERE file_id = $1 AND seq = $2"};
  return db::one(
      tx, q, [](db::Reader& r) { return r.blob(); }, file_id, seq);
}

std::int64_t count_files(db::Tx& tx, std::int64_t tip_id) {
  static constexpr db::Query q{"tip_files.count", "SELECT COUNT(*) FROM tip_files WHERE tip_id = $1"};
  return db::scalar(tx, q, tip_id);
}

void delete_file(db::Tx& tx, std::int64_t file_id) {
  static constexpr db::Query chunks{"tip_file_chunks.delete", "DELETE FROM tip_file_chunks WHERE file_id = $1"};
  static constexpr db::Query file{"tip_files.delete", "DELETE FROM tip_files WHERE id = $1"};
  tx.exec(chunks, file_id);
  tx.exec(file, file_id);
}

void delete_files_of(db::Tx& tx, std::int64_t tip_id) {
  static constexpr db::Query chunks{
      "tip_file_chunks.delete_of_tip",
      "DELETE FROM tip_file_chunks WHERE file_id IN (SELECT id FROM tip_files WHERE tip_id = $1)"};
  static constexpr db::Query files{"tip_files.delete_of_tip", "DELETE FROM tip_files WHERE tip_id = $1"};
  tx.exec(chunks, tip_id);
  tx.exec(files, tip_id);
}

std::int64_t sweep_staged(db::Tx& tx, std::int64_t before) {
  static constexpr db::Query chunks{"tip_file_chunks.sweep",
                                    "DELETE FROM tip_file_chunks WHERE file_id IN (SELECT id FROM tip_files WHERE "
                                    "tip_id IS NULL AND created_at < $1)"};
  static constexpr db::Query files{"tip_files.sweep", "DELETE FROM tip_files WHERE tip_id IS NULL AND created_at < $1"};
  tx.exec(chunks, before);
  return tx.exec(files, before);
}

}  // namespace antq::mailbox::repo
