// Checks of a household's extinguishers: recorded online or on a phone with no signal, by
// the offline rule (offline.hpp) as drills are, each write audited. The extinguisher's
// last check is the latest of its checks; the latest refill or replacement sets its
// expiry, so that the due lists read the extinguisher alone.
#include <boost/json.hpp>

#include "modules/community/fire_groups.hpp"
#include "modules/community/fire_repo.hpp"
#include "modules/community/internal.hpp"
#include "platform/error.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr std::size_t kMaxNote = 2000;

bool renews(const std::string& result) { return result == "refilled" || result == "replaced"; }

bool known_result(const std::string& result) {
  for (const char* known : {"ok", "low_pressure", "damaged", "missing", "refilled", "replaced"}) {
    if (result == known) return true;
  }
  return false;
}

std::string content_hash_of(const ExtinguisherCheck& c) {
  return ContentHash{}
      .add("extinguisher_id", c.extinguisher_id)
      .add("checked_on", c.checked_on)
      .add("result", c.result)
      .add("new_expires_on", c.new_expires_on.value_or(""))
      .add("note", c.note)
      .hex();
}

// The rules of the extinguisher it is about: not before it was made, not after it was
// retired; a new expiry after its manufacture (the table's own rule).
void check_against(const ExtinguisherCheck& c, const Extinguisher& e) {
  FieldErrors errors;
  if (e.manufactured_on && c.checked_on < *e.manufactured_on) errors.add("checked_on", "before_manufactured");
  if (e.retired_on && c.checked_on > *e.retired_on) errors.add("checked_on", "after_retired");
  if (c.result == "refilled" && c.new_expires_on && e.manufactured_on && *c.new_expires_on <= *e.manufactured_on) {
    errors.add("new_expires_on", "before_manufactured");
  }
  errors.throw_if_any();
}

}  // namespace

ExtinguisherCheckWrite FireGroups::record_check(const Actor& actor, const std::string& id,
                                                const ExtinguisherCheckInput& in) const {
  require(may_witness(actor), "extinguisher checks are recorded by commune officers and village teams");
  if (!valid_record_id(id)) throw Error::not_found("extinguisher check");
  FieldErrors errors;
  ExtinguisherCheck c;
  c.id = id;
  c.extinguisher_id = in.extinguisher_id;
  auto checked = past_date(errors, "checked_on", in.checked_on, today());
  if (!checked && in.checked_on.empty()) errors.add("checked_on", "required");
  c.checked_on = checked.value_or("");
  if (!known_result(in.result)) errors.add("result", "unknown_value");
  c.result = in.result;
  c.new_expires_on = any_date(errors, "new_expires_on", in.new_expires_on);
  if (renews(c.result) && !c.new_expires_on && (!in.new_expires_on || in.new_expires_on->empty())) {
    errors.add("new_expires_on", "required");
  }
  if (!renews(c.result) && c.new_expires_on) errors.add("new_expires_on", "not_renewed");
  if (c.new_expires_on && checked && *c.new_expires_on <= *checked) errors.add("new_expires_on", "not_after_check");
  c.note = bounded(errors, "note", in.note, kMaxNote);
  if (in.base_version < 0) errors.add("base_version", "out_of_range");
  errors.throw_if_any();
  c.content_hash = content_hash_of(c);

  ExtinguisherCheckWrite out;
  db_.write([&](db::Tx& tx) {
    auto stored = fire_repo::check(tx, id);
    if (stored && stored->extinguisher_id != c.extinguisher_id) {
      load_extinguisher(tx, actor, stored->extinguisher_id);
      throw Error::field("extinguisher_id", "cannot_change");
    }
    auto extinguisher = load_extinguisher(tx, actor, c.extinguisher_id);
    fire_repo::lock_household(tx, extinguisher.household_id);
    auto apply_rules = [&](ExtinguisherCheck& fresh) {
      check_against(fresh, extinguisher);
      fresh.recorded_by = user_of(actor);
      fresh.device_at = in.device_at;
      fresh.received_at = clock_.now();
    };
    auto written = write_offline(
        stored, in.base_version, c, apply_rules,
        [&](const ExtinguisherCheck& r, auto seen) { return fire_repo::put_check(tx, r, seen); },
        [&] { return fire_repo::check(tx, id); }, "the extinguisher check");
    out.check = written.record;
    out.outcome = written.outcome;
    if (out.outcome != Outcome::replayed) {
      out.extinguisher = renew(tx, out.check);
      audit_.record(tx, actor, "extinguisher.check", "household", std::to_string(extinguisher.household_id),
                    boost::json::serialize(boost::json::object{{"check", id},
                                                               {"extinguisher", c.extinguisher_id},
                                                               {"result", out.check.result},
                                                               {"outcome", std::string(code_of(out.outcome))},
                                                               {"version", out.check.version}}));
    } else {
      out.extinguisher = fire_repo::extinguisher(tx, c.extinguisher_id).value();
    }
  });
  return out;
}

// The latest refill or replacement (by its day) gives the extinguisher its expiry and last
// refill; an older one arriving late from a phone changes nothing. Read after the check's
// write (which moved its last check), and returned as it now is.
Extinguisher FireGroups::renew(db::Tx& tx, const ExtinguisherCheck& c) const {
  auto e = fire_repo::extinguisher(tx, c.extinguisher_id).value();
  if (!renews(c.result) || !c.new_expires_on) return e;
  if (fire_repo::last_refill_check(tx, c.extinguisher_id) != c.checked_on) return e;
  if (e.expires_on == *c.new_expires_on && e.last_refill_on == c.checked_on) return e;
  e.expires_on = *c.new_expires_on;
  e.last_refill_on = c.checked_on;
  if (c.result == "replaced") e.manufactured_on.reset();  // a new bottle, of a day nobody typed
  if (!fire_repo::update_extinguisher(tx, e, clock_.now())) {
    throw Error::conflict("the extinguisher was changed meanwhile");
  }
  ++e.version;
  return e;
}

ExtinguisherCheck FireGroups::check(const Actor& actor, const std::string& id) const {
  require(may_read(actor), "fire-safety groups are not for auditors");
  if (!valid_record_id(id)) throw Error::not_found("extinguisher check");
  ExtinguisherCheck out;
  db_.read([&](db::Tx& tx) {
    auto c = fire_repo::check(tx, id);
    if (!c) throw Error::not_found("extinguisher check");
    load_extinguisher(tx, actor, c->extinguisher_id);
    out = *c;
  });
  return out;
}

std::vector<ExtinguisherCheck> FireGroups::checks(const Actor& actor, std::int64_t extinguisher_id) const {
  require(may_read(actor), "fire-safety groups are not for auditors");
  std::vector<ExtinguisherCheck> out;
  db_.read([&](db::Tx& tx) {
    load_extinguisher(tx, actor, extinguisher_id);
    out = fire_repo::checks_of(tx, extinguisher_id);
  });
  return out;
}

// The extinguisher in the actor's scope (its household's village); 404 otherwise.
Extinguisher FireGroups::load_extinguisher(db::Tx& tx, const Actor& actor, std::int64_t id) const {
  auto e = fire_repo::extinguisher(tx, id);
  if (!e) throw Error::not_found("extinguisher");
  household_in_scope(tx, actor, e->household_id);
  return *e;
}

}  // namespace antq::community
