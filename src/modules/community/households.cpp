// Households: who may do what, the checks of a household and of a registration tick,
// and the share registered per village. Every change is audited in its own transaction
// with field names only; a phone read is audited with its reason.
#include "modules/community/households.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include <map>

#include "modules/community/fire_repo.hpp"
#include "modules/community/households_repo.hpp"
#include "modules/community/internal.hpp"
#include "modules/community/rules.hpp"
#include "platform/error.hpp"
#include "platform/privacy/personal_key.hpp"
#include "platform/text/phone.hpp"
#include "platform/text/text.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxAddress = 300;
constexpr std::size_t kMaxNote = 2000;
constexpr std::size_t kMaxReason = 500;
constexpr std::size_t kMaxMissingListed = 500;

std::optional<Consent> checked_consent(FieldErrors& errors, const std::optional<Consent>& in,
                                       const std::string& today) {
  if (!in) return std::nullopt;
  Consent c{in->on, in->channel, text::clean(in->text_version)};
  auto on = past_date(errors, "consent.on", in->on, today);
  if (!on) {
    if (in->on.empty()) errors.add("consent.on", "required");
  } else {
    c.on = *on;
  }
  if (c.channel != "paper" && c.channel != "officer" && c.channel != "team")
    errors.add("consent.channel", "unknown_value");
  if (text::length(c.text_version) > 50) errors.add("consent.text_version", "too_long");
  return c;
}

}  // namespace

namespace internal {

boost::json::array changed_fields(const Household& a, const Household& b) {
  boost::json::array out;
  auto add = [&](bool differs, const char* name) {
    if (differs) out.emplace_back(name);
  };
  add(a.village_id != b.village_id, "village_id");
  add(a.head_name != b.head_name, "head_name");
  add(a.address != b.address, "address");
  add(a.members != b.members, "members");
  add(a.phone_lookup != b.phone_lookup, "phone");
  add(a.consent.has_value() != b.consent.has_value() ||
          (a.consent && (a.consent->on != b.consent->on || a.consent->channel != b.consent->channel ||
                         a.consent->text_version != b.consent->text_version)),
      "consent");
  add(a.since_on != b.since_on, "since_on");
  add(a.left_on != b.left_on, "left_on");
  add(a.note != b.note, "note");
  return out;
}

}  // namespace internal

std::string Households::today() const { return time::local_date(clock_.now()); }

units::Unit Households::village_in_scope(db::Tx& tx, const Actor& actor, std::int64_t village_id) const {
  auto village = units_.find(tx, village_id);
  if (!village || village->kind != units::Kind::residential_area || !actor.covers(village->path) ||
      !village->active_on(today()) || !village->parent_id) {
    throw Error::field("village_id", "not_found");
  }
  return *village;
}

std::shared_ptr<const units::Service::UnitSet> Households::villages_of(db::Tx& tx, const Actor& actor,
                                                                       std::optional<std::int64_t> unit_id) const {
  auto id = unit_id.value_or(actor.scope_unit_id);
  auto unit = units_.find(tx, id);
  if (!unit || !actor.covers(unit->path)) throw Error::not_found("unit");
  return units_.units_under(tx, id, {units::Kind::residential_area});
}

HouseholdView Households::view_of(Household h, const units::Unit& village, int year,
                                  std::optional<Registration> registration) const {
  HouseholdView v;
  v.has_phone = h.phone_sealed.has_value();
  h.phone_sealed.reset();
  h.phone_lookup.reset();
  v.household = std::move(h);
  v.village_name = village.name;
  v.village_path = village.path;
  v.registration_year = year;
  v.registration = std::move(registration);
  return v;
}

HouseholdView Households::load(db::Tx& tx, const Actor& actor, std::int64_t id) const {
  require(may_read(actor), "households are not for auditors");
  auto h = households_repo::get(tx, id);
  auto village = h ? units_.find(tx, h->village_id) : std::nullopt;
  if (!h || !village || !actor.covers(village->path)) throw Error::not_found("household");
  auto year = rules::registration_year_of(today());
  return view_of(*h, *village, year, households_repo::registration(tx, id, year));
}

