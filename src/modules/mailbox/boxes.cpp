#include "modules/mailbox/boxes.hpp"

#include <boost/json.hpp>

#include "modules/mailbox/boxes_repo.hpp"
#include "modules/mailbox/documents.hpp"
#include "modules/mailbox/model.hpp"
#include "platform/error.hpp"
#include "platform/office/docx.hpp"
#include "platform/text/text.hpp"

namespace antq::mailbox {
namespace {

bool may_read(const Actor& a) { return a.system || a.is(Role::officer) || a.is(Role::reviewer) || a.is(Role::admin); }

void require_reader(const Actor& a) {
  if (!may_read(a)) throw Error::forbidden("paper mailboxes are for commune officers, reviewers and administrators");
}

void require_officer(const Actor& a) {
  if (!a.is(Role::officer)) throw Error::forbidden("paper mailboxes are registered by commune officers");
}

std::string checked(const std::string& raw, const std::string& field, std::size_t max, FieldErrors& errors,
                    bool required = true) {
  std::string v = text::clean(raw);
  if (required && v.empty()) errors.add(field, "required");
  if (text::length(v) > max) errors.add(field, "too_long");
  return v;
}

std::string kind_text(const std::string& kind) {
  if (kind == "denunciation") return "Tố giác tội phạm";
  if (kind == "crime_report") return "Tin báo về tội phạm";
  if (kind == "security_report") return "Phản ánh về ANTT";
  return "Góp ý";
}

}  // namespace

Box Boxes::load_box(db::Tx& tx, const Actor& actor, std::int64_t id, bool for_change) const {
  if (for_change) {
    require_officer(actor);
  } else {
    require_reader(actor);
  }
  auto b = repo::box(tx, id);
  auto unit = b ? units_.find(tx, b->unit_id) : std::nullopt;
  if (!b || !unit || !actor.covers(unit->path)) throw Error::not_found("mailbox");
  return *b;
}

std::vector<Box> Boxes::list(const Actor& actor, std::optional<std::int64_t> unit_id) const {
  require_reader(actor);
  std::vector<Box> out;
  db_.read([&](db::Tx& tx) { out = repo::boxes(tx, actor.scope_path, unit_id); });
  return out;
}

Box Boxes::create(const Actor& actor, const NewBox& in) const {
  require_officer(actor);
  FieldErrors errors;
  NewBox box = in;
  box.place = checked(in.place, "place", 300, errors);
  if (!in.unit_id) errors.add("unit_id", "required");
  errors.throw_if_any();
  std::int64_t id = 0;
  db_.write([&](db::Tx& tx) {
    auto today = time::local_date(clock_.now());
    auto unit = units_.find(tx, *box.unit_id);
    if (!unit || !units::is_commune_level(unit->kind) || !unit->active_on(today) || !actor.covers(unit->path)) {
      throw Error::field("unit_id", "not_found");
    }
    if (box.village_id) {
      auto village = units_.find(tx, *box.village_id);
      if (!village || village->parent_id != unit->id) throw Error::field("village_id", "not_found");
    }
    id = repo::insert_box(tx, box, clock_.now());
    audit_.record(tx, actor, "mailbox.box.create", "mail_box", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"unit_id", unit->id}, {"place", box.place}}));
  });
  Box out;
  db_.read([&](db::Tx& tx) { out = repo::box(tx, id).value(); });
  return out;
}

Box Boxes::update(const Actor& actor, std::int64_t id, const BoxPatch& patch) const {
  FieldErrors errors;
  std::optional<std::string> place;
  if (patch.place) place = checked(*patch.place, "place", 300, errors);
  errors.throw_if_any();
  Box out;
  db_.write([&](db::Tx& tx) {
    auto b = load_box(tx, actor, id, true);
    repo::update_box(tx, id, place.value_or(b.place), patch.active.value_or(b.active));
    audit_.record(tx, actor, "mailbox.box.update", "mail_box", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"place", place.value_or(b.place)},
                                                             {"active", patch.active.value_or(b.active)}}));
    out = repo::box(tx, id).value();
  });
  return out;
}

std::vector<Opening> Boxes::openings(const Actor& actor, std::int64_t box_id) const {
  std::vector<Opening> out;
  db_.read([&](db::Tx& tx) {
    load_box(tx, actor, box_id, false);
    out = repo::openings(tx, box_id);
  });
  return out;
}

Opening Boxes::opening(const Actor& actor, std::int64_t opening_id) const {
  Opening out;
  db_.read([&](db::Tx& tx) {
    auto o = repo::opening(tx, opening_id);
    if (!o) throw Error::not_found("opening");
    load_box(tx, actor, o->box_id, false);
    out = *o;
  });
  return out;
}

