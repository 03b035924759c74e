#pragma once
// The mailbox service: residents submit tips without an account and follow them with a
// receipt; commune officers read them with the commune's key, which they hold only
// while signed in. Team members, reviewers, auditors and administrators read no tip.
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "modules/access.hpp"
#include "modules/accounts/service.hpp"
#include "modules/audit/service.hpp"
#include "modules/mailbox/files.hpp"
#include "modules/mailbox/keys.hpp"
#include "modules/mailbox/model.hpp"
#include "modules/units/service.hpp"
#include "platform/crypto/box.hpp"
#include "platform/crypto/receipt.hpp"
#include "platform/db/database.hpp"
#include "platform/throttle/throttle.hpp"
#include "platform/time/time.hpp"

namespace antq::mailbox {

// Receipts are made as platform/crypto/receipt.hpp says, their salt in install_secrets.
using crypto::kReceiptLimits;
using crypto::ReceiptKdf;

// The installation's receipt salt and the Argon2id limits its receipts are made with, if
// a receipt was ever made; receipt_kdf() makes them (kReceiptLimits) on first use.
std::optional<ReceiptKdf> recorded_receipt_kdf(db::Tx& tx);
ReceiptKdf receipt_kdf(db::Tx& tx);

namespace search {
class Refreshes;
}

class Service {
 public:
  Service(db::Database& db, const audit::Service& audit, const units::Service& units, const Keys& keys,
          const time::Clock& clock, FileLimits file_limits = {});
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Where the server runs background work (a single worker that it stops before the
  // service goes). Without it (commands, tests) searches refresh indexes themselves.
  using Background = std::function<void(std::function<void()>)>;
  void run_in_background(Background post) { background_ = std::move(post); }

  // A tip from a resident (no account). Throws validation errors naming each field;
  // nothing is stored then. Slow on purpose: the receipt's Argon2id derivation.
  // `files` (may be null) were read from the same upload; they are attached to the tip.
  Receipt submit(const NewTip& tip, FileIntake* files = nullptr);
  // The tipster's view with the receipt. Wrong receipts: not_found, and after many of
  // them everywhere, too_many_attempts (in memory; no address is kept).
  TipsterView follow(const std::string& receipt);

  // Commune officers: tips of the communes in their scope, newest first, opened with
  // `user_secret` (the officer's own secret key from the session).
  TipPage list(const Actor& actor, const std::string& user_secret, const TipFilter& filter) const;
  // After an officer signs in: the search indexes of the officer's communes are brought
  // up to date in the background (nothing without background work, or for other roles).
  void prepare_search(const Actor& actor, const std::string& user_secret) const;
  // One tip with its history and conversation; audited as a read of sensitive data.
  TipView get(const Actor& actor, const std::string& user_secret, std::int64_t id) const;

  // Moves a tip along the workflow (see allowed_transition); refuses illegal moves with
  // a conflict naming them. Closing a tip whose tipster asked to be told the outcome
  // sends the tipster a message. Audited with who and why.
  TipView transition(const Actor& actor, const std::string& user_secret, std::int64_t id, const Transition& t) const;
  // Assigns the tip (to an active officer of the commune, or nobody) and marks its worth.
  TipView update(const Actor& actor, const std::string& user_secret, std::int64_t id, const TipPatch& patch) const;
  // An officer registers a tip received in person, by phone, by post, from VNeID, from
  // another unit or from a paper box: the same store and deadlines, the channel kept.
  // With `issue_receipt`, the tipster gets a receipt as if sent online.
  struct Registered {
    TipView tip;
    std::optional<Receipt> receipt;
  };
  Registered register_tip(const Actor& actor, const std::string& user_secret, const NewTip& tip,
                          const std::string& channel, bool issue_receipt, FileIntake* files = nullptr);

  // Where the files of one upload go first (checked, stripped, encrypted, staged).
  std::unique_ptr<FileIntake> file_intake() const;
  const FileLimits& file_limits() const { return file_limits_; }
  // The tipster adds files to their tip, with the receipt (not once it is closed).
  void tipster_add_files(const std::string& receipt, FileIntake& files);
  // One attached file, opened for an officer of the tip's commune; audited.
  struct OpenedFile {
    FileInfo info;
    std::unique_ptr<FileReader> reader;
  };
  OpenedFile open_file(const Actor& actor, const std::string& user_secret, std::int64_t tip_id,
                       std::int64_t file_id) const;

  // Counts for reports (officers, reviewers and administrators, within their scope).
  Stats stats(const Actor& actor, const StatsQuery& query) const;
  // Deletes closed tips older than their kind's retention, keeping one line of counts
  // each; the machine's operator (CLI) or the server's daily task.
  PurgeReport purge(const Actor& actor) const;
  // Days a closed tip is kept, per kind (administrators change them).
  std::map<std::string, int> retention(const Actor& actor) const;
  void set_retention(const Actor& actor, const std::string& kind, int days) const;
  // A message to the tipster, or an internal note (never shown to the tipster).
  Message add_message(const Actor& actor, const std::string& user_secret, std::int64_t id, const std::string& body,
                      bool internal) const;
  // The identity of a confidential or open tipster, for officers with the identity
  // permission; each reveal needs a reason and is audited with it.
  Identity reveal_identity(const Actor& actor, const std::string& user_secret, std::int64_t id,
                           const std::string& reason) const;
  // The tipster writes back, with the receipt.
  void tipster_reply(const std::string& receipt, const std::string& body);

  // The record of receiving crime information (biên bản tiếp nhận nguồn tin về tội phạm,
  // Circular 119/2021/TT-BCA form 01) for a denunciation or crime report, as .docx;
  // audited. The tipster's identity stays out of it.
  std::string receipt_record_docx(const Actor& actor, const std::string& user_secret, std::int64_t id) const;

  // Which of these communes take tips (their mailbox key exists).
  std::vector<std::int64_t> accepting(const std::vector<std::int64_t>& unit_ids) const;
  // The communes offered to residents in a province: active communes whose mailbox takes
  // tips, narrowed by a folded search ("tan trao"), in Vietnamese order.
  std::vector<units::Unit> communes_offered(std::int64_t province_id, const std::string& query) const;
  // A random 32-byte secret of this installation, made on first use (e.g. to sign the
  // citizen form's check question), the same for every instance sharing the database.
  std::string install_secret(const std::string& name) const;

 private:
  // The installation's receipt salt and Argon2id limits, read without a write lock.
  ReceiptKdf receipt_kdf_for_reading() const;
  // The tip behind a receipt and the tipster's key pair; throws not_found (throttled).
  struct TipsterAccess;
  TipsterAccess tipster_access(const std::string& receipt);
  // Brings the search indexes of these communes up to date in the background (see
  // search::Refreshes), with a copy of the officer's secret held until the task ends.
  void refresh_search_later(const Actor& actor, const std::string& user_secret,
                            const std::map<std::int64_t, std::int64_t>& tips_by_unit) const;
  // False when the index could not be stored (a purge ran meanwhile).
  bool refresh_search(const Actor& actor, const std::string& user_secret, std::int64_t unit_id) const;
  // Validates and stores a tip; `actor` is null for residents.
  std::pair<std::int64_t, Receipt> store(const NewTip& tip, Channel channel, const Actor* actor, bool with_receipt,
                                         FileIntake* files);

  db::Database& db_;
  const audit::Service& audit_;
  const units::Service& units_;
  const Keys& keys_;
  const time::Clock& clock_;
  FileLimits file_limits_;
  Throttle wrong_receipts_;
  Background background_;
  std::unique_ptr<search::Refreshes> refreshes_;
};

struct Service::TipsterAccess {
  std::int64_t tip_id = 0;
  crypto::KeyPair keys;
};

}  // namespace antq::mailbox
