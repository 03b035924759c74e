// The officers' side of a tip after it arrives: status changes, assignment, messages,
// identity reveals; and the tipster's replies. Part of mailbox::Service.
#include <boost/json.hpp>

#include "modules/mailbox/internal.hpp"
#include "modules/mailbox/service.hpp"
#include "platform/crypto/box.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::mailbox {
namespace {

std::string checked_text(const std::string& raw, const char* field, std::size_t max, bool required) {
  std::string value = text::clean(raw);
  if (required && value.empty()) throw Error::field(field, "required");
  if (text::length(value) > max) throw Error::field(field, "too_long");
  return value;
}

std::string outcome_message(Status status) {
  switch (status) {
    case Status::transferred:
      return "Tin của bạn đã được chuyển đến cơ quan có thẩm quyền điều tra. Cảm ơn bạn đã góp phần giữ gìn an ninh.";
    case Status::resolved:
      return "Tin của bạn đã được giải quyết. Cảm ơn bạn đã góp phần giữ gìn an ninh.";
    case Status::unfounded:
      return "Công an xã đã xác minh tin của bạn nhưng chưa có căn cứ để xử lý. Cảm ơn bạn.";
    case Status::duplicate:
      return "Nội dung tin của bạn trùng với một tin đã được tiếp nhận và đang được xử lý. Cảm ơn bạn.";
    default:
      return "Việc xử lý tin của bạn đã kết thúc. Cảm ơn bạn.";
  }
}

}  // namespace

TipView Service::transition(const Actor& actor, const std::string& user_secret, std::int64_t id,
                            const Transition& t) const {
  auto to = status_from(t.to);
  if (!to) throw Error::field("status", t.to.empty() ? "required" : "unknown_value");
  FieldErrors errors;
  std::string reason = text::clean(t.reason);
  if (reason.empty()) errors.add("reason", "required");
  if (text::length(reason) > kMaxMessage) errors.add("reason", "too_long");
  std::string transferred_to = text::clean(t.transferred_to);
  std::string minutes = text::clean(t.minutes_number);
  if (*to == Status::transferred && transferred_to.empty()) errors.add("transferred_to", "required");
  if (*to == Status::transferred && minutes.empty()) errors.add("minutes_number", "required");
  if (*to == Status::duplicate && !t.duplicate_of) errors.add("duplicate_of", "required");
  errors.throw_if_any();
  db_.write([&](db::Tx& tx) {
    auto row = detail::load_tip(tx, actor, id);
    auto key = detail::unit_key(tx, keys_, actor, user_secret, row.unit_key_id);
    auto from = status_from(row.status).value_or(Status::received);
    if (!allowed_transition(from, *to)) {
      throw Error::conflict("cannot go from " + row.status + " to " + std::string(code(*to)));
    }
    if (*to == Status::duplicate) {
      auto original = repo::get(tx, *t.duplicate_of);
      if (!original || original->id == id || original->unit_id != row.unit_id) {
        throw Error::field("duplicate_of", "not_found");
      }
      row.duplicate_of = original->id;
    }
    auto now = clock_.now();
    row.status = std::string(code(*to));
    if (*to == Status::transferred) row.transferred_at = now;
    if (*to == Status::closed) row.closed_at = now;
    repo::update_workflow(tx, row, now);
    boost::json::object details{{"reason", reason},
                                {"transferred_to", transferred_to},
                                {"minutes_number", minutes},
                                {"duplicate_of", row.duplicate_of ? boost::json::value(*row.duplicate_of) : nullptr}};
    repo::insert_event(tx, id,
                       repo::EventRow{now, actor.user_id, actor.username, std::string(code(from)), row.status,
                                      row.unit_key_id, crypto::seal(key.public_key, boost::json::serialize(details))});
    if (*to == Status::closed && row.wants_outcome && !row.tipster_public_key.empty()) {
      // The outcome goes to the tipster: the state it was in before closing.
      std::string body = outcome_message(from);
      repo::insert_message(
          tx, id,
          repo::MessageRow{0, "officer", actor.user_id, actor.username, false, row.unit_key_id,
                           crypto::seal(key.public_key, body), crypto::seal(row.tipster_public_key, body), now});
    }
    audit_.record(tx, actor, "tip.transition", "tip", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"from", std::string(code(from))}, {"to", row.status}}),
                  "");
  });
  return get(actor, user_secret, id);
}

