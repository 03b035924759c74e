// Merges (sáp nhập): units end and become historic children of the unit they went into.
#include <boost/json.hpp>

#include <algorithm>

#include "modules/units/history.hpp"
#include "modules/units/repo.hpp"
#include "modules/units/service.hpp"
#include "platform/text/text.hpp"

namespace antq::units {

Unit Service::merge(const Actor& actor, const Merge& m) const {
  if (!actor.is(Role::admin)) throw Error::forbidden("only administrators merge units");
  FieldErrors errors;
  auto date = time::parse_date(m.effective_date);
  if (!date) errors.add("effective_date", m.effective_date.empty() ? "required" : "invalid_date");
  if (m.source_ids.empty()) errors.add("source_ids", "required");
  std::string basis = text::clean(m.basis);
  if (basis.empty()) errors.add("basis", "required");
  errors.throw_if_any();
  Unit result;
  db_.write([&](db::Tx& tx) {
    auto target = repo::get(tx, m.target_id);
    if (!target || !actor.covers(target->path)) throw Error::field("target_id", "not_found");
    std::vector<Unit> sources;
    for (auto id : m.source_ids) {
      auto s = repo::get(tx, id);
      if (!s || !actor.covers(s->path)) throw Error::field("source_ids", "not_found");
      if (s->id == target->id || target->path.rfind(s->path, 0) == 0) throw Error::field("source_ids", "cycle");
      if (s->valid_to) throw Error::field("source_ids", "unknown_value");  // already ended
      if (std::any_of(sources.begin(), sources.end(), [&](const Unit& o) { return o.id == s->id; })) {
        throw Error::field("source_ids", "duplicate");
      }
      sources.push_back(*s);
    }
    for (const auto& source : sources) merge_in(tx, source, *target, *date, basis);
    result = *repo::get(tx, target->id);
    boost::json::array ids;
    for (const auto& s : sources) ids.push_back(s.id);
    boost::json::object detail{{"source_ids", ids}, {"effective_date", *date}, {"basis", basis}};
    audit_.record(tx, actor, "unit.merge", "unit", std::to_string(target->id), boost::json::serialize(detail));
  });
  return result;
}

void Service::merge_in(db::Tx& tx, const Unit& source, const Unit& target, const std::string& date,
                       const std::string& basis, const std::string& part) const {
  auto now = clock_.now();
  // The source becomes a historic child of the target; its active children move up.
  repo::insert_history(tx, source.id, history_event("merged", date, source.parent_id, target.id, basis), now);
  repo::move(tx, source, target, now);
  auto ended = *repo::get(tx, source.id);
  ended.valid_to = time::previous_day(date);
  ended.merged_into = target.id;
  repo::update_fields(tx, ended, now);
  repo::insert_successor(tx, source.id, successor_link(target.id, date, true, part, basis));
  for (const auto& child : repo::children(tx, source.id)) {
    if (child.valid_to && *child.valid_to < date) continue;
    repo::insert_history(tx, child.id, history_event("moved", date, source.id, target.id, basis), now);
    repo::move(tx, child, *repo::get(tx, target.id), now);
  }
}

}  // namespace antq::units