Household Households::checked(db::Tx& tx, const Actor& actor, const HouseholdInput& in, Household h) const {
  FieldErrors errors;
  auto day = today();
  if (!in.village_id) {
    errors.add("village_id", "required");
  } else {
    h.village_id = village_in_scope(tx, actor, *in.village_id).id;
  }
  h.head_name = bounded(errors, "head_name", in.head_name, kMaxName);
  if (h.head_name.empty()) errors.add("head_name", "required");
  h.address = bounded(errors, "address", in.address, kMaxAddress);
  if (in.members < rules::kMinMembers || in.members > rules::kMaxMembers) errors.add("members", "out_of_range");
  h.members = in.members;
  h.since_on = past_date(errors, "since_on", in.since_on, day);
  h.left_on = past_date(errors, "left_on", in.left_on, day);
  if (h.since_on && h.left_on && *h.left_on < *h.since_on) errors.add("left_on", "before_since");
  h.note = bounded(errors, "note", in.note, kMaxNote);
  if (in.consent) h.consent = checked_consent(errors, in.consent, day);
  if (in.phone && in.phone->empty()) {
    h.phone_sealed.reset();
    h.phone_lookup.reset();
  } else if (in.phone) {
    auto check = text::normalise_phone(*in.phone);
    if (!check.phone) {
      errors.add("phone", check.error);
    } else if (!h.consent) {
      errors.add("consent", "consent_required");
    } else {
      h.phone_sealed = personal_key_.seal(check.phone->e164);
      h.phone_lookup = personal_key_.lookup(check.phone->e164);
    }
  }
  errors.throw_if_any();
  return h;
}

Page<HouseholdView> Households::list(const Actor& actor, const HouseholdFilter& in) const {
  require(may_read(actor), "households are not for auditors");
  households_repo::ListFilter f;
  f.terms = text::search_terms(in.q);
  f.year = rules::registration_year_or_current(in.year, today());
  if (!rules::year_ok(f.year)) throw Error::field("year", "out_of_range");
  f.registered = in.registered;
  if (!in.include_left) f.present_on = today();
  f.page = std::max(1, in.page);
  f.page_size = std::clamp(in.page_size, 1, 500);
  Page<HouseholdView> out;
  db_.read([&](db::Tx& tx) {
    auto villages = villages_of(tx, actor, in.unit_id);
    std::map<std::int64_t, const units::Unit*> by_id;
    for (const auto& v : villages->units) by_id[v.id] = &v;
    auto page = households_repo::list(tx, villages->ids_json, f);
    out.total = page.total;
    for (auto& row : page.items) {
      const auto& village = *by_id.at(row.household.village_id);
      out.items.push_back(view_of(std::move(row.household), village, f.year, std::move(row.registration)));
    }
  });
  return out;
}

HouseholdDetail Households::get(const Actor& actor, std::int64_t id) const {
  HouseholdDetail out;
  db_.read([&](db::Tx& tx) {
    out.view = load(tx, actor, id);
    out.registrations = households_repo::registrations_of(tx, id);
  });
  return out;
}

HouseholdView Households::create(const Actor& actor, const HouseholdInput& input) const {
  require(may_write(actor), "households are kept by commune officers, administrators and village teams");
  HouseholdView out;
  db_.write([&](db::Tx& tx) {
    Household h = checked(tx, actor, input, Household{});
    if (h.phone_sealed) privacy::check_key(tx, personal_key_, clock_.now());
    h.demo = input.demo;
    auto village = *units_.find(tx, h.village_id);
    auto commune = *units_.find(tx, *village.parent_id);
    h.code = fmt::format("{}-HO-{:05d}", commune.code, households_repo::next_number(tx, commune.id, "HO"));
    h.id = households_repo::insert(tx, h, clock_.now());
    audit_.record(tx, actor, "household.create", "household", std::to_string(h.id),
                  boost::json::serialize(boost::json::object{{"code", h.code}, {"village_id", h.village_id}}));
    out = view_of(h, village, rules::registration_year_of(today()), std::nullopt);
  });
  return out;
}

