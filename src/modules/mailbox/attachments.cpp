// Files of tips (part of mailbox::Service): the tipster adds them with the receipt;
// officers of the commune open them one chunk at a time.
#include <boost/json.hpp>

#include "modules/mailbox/files_repo.hpp"
#include "modules/mailbox/internal.hpp"
#include "modules/mailbox/repo.hpp"
#include "modules/mailbox/service.hpp"
#include "platform/crypto/box.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"

namespace antq::mailbox {
namespace {

// A tip keeps at most this many files in all (five per upload).
constexpr std::int64_t kMaxFilesPerTip = 20;

}  // namespace

std::unique_ptr<FileIntake> Service::file_intake() const {
  return std::make_unique<FileIntake>(db_, clock_, file_limits_);
}

void Service::tipster_add_files(const std::string& receipt, FileIntake& files) {
  auto access = tipster_access(receipt);
  crypto::wipe(access.keys.secret_key);
  if (files.files().empty()) throw Error::field("files", "required");
  db_.write([&](db::Tx& tx) {
    auto row = repo::get(tx, access.tip_id).value();
    if (row.status == code(Status::closed)) throw Error::conflict("the tip is closed");
    auto total = repo::count_files(tx, row.id) + static_cast<std::int64_t>(files.files().size());
    if (total > kMaxFilesPerTip) throw Error::field("files", "too_many_files");
    attach(tx, row.id, row.unit_key_id, keys_.current_for_tip(tx, row.unit_key_id), files.files(), "tipster");
    audit::Entry e;
    e.actor_name = "citizen";
    e.action = "tip.files_added";
    e.entity = "tip";
    e.entity_id = std::to_string(row.id);
    e.detail = boost::json::serialize(boost::json::object{{"files", files.files().size()}});
    audit_.record(tx, std::move(e));
  });
  files.claim();
}

Service::OpenedFile Service::open_file(const Actor& actor, const std::string& user_secret, std::int64_t tip_id,
                                       std::int64_t file_id) const {
  OpenedFile out;
  std::string key;
  std::string header;
  std::int64_t chunks = 0;
  db_.read([&](db::Tx& tx) {
    detail::load_tip(tx, actor, tip_id);
    auto f = repo::file(tx, file_id);
    if (!f || f->tip_id != tip_id || !f->unit_key_id) throw Error::not_found("file");
    auto pair = detail::unit_key(tx, keys_, actor, user_secret, *f->unit_key_id);
    auto opened_key = crypto::open_sealed(pair, f->key_sealed);
    auto meta = crypto::open_sealed(pair, f->meta_sealed);
    crypto::wipe(pair.secret_key);
    if (!opened_key || !meta) throw Error::internal("a file's key does not open with the commune key");
    auto o = boost::json::parse(*meta).as_object();
    out.info = FileInfo{
        f->id,        std::string(o.at("name").as_string()), std::string(o.at("mime").as_string()), f->size, f->author,
        f->created_at};
    key = std::move(*opened_key);
    header = f->header;
    chunks = f->chunks;
  });
  db_.write([&](db::Tx& tx) {
    audit_.record(tx, actor, "tip.file_read", "tip", std::to_string(tip_id),
                  boost::json::serialize(boost::json::object{{"file_id", file_id}}));
  });
  out.reader = std::make_unique<FileReader>(db_, file_id, std::move(key), header, chunks);
  return out;
}

}  // namespace antq::mailbox