Opening Boxes::record_opening(const Actor& actor, std::int64_t box_id, const NewOpening& in) const {
  require_officer(actor);
  FieldErrors errors;
  auto opened_at = time::parse_local_datetime(in.opened_at);
  if (!opened_at) errors.add("opened_at", in.opened_at.empty() ? "required" : "invalid_date");
  if (opened_at && *opened_at > clock_.now() + 5LL * 60 * 1000) errors.add("opened_at", "in_future");
  boost::json::array people;
  if (in.people.size() < 2) errors.add("people", "at_least_two");
  if (in.people.size() > 20) errors.add("people", "too_long");
  for (std::size_t i = 0; i < in.people.size(); ++i) {
    std::string prefix = "people[" + std::to_string(i) + "].";
    auto name = checked(in.people[i].name, prefix + "name", 200, errors);
    auto position = checked(in.people[i].position, prefix + "position", 200, errors);
    people.push_back(boost::json::object{{"name", name}, {"position", position}});
  }
  if (in.letters < 0 || in.letters > kMaxLettersPerOpening) errors.add("letters", "invalid_format");
  NewOpening clean = in;
  clean.number = checked(in.number, "number", 50, errors, false);
  clean.notes = checked(in.notes, "notes", 2000, errors, false);
  errors.throw_if_any();
  std::int64_t id = 0;
  db_.write([&](db::Tx& tx) {
    auto box = load_box(tx, actor, box_id, true);
    if (!box.active) throw Error::conflict("the mailbox was taken down");
    id = repo::insert_opening(tx, box_id, *opened_at, boost::json::serialize(people), clean, actor.user_id,
                              clock_.now());
    audit_.record(tx, actor, "mailbox.box.opening", "mail_box", std::to_string(box_id),
                  boost::json::serialize(boost::json::object{{"opening_id", id}, {"letters", clean.letters}}));
  });
  return opening(actor, id);
}

void Boxes::check_letter(db::Tx& tx, std::int64_t opening_id, std::int64_t unit_id) {
  auto o = repo::opening(tx, opening_id);
  if (!o || o->unit_id != unit_id) throw Error::field("box_opening_id", "not_found");
  if (o->registered >= o->letters) throw Error::field("box_opening_id", "all_letters_registered");
}

std::string Boxes::minutes_docx(const Actor& actor, std::int64_t opening_id) const {
  require_reader(actor);
  std::string out;
  db_.read([&](db::Tx& tx) {
    auto o = repo::opening(tx, opening_id);
    if (!o) throw Error::not_found("opening");
    auto box = load_box(tx, actor, o->box_id, false);
    auto commune = units_.find(tx, box.unit_id).value();
    office::Document doc(units::commune_head(tx, units_, commune, units::Issuer::police, o->number, o->opened_at,
                                             "BIÊN BẢN", "Mở hòm thư góp ý và tố giác tội phạm"));
    std::string where = box.place + (box.village_name.empty() ? "" : " (" + box.village_name + ")");
    doc.paragraph("Hồi " + spoken_time(o->opened_at) + ", tại " + where + ", chúng tôi gồm:");
    for (std::size_t i = 0; i < o->people.size(); ++i) {
      doc.paragraph(std::to_string(i + 1) + ". Ông/Bà " + o->people[i].name + " - " + o->people[i].position + ";");
    }
    doc.paragraph("Đã tiến hành mở hòm thư góp ý và tố giác tội phạm đặt tại " + where + ".");
    doc.heading("Kết quả:");
    doc.labelled("Số thư, đơn có trong hòm thư", std::to_string(o->letters));
    auto letters = repo::letters(tx, opening_id);
    if (!letters.empty()) {
      doc.paragraph("Các thư, đơn đã được vào sổ tiếp nhận như sau:");
      std::vector<std::vector<std::string>> rows;
      for (std::size_t i = 0; i < letters.size(); ++i) {
        rows.push_back(
            {std::to_string(i + 1), "Tin số " + std::to_string(letters[i].tip_id), kind_text(letters[i].kind)});
      }
      doc.table({"STT", "Số vào sổ", "Loại tin"}, rows);
    }
    if (!o->notes.empty()) doc.labelled("Ghi chú", o->notes);
    doc.paragraph("Biên bản được lập xong hồi " + spoken_time(o->opened_at) +
                  ", đã đọc lại cho những người có mặt cùng nghe, nhất trí và ký tên dưới đây.");
    std::vector<office::Signer> signers;
    for (const auto& p : o->people) signers.push_back(office::Signer{text::upper(p.position), p.name});
    doc.signatures(signers);
    out = doc.docx();
  });
  db_.write([&](db::Tx& tx) {
    audit_.record(tx, actor, "mailbox.box.minutes", "mail_box_opening", std::to_string(opening_id));
  });
  return out;
}

}  // namespace antq::mailbox
