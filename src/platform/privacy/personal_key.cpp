#include "platform/privacy/personal_key.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>

#include "platform/crypto/box.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/read.hpp"
#include "platform/error.hpp"

namespace antq::privacy {
namespace {

constexpr std::string_view kName = "personal_data";

std::optional<std::string> recorded(db::Tx& tx) {
  static constexpr db::Query q{"privacy.fingerprint", "SELECT fingerprint FROM sealing_keys WHERE name = $1"};
  return db::one(
      tx, q, [](db::Reader& r) { return r.text(); }, std::string(kName));
}

std::string read_key(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) throw std::runtime_error("cannot read the personal-data key " + file.string());
  if (key.size() != crypto::FieldSealer::kKeyBytes) {
    throw std::runtime_error(file.string() +
                             " is not a personal-data key (32 bytes); restore the right file from its backup");
  }
  return key;
}

void write_new_key(const std::filesystem::path& file) {
  auto key = crypto::random_bytes(crypto::FieldSealer::kKeyBytes);
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create the personal-data key " + file.string());
  bool ok = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
  ::close(fd);
  crypto::wipe(key);
  if (!ok) throw std::runtime_error("cannot write the personal-data key " + file.string());
}

}  // namespace

crypto::FieldSealer open_key(const std::filesystem::path& file, db::Database& db) {
  std::optional<std::string> fingerprint;
  db.read([&](db::Tx& tx) { fingerprint = recorded(tx); });
  if (!std::filesystem::exists(file)) {
    if (fingerprint) {
      throw std::runtime_error("the personal-data key " + file.string() +
                               " is missing, and the database holds data sealed with it: restore the file from its "
                               "backup (docs/operations.md, \"The personal-data key\")");
    }
    write_new_key(file);
  }
  auto key = read_key(file);
  crypto::FieldSealer sealer(key);
  crypto::wipe(key);
  if (fingerprint && *fingerprint != sealer.fingerprint()) {
    throw std::runtime_error(file.string() +
                             " is not the key the database's personal data was sealed with: restore the right file "
                             "from its backup, or give every instance the same file");
  }
  return sealer;
}

void check_key(db::Tx& tx, const crypto::FieldSealer& sealer, time::Millis now) {
  static constexpr db::Query add{"privacy.record_fingerprint",
                                 "INSERT INTO sealing_keys (name, fingerprint, created_at) VALUES ($1, $2, $3) "
                                 "ON CONFLICT (name) DO NOTHING"};
  tx.exec(add, std::string(kName), sealer.fingerprint(), now);
  if (recorded(tx) != sealer.fingerprint()) throw Error::internal("personal data sealed under another key");
}

}  // namespace antq::privacy