HouseholdView Households::update(const Actor& actor, std::int64_t id, const HouseholdInput& input) const {
  require(may_write(actor), "households are kept by commune officers, administrators and village teams");
  db_.write([&](db::Tx& tx) {
    load(tx, actor, id);
    auto before = *households_repo::get(tx, id);
    if (input.version != before.version) throw Error::conflict("the household was changed meanwhile");
    Household after = checked(tx, actor, input, before);
    if (after.phone_lookup != before.phone_lookup) privacy::check_key(tx, personal_key_, clock_.now());
    bool in_group = !fire_repo::groups_of(tx, {id}).empty();
    // A fire-safety group is of one village: a member moves only once out of it.
    if (after.village_id != before.village_id && in_group) throw Error::field("village_id", "in_fire_group");
    if (!households_repo::update(tx, after, clock_.now())) throw Error::conflict("the household was changed meanwhile");
    if (after.village_id != before.village_id) fire_repo::move_extinguishers(tx, id, after.village_id);
    if (in_group && after.left_on && !before.left_on) fire_repo::quit_groups(tx, id, clock_.now());
    audit_.record(tx, actor, "household.update", "household", std::to_string(id),
                  boost::json::serialize(boost::json::object{{"fields", changed_fields(before, after)}}));
  });
  HouseholdView out;
  db_.read([&](db::Tx& tx) { out = load(tx, actor, id); });
  return out;
}

std::string Households::phone(const Actor& actor, std::int64_t id, std::string_view raw_reason) const {
  require(may_read_phones(actor), "households' phones are for commune officers");
  auto reason = text::clean(std::string(raw_reason));
  if (reason.empty()) throw Error::field("reason", "required");
  if (text::length(reason) > kMaxReason) throw Error::field("reason", "too_long");
  std::string out;
  db_.write([&](db::Tx& tx) {
    load(tx, actor, id);
    auto h = *households_repo::get(tx, id);
    if (h.phone_sealed) out = personal_key_.open(*h.phone_sealed);
    audit_.record(tx, actor, "household.phone_read", "household", std::to_string(id), "{}", reason);
  });
  return out;
}

HouseholdView Households::withdraw_consent(const Actor& actor, std::int64_t id) const {
  require(may_witness(actor), "a consent is withdrawn before a commune officer or the village team");
  db_.write([&](db::Tx& tx) {
    load(tx, actor, id);
    auto h = *households_repo::get(tx, id);
    h.phone_sealed.reset();
    h.phone_lookup.reset();
    h.consent.reset();
    if (!households_repo::update(tx, h, clock_.now())) throw Error::conflict("the household was changed meanwhile");
    fire_repo::quit_groups(tx, id, clock_.now());  // the consent covered its membership too (D3)
    audit_.record(tx, actor, "household.consent_withdrawn", "household", std::to_string(id));
  });
  HouseholdView out;
  db_.read([&](db::Tx& tx) { out = load(tx, actor, id); });
  return out;
}

Registration Households::checked_registration(FieldErrors& errors, std::int64_t household_id, int year,
                                              const RegistrationInput& in) const {
  if (!rules::year_ok(year)) {
    errors.add("year", "out_of_range");
    return {};
  }
  Registration r;
  r.household_id = household_id;
  r.year = year;
  auto on = past_date(errors, "registered_on", in.registered_on, today());
  if (!on && in.registered_on.empty()) errors.add("registered_on", "required");
  if (on && !rules::registration_year(year).contains(*on)) errors.add("registered_on", "outside_year");
  r.registered_on = on.value_or("");
  r.signed_form = in.signed_form;
  r.note = bounded(errors, "note", in.note, kMaxReason);
  if (in.base_version < 0) errors.add("base_version", "out_of_range");
  r.content_hash = ContentHash{}
                       .add("registered_on", r.registered_on)
                       .add("signed", r.signed_form ? 1 : 0)
                       .add("note", r.note)
                       .hex();
  return r;
}

