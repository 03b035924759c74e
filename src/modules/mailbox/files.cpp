#include "modules/mailbox/files.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <optional>

#include "modules/mailbox/files_repo.hpp"
#include "platform/crypto/box.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"
#include "platform/media/media.hpp"
#include "platform/text/text.hpp"

namespace antq::mailbox {
namespace {

constexpr std::size_t kChunk = std::size_t{256} * 1024;  // plaintext bytes per stored chunk
constexpr std::size_t kMaxName = 200;

// A file name fit to show: valid UTF-8, no path, no control characters, not too long.
std::string clean_name(const std::string& raw) {
  std::string name = text::is_valid_utf8(raw) ? raw : std::string("tep");
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
  std::string out;
  for (unsigned char c : name) {
    if (c >= 0x20 && c != 0x7f) out.push_back(static_cast<char>(c));
  }
  out = text::clean(out);
  if (out.empty()) out = "tep";
  while (text::length(out) > kMaxName) {
    out.pop_back();
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  }
  return out;
}

}  // namespace

// The file being read.
struct FileIntake::Current {
  std::string name;
  std::string head;  // first bytes, until the type is known
  bool decided = false;
  bool image = false;
  std::string mime;
  std::string whole;    // images only: stripped when complete
  std::string pending;  // plaintext not yet written
  std::size_t received = 0;
  std::string key = crypto::random_bytes(crypto::kKeyBytes);
  std::optional<crypto::StreamEncryptor> encryptor;
  std::int64_t file_id = 0;
  std::int64_t chunks = 0;
  std::int64_t size = 0;

  ~Current() {
    crypto::wipe(key);
    crypto::wipe(head);
    crypto::wipe(whole);
    crypto::wipe(pending);
  }
};

FileIntake::FileIntake(db::Database& db, const time::Clock& clock, FileLimits limits)
    : db_(db), clock_(clock), limits_(limits) {}

FileIntake::~FileIntake() {
  if (!claimed_) discard();
  for (auto& f : files_) crypto::wipe(f.key);
}

void FileIntake::discard() noexcept {
  std::vector<std::int64_t> ids;
  for (const auto& f : files_) ids.push_back(f.id);
  if (current_ && current_->file_id) ids.push_back(current_->file_id);
  if (ids.empty()) return;
  try {
    db_.write([&](db::Tx& tx) {
      for (auto id : ids) repo::delete_file(tx, id);
    });
  } catch (const std::exception& e) {
    spdlog::warn("staged files not deleted now (the daily sweep will): {}", e.what());
  }
}

void FileIntake::refuse(const std::string& code) {
  std::string hint = current_ ? current_->name : "";
  discard();
  files_.clear();
  current_.reset();
  claimed_ = true;  // nothing left to discard
  throw Error::validation({FieldError{"files", code, std::nullopt, hint}});
}

void FileIntake::begin(const std::string& filename) {
  if (files_.size() >= limits_.max_files) refuse("too_many_files");
  current_ = std::make_unique<Current>();
  current_->name = clean_name(filename);
}

void FileIntake::data(std::string_view bytes) {
  auto& c = *current_;
  c.received += bytes.size();
  if (c.received > limits_.max_bytes) refuse("file_too_large");
  if (c.decided) return feed(bytes);
  c.head.append(bytes);
  if (c.head.size() >= media::kSniffBytes) decide();
}

void FileIntake::decide() {
  auto& c = *current_;
  c.decided = true;
  c.mime = media::sniff(c.head);
  auto family = media::accepted(c.mime);
  if (!family) refuse("file_type_refused");
  c.image = *family == media::Family::image;
  std::string head = std::move(c.head);
  c.head.clear();
  feed(head);
  crypto::wipe(head);
}

void FileIntake::feed(std::string_view bytes) {
  auto& c = *current_;
  if (c.image) {
    c.whole.append(bytes);
    return;
  }
  c.pending.append(bytes);
  while (c.pending.size() > kChunk) {
    write_chunk(std::string_view(c.pending).substr(0, kChunk), false);
    c.pending.erase(0, kChunk);
  }
}

void FileIntake::write_chunk(std::string_view plain, bool last) {
  auto& c = *current_;
  if (!c.encryptor) {
    c.encryptor.emplace(c.key);
    auto now = clock_.now();
    db_.write([&](db::Tx& tx) { c.file_id = repo::stage_file(tx, c.encryptor->header(), now); });
  }
  std::string sealed = c.encryptor->push(plain, last);
  auto seq = c.chunks++;
  c.size += static_cast<std::int64_t>(plain.size());
  db_.write([&](db::Tx& tx) {
    repo::insert_chunk(tx, c.file_id, seq, sealed);
    if (last) repo::finish_staged(tx, c.file_id, c.size, c.chunks);
  });
}

void FileIntake::end() {
  auto& c = *current_;
  if (!c.decided) {
    if (c.head.empty()) refuse("file_empty");
    decide();
  }
  if (c.image) {
    try {
      std::string stripped = media::strip_metadata(c.whole);
      crypto::wipe(c.whole);
      c.whole.clear();
      if (stripped.size() > limits_.max_bytes) refuse("file_too_large");
      c.pending = std::move(stripped);
    } catch (const std::runtime_error&) {
      refuse("file_unreadable");
    }
    while (c.pending.size() > kChunk) {
      write_chunk(std::string_view(c.pending).substr(0, kChunk), false);
      c.pending.erase(0, kChunk);
    }
  }
  write_chunk(c.pending, true);
  files_.push_back(StagedFile{c.file_id, c.key, c.name, c.mime, c.size});
  current_.reset();
}

struct FileReader::State {
  db::Database& db;
  std::int64_t file_id;
  std::int64_t chunks;
  std::int64_t next = 0;
  crypto::StreamDecryptor decryptor;
  std::string key;