TipView Service::update(const Actor& actor, const std::string& user_secret, std::int64_t id,
                        const TipPatch& patch) const {
  db_.write([&](db::Tx& tx) {
    auto row = detail::load_tip(tx, actor, id);
    if (patch.assignee_id) {
      if (auto assignee = *patch.assignee_id) {
        auto unit = units_.find(tx, row.unit_id);
        auto officer = keys_.holder_candidate(tx, *assignee);
        if (!officer || !unit || unit->path.rfind(officer->unit_path, 0) != 0) {
          throw Error::field("assignee_id", "out_of_scope");
        }
      }
      row.assignee_id = *patch.assignee_id;
    }
    if (patch.useful) row.useful = *patch.useful;
    if (patch.solved_case) row.solved_case = *patch.solved_case;
    repo::update_workflow(tx, row, clock_.now());
    boost::json::object detail{{"assignee_id", row.assignee_id ? boost::json::value(*row.assignee_id) : nullptr},
                               {"useful", row.useful},
                               {"solved_case", row.solved_case}};
    audit_.record(tx, actor, "tip.update", "tip", std::to_string(id), boost::json::serialize(detail));
  });
  return get(actor, user_secret, id);
}

Service::Registered Service::register_tip(const Actor& actor, const std::string& user_secret, const NewTip& tip,
                                          const std::string& channel_code, bool issue_receipt, FileIntake* files) {
  detail::require_officer(actor);
  auto channel = channel_from(channel_code);
  if (!channel || !registrable(*channel))
    throw Error::field("channel", channel_code.empty() ? "required" : "unknown_value");
  auto [id, receipt] = store(tip, *channel, &actor, issue_receipt, files);
  Registered out{get(actor, user_secret, id), std::nullopt};
  if (issue_receipt) out.receipt = receipt;
  return out;
}

Message Service::add_message(const Actor& actor, const std::string& user_secret, std::int64_t id,
                             const std::string& raw_body, bool internal) const {
  std::string body = checked_text(raw_body, "body", kMaxMessage, true);
  Message out;
  db_.write([&](db::Tx& tx) {
    auto row = detail::load_tip(tx, actor, id);
    auto key = detail::unit_key(tx, keys_, actor, user_secret, row.unit_key_id);
    if (!internal && row.tipster_public_key.empty()) throw Error::field("internal", "unknown_value");
    auto now = clock_.now();
    repo::MessageRow m{0,
                       "officer",
                       actor.user_id,
                       actor.username,
                       internal,
                       row.unit_key_id,
                       crypto::seal(key.public_key, body),
                       internal ? std::string() : crypto::seal(row.tipster_public_key, body),
                       now};
    m.id = repo::insert_message(tx, id, m);
    out = Message{m.id, "officer", actor.username, internal, body, now};
    audit_.record(tx, actor, internal ? "tip.note" : "tip.message", "tip", std::to_string(id));
  });
  return out;
}

Identity Service::reveal_identity(const Actor& actor, const std::string& user_secret, std::int64_t id,
                                  const std::string& raw_reason) const {
  std::string reason = checked_text(raw_reason, "reason", 1000, true);
  Identity identity;
  db_.write([&](db::Tx& tx) {
    auto row = detail::load_tip(tx, actor, id);
    if (!keys_.may_see_identity(tx, actor.user_id)) throw Error::forbidden("no identity permission");
    if (row.identity_sealed.empty()) throw Error::not_found("anonymous tip");
    auto key = detail::unit_key(tx, keys_, actor, user_secret, row.unit_key_id);
    auto sealed = crypto::open_sealed(key, row.identity_sealed);
    if (!sealed) throw Error::internal("identity does not open with the commune key");
    auto o = boost::json::parse(*sealed).as_object();
    identity = Identity{std::string(o.at("name").as_string()), std::string(o.at("phone").as_string()),
                        std::string(o.at("address").as_string())};
    audit_.record(tx, actor, "tip.identity_reveal", "tip", std::to_string(id), "{}", reason);
  });
  return identity;
}

void Service::tipster_reply(const std::string& receipt, const std::string& raw_body) {
  std::string body = checked_text(raw_body, "body", kMaxMessage, true);
  auto access = tipster_access(receipt);
  crypto::wipe(access.keys.secret_key);
  db_.write([&](db::Tx& tx) {
    auto row = repo::get(tx, access.tip_id).value();
    if (row.status == code(Status::closed)) throw Error::conflict("the tip is closed");
    auto key = keys_.current_for_tip(tx, row.unit_key_id);
    auto now = clock_.now();
    repo::insert_message(tx, row.id,
                         repo::MessageRow{0, "tipster", std::nullopt, "", false, row.unit_key_id,
                                          crypto::seal(key, body), crypto::seal(access.keys.public_key, body), now});
    audit::Entry e;
    e.actor_name = "citizen";
    e.action = "tip.tipster_message";
    e.entity = "tip";
    e.entity_id = std::to_string(row.id);
    audit_.record(tx, std::move(e));
  });
}

}  // namespace antq::mailbox