RegistrationWrite Households::register_year(const Actor& actor, std::int64_t household_id, int year,
                                            const RegistrationInput& in) const {
  require(may_witness(actor), "registrations are recorded by commune officers and village teams");
  FieldErrors errors;
  auto r = checked_registration(errors, household_id, year, in);
  errors.throw_if_any();
  RegistrationWrite out;
  db_.write([&](db::Tx& tx) {
    load(tx, actor, household_id);
    auto stored = households_repo::registration(tx, household_id, year);
    auto check = [&](Registration& fresh) {
      auto h = *households_repo::get(tx, household_id);
      if (!rules::present_on(h.since_on, h.left_on, fresh.registered_on)) {
        throw Error::field("registered_on", "not_present");
      }
      fresh.recorded_by = user_of(actor);
      fresh.device_at = in.device_at;
      fresh.received_at = clock_.now();
    };
    auto written = write_offline(
        stored, in.base_version, r, check,
        [&](const Registration& fresh, auto seen) { return households_repo::put_registration(tx, fresh, seen); },
        [&] { return households_repo::registration(tx, household_id, year); }, "the registration");
    out = {written.record, written.outcome};
    if (out.outcome == Outcome::replayed) return;
    audit_.record(
        tx, actor, "household.registration", "household", std::to_string(household_id),
        boost::json::serialize(boost::json::object{
            {"year", year}, {"outcome", std::string(code_of(out.outcome))}, {"version", out.registration.version}}));
  });
  return out;
}

RegistrationReport Households::registrations(const Actor& actor, std::optional<std::int64_t> unit_id, int year) const {
  require(may_read(actor), "households are not for auditors");
  auto today_date = today();
  RegistrationReport report;
  report.year = rules::registration_year_or_current(year, today_date);
  if (!rules::year_ok(report.year)) throw Error::field("year", "out_of_range");
  report.day = rules::report_day(report.year, today_date);
  db_.read([&](db::Tx& tx) {
    auto villages = villages_of(tx, actor, unit_id);
    std::map<std::int64_t, VillageShare> shares;
    for (const auto& s : households_repo::shares(tx, villages->ids_json, report.year, report.day)) {
      shares[s.village_id] = s;
    }
    auto unregistered = households_repo::unregistered(tx, villages->ids_json, report.year, report.day,
                                                      static_cast<int>(kMaxMissingListed));
    std::map<std::int64_t, VillageRegistration*> by_id;
    for (const auto& village : villages->units) {
      auto s = shares.find(village.id);
      bool active = village.active_on(report.day);
      if (!active && s == shares.end()) continue;  // an old village with nobody in it
      VillageRegistration row;
      row.village_id = village.id;
      row.village_name = village.name;
      row.historic = !active;
      if (s != shares.end()) row.households = s->second.households, row.registered = s->second.registered;
      row.share = rules::share(row.registered, row.households);
      report.households += row.households;
      report.registered += row.registered;
      report.villages.push_back(std::move(row));
    }
    for (auto& row : report.villages) by_id[row.village_id] = &row;
    std::map<std::int64_t, const units::Unit*> units_by_id;
    for (const auto& v : villages->units) units_by_id[v.id] = &v;
    for (auto& h : unregistered) {
      auto it = by_id.find(h.village_id);
      if (it == by_id.end()) continue;
      it->second->missing.push_back(view_of(std::move(h), *units_by_id.at(it->first), report.year, std::nullopt));
    }
  });
  report.share = rules::share(report.registered, report.households);
  report.missing_truncated = report.households - report.registered > static_cast<std::int64_t>(kMaxMissingListed);
  return report;
}

}  // namespace antq::community