  State(db::Database& d, std::int64_t id, std::string k, const std::string& header, std::int64_t n)
      : db(d), file_id(id), chunks(n), decryptor(k, header), key(std::move(k)) {}
  ~State() { crypto::wipe(key); }
};

FileReader::FileReader(db::Database& db, std::int64_t file_id, std::string key, std::string header, std::int64_t chunks)
    : state_(std::make_unique<State>(db, file_id, std::move(key), header, chunks)) {}

FileReader::~FileReader() = default;

std::optional<std::string> FileReader::next() {
  auto& s = *state_;
  if (s.next >= s.chunks) {
    if (!s.decryptor.finished()) throw std::runtime_error("file truncated");
    return std::nullopt;
  }
  std::optional<std::string> sealed;
  s.db.read([&](db::Tx& tx) { sealed = repo::chunk(tx, s.file_id, s.next); });
  if (!sealed) throw std::runtime_error("file chunk missing");
  ++s.next;
  auto plain = s.decryptor.pull(*sealed);
  if (!plain) throw std::runtime_error("file chunk altered");
  return plain;
}

void attach(db::Tx& tx, std::int64_t tip_id, std::int64_t unit_key_id, const std::string& unit_public_key,
            const std::vector<StagedFile>& files, const std::string& author) {
  for (const auto& f : files) {
    std::string meta = boost::json::serialize(boost::json::object{{"name", f.name}, {"mime", f.mime}});
    bool attached = repo::attach_file(tx, f.id, tip_id, unit_key_id, crypto::seal(unit_public_key, f.key),
                                      crypto::seal(unit_public_key, meta), author);
    if (!attached) throw Error::conflict("an uploaded file disappeared before it was attached; send it again");
  }
}

std::vector<FileInfo> file_infos(
    db::Tx& tx, std::int64_t tip_id,
    const std::function<std::optional<std::string>(std::int64_t unit_key_id, const std::string& sealed)>& open) {
  std::vector<FileInfo> out;
  for (const auto& r : repo::files_of(tx, tip_id)) {
    FileInfo info{r.id, "", "", r.size, r.author, r.created_at};
    if (auto meta = r.unit_key_id ? open(*r.unit_key_id, r.meta_sealed) : std::nullopt) {
      auto o = boost::json::parse(*meta).as_object();
      info.name = std::string(o.at("name").as_string());
      info.mime = std::string(o.at("mime").as_string());
    }
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace antq::mailbox
