#pragma once
// Paper mailboxes (hòm thư góp ý và tố giác tội phạm đặt tại thôn, trụ sở xã): where each
// box stands, each opening by at least two people with the number of letters found, and
// the opening minutes (biên bản mở hòm thư) as .docx. The letters are registered as tips
// with the channel "box" and the opening they came from (mailbox::Service::register_tip).
//
// Who: commune officers register boxes and openings in their scope; reviewers and
// administrators read them (places, dates, counts: no letter's content). Village team
// members do not handle the mailbox.
//
// Read model (migrations 0034, 0043, a view per dialect): `mailbox_model_sites` makes each active
// paper box one site of the "Hòm thư góp ý và tố giác tội phạm" model from the day it was
// set up, and a commune's digital mailbox one from the day its first key was made; the
// community's model counts read it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/access.hpp"
#include "modules/audit/service.hpp"
#include "modules/units/service.hpp"
#include "platform/db/database.hpp"
#include "platform/time/time.hpp"

namespace antq::mailbox {

struct Box {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;
  std::string unit_name;
  std::optional<std::int64_t> village_id;
  std::string village_name;
  std::string place;  // "Nhà văn hóa thôn Khuôn Điển"
  bool active = true;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_opened_at;
  std::int64_t openings = 0;
};

struct NewBox {
  std::optional<std::int64_t> unit_id;  // the commune
  std::optional<std::int64_t> village_id;
  std::string place;
};

struct BoxPatch {
  std::optional<std::string> place;
  std::optional<bool> active;  // false: taken down (kept for the history)
};

// Someone present at an opening.
struct Witness {
  std::string name;
  std::string position;  // "Trưởng Công an xã", "Trưởng thôn", "Đại diện Mặt trận"…
};

struct Opening {
  std::int64_t id = 0;
  std::int64_t box_id = 0;
  std::string box_place;
  std::int64_t unit_id = 0;
  std::int64_t opened_at = 0;
  std::vector<Witness> people;
  int letters = 0;     // found in the box
  int registered = 0;  // registered as tips so far
  std::string number;  // number of the minutes, e.g. "03/BB-CAX"
  std::string notes;
  std::string recorded_by;
  std::int64_t created_at = 0;
};

struct NewOpening {
  std::string opened_at;  // local 'YYYY-MM-DDTHH:MM'
  std::vector<Witness> people;
  int letters = 0;
  std::string number;
  std::string notes;
};

// A letter registered from an opening, for the minutes (no content).
struct OpeningLetter {
  std::int64_t tip_id = 0;
  std::string kind;
};

constexpr int kMaxLettersPerOpening = 500;

class Boxes {
 public:
  Boxes(db::Database& db, const audit::Service& audit, const units::Service& units, const time::Clock& clock)
      : db_(db), audit_(audit), units_(units), clock_(clock) {}

  // Boxes of the communes in the caller's scope (or of one commune in it).
  std::vector<Box> list(const Actor& actor, std::optional<std::int64_t> unit_id) const;
  Box create(const Actor& actor, const NewBox& box) const;
  Box update(const Actor& actor, std::int64_t id, const BoxPatch& patch) const;

  std::vector<Opening> openings(const Actor& actor, std::int64_t box_id) const;
  Opening opening(const Actor& actor, std::int64_t opening_id) const;
  // Refuses fewer than two people, a time in the future, or a box taken down.
  Opening record_opening(const Actor& actor, std::int64_t box_id, const NewOpening& opening) const;
  // The opening minutes as .docx (Decree 30/2020 layout); audited.
  std::string minutes_docx(const Actor& actor, std::int64_t opening_id) const;

  // For register_tip: checks that a letter may be registered from this opening into this
  // commune (the opening exists, is the commune's, and has letters left). Throws field
  // errors on "box_opening_id".
  static void check_letter(db::Tx& tx, std::int64_t opening_id, std::int64_t unit_id);

 private:
  Box load_box(db::Tx& tx, const Actor& actor, std::int64_t id, bool for_change) const;

  db::Database& db_;
  const audit::Service& audit_;
  const units::Service& units_;
  const time::Clock& clock_;
};

}  // namespace antq::mailbox
