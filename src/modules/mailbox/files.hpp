#pragma once
// Files sent with tips (tệp đính kèm). An upload is checked as it is read: its real type
// from its content (images, PDF, audio, video only), its size, its number; photos lose
// their metadata (EXIF/GPS, XMP, IPTC). Each file is encrypted with its own key in a
// secret stream of chunks written to the database as they come, staged until the tip is
// stored; the file's key is then sealed to the commune's key.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/mailbox/model.hpp"
#include "platform/db/database.hpp"
#include "platform/time/time.hpp"

namespace antq::mailbox {

struct FileLimits {
  std::size_t max_files = 5;
  std::size_t max_bytes = std::size_t{20} * 1024 * 1024;  // per file
};

// A file read and stored, not yet attached to a tip. Its key lives only here.
struct StagedFile {
  std::int64_t id = 0;
  std::string key;
  std::string name;  // as the sender named it (cleaned)
  std::string mime;  // as sniffed
  std::int64_t size = 0;
};

// Takes the file parts of one upload. Throws a validation error on the field "files"
// (too_many_files, file_too_large, file_type_refused, file_unreadable, file_empty) and
// then, like when it is destroyed unclaimed, deletes every file it staged.
class FileIntake {
 public:
  FileIntake(db::Database& db, const time::Clock& clock, FileLimits limits);
  ~FileIntake();
  FileIntake(const FileIntake&) = delete;
  FileIntake& operator=(const FileIntake&) = delete;

  void begin(const std::string& filename);
  void data(std::string_view bytes);
  void end();

  const std::vector<StagedFile>& files() const { return files_; }
  // The files were attached to a tip: keep them.
  void claim() { claimed_ = true; }

 private:
  struct Current;
  void decide();
  void feed(std::string_view bytes);
  void write_chunk(std::string_view plain, bool last);
  void discard() noexcept;
  [[noreturn]] void refuse(const std::string& code);

  db::Database& db_;
  const time::Clock& clock_;
  FileLimits limits_;
  std::vector<StagedFile> files_;
  std::unique_ptr<Current> current_;
  bool claimed_ = false;
};

// Attaches staged files to a tip, each file's key and name sealed to the commune's key.
void attach(db::Tx& tx, std::int64_t tip_id, std::int64_t unit_key_id, const std::string& unit_public_key,
            const std::vector<StagedFile>& files, const std::string& author);

// The attached files of a tip, their names opened with `open_meta` (nullopt: no key).
std::vector<FileInfo> file_infos(
    db::Tx& tx, std::int64_t tip_id,
    const std::function<std::optional<std::string>(std::int64_t unit_key_id, const std::string& sealed)>& open);

// An opened file, read chunk by chunk (each chunk read in its own short transaction).
class FileReader {
 public:
  FileReader(db::Database& db, std::int64_t file_id, std::string key, std::string header, std::int64_t chunks);
  ~FileReader();
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;
  // The next piece of plaintext, nullopt at the end. Throws when a chunk was altered.
  std::optional<std::string> next();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace antq::mailbox
