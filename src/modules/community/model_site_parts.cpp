// What hangs on a model site: its steering board, its teams and their members, the yearly
// assessment and the regulation document. Each is kept by the site's own unit's keepers
// (load_kept) and each change is audited with counts and field names, never with names.
#include <boost/json.hpp>

#include <algorithm>

#include "modules/community/fire_repo.hpp"
#include "modules/community/internal.hpp"
#include "modules/community/model_parts_repo.hpp"
#include "modules/community/models.hpp"
#include "modules/community/rules.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"
#include "platform/media/media.hpp"

namespace antq::community {
namespace {

using namespace internal;

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxNote = 2000;
constexpr const char* kDocxMime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

std::string json(boost::json::object o) { return boost::json::serialize(o); }

bool one_of(const std::string& value, std::initializer_list<const char*> allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return value == a; });
}

std::vector<BoardMember> checked_board(const std::vector<BoardMember>& in) {
  FieldErrors errors;
  if (in.size() > Models::kMaxBoard) errors.add("members", "too_long");
  std::vector<BoardMember> out;
  int heads = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto& m = in[i];
    BoardMember b;
    FieldErrors row;
    b.full_name = bounded(row, "members.full_name", m.full_name, kMaxName);
    if (b.full_name.empty()) row.add("members.full_name", "required");
    b.title = bounded(row, "members.title", m.title, kMaxName);
    if (!one_of(m.role, {"head", "deputy", "member"})) row.add("members.role", "unknown_value");
    b.role = m.role;
    heads += m.role == "head" ? 1 : 0;
    errors.add_row(row, i);
    out.push_back(std::move(b));
  }
  if (heads > 1) errors.add("members", "two_heads");
  errors.throw_if_any();
  return out;
}

// Two members' times in the team overlap ([joined, left), an open end is forever).
bool overlap(const ModelTeamMember& a, const ModelTeamMember& b) {
  return (!b.left_on || a.joined_on < *b.left_on) && (!a.left_on || b.joined_on < *a.left_on);
}

ModelTeamMember checked_member(FieldErrors& errors, const ModelTeamMember& in, const ModelTeam& team,
                               const std::string& today) {
  ModelTeamMember m;
  m.full_name = bounded(errors, "members.full_name", in.full_name, kMaxName);
  if (m.full_name.empty()) errors.add("members.full_name", "required");
  if (!one_of(in.role, {"leader", "deputy", "member"})) errors.add("members.role", "unknown_value");
  m.role = in.role;
  auto joined = past_date(errors, "members.joined_on", in.joined_on, today);
  if (!joined && in.joined_on.empty()) errors.add("members.joined_on", "required");
  if (joined && !team.founded_on.empty() && *joined < team.founded_on)
    errors.add("members.joined_on", "before_founded");
  // Against the team's end only when that end is itself right (after its founding).
  bool ends = team.ended_on && *team.ended_on > team.founded_on;
  if (joined && ends && *joined >= *team.ended_on) errors.add("members.joined_on", "after_ended");
  m.joined_on = joined.value_or("");
  m.left_on = past_date(errors, "members.left_on", in.left_on, today);
  if (joined && m.left_on && *m.left_on <= *joined) errors.add("members.left_on", "before_joined");
  if (m.left_on && ends && *m.left_on > *team.ended_on) errors.add("members.left_on", "after_ended");
  return m;
}

ModelTeam checked_team(const ModelTeamInput& in, ModelTeam t, const ModelSite& site, const std::string& today) {
  FieldErrors errors;
  t.name = bounded(errors, "name", in.name, kMaxName);
  if (t.name.empty()) errors.add("name", "required");
  auto founded = past_date(errors, "founded_on", in.founded_on, today);
  if (!founded && in.founded_on.empty()) errors.add("founded_on", "required");
  if (founded && *founded < site.launched_on) errors.add("founded_on", "before_launched");
  if (founded && site.ended_on && *founded >= *site.ended_on) errors.add("founded_on", "after_site_ended");
  t.founded_on = founded.value_or("");
  t.ended_on = past_date(errors, "ended_on", in.ended_on, today);
  if (founded && t.ended_on && *t.ended_on <= *founded) errors.add("ended_on", "before_founded");
  if (t.ended_on && site.ended_on && *t.ended_on > *site.ended_on) errors.add("ended_on", "after_site_ended");
  if (in.members.size() > Models::kMaxTeamMembers) errors.add("members", "too_long");
  t.members.clear();
  for (std::size_t i = 0; i < in.members.size(); ++i) {
    FieldErrors row;
    t.members.push_back(checked_member(row, in.members[i], t, today));
    errors.add_row(row, i);
  }
  for (std::size_t i = 0; i < t.members.size(); ++i) {
    for (std::size_t j = i + 1; j < t.members.size(); ++j) {
      const auto& a = t.members[i];
      const auto& b = t.members[j];
      if (a.role == "leader" && b.role == "leader" && overlap(a, b)) errors.add("members", "two_leaders");
    }
  }
  errors.throw_if_any();
  return t;
}

// The document as it will be kept: a PDF or a DOCX as sent, a photo without its metadata;
// anything else is `file: unsupported_document`.
std::pair<std::string, std::string> kept_document(std::string_view bytes) {
  if (bytes.empty()) throw Error::field("file", "required");
  if (bytes.size() > Models::kMaxRegulationBytes) throw Error::field("file", "file_too_large");
  auto mime = media::sniff(bytes.substr(0, media::kSniffBytes));
  if (mime == kDocxMime) return {mime, std::string(bytes)};
  auto family = media::accepted(mime);
  if (family == media::Family::pdf) return {mime, std::string(bytes)};
  if (family != media::Family::image) throw Error::field("file", "unsupported_document");
  try {
    return {mime, media::strip_metadata(bytes)};
  } catch (const std::runtime_error&) {
    throw Error::field("file", "invalid_format");
  }
}

}  // namespace

ModelSiteDetail Models::set_board(const Actor& actor, std::int64_t site_id, std::int64_t version,
                                  const std::vector<BoardMember>& board) const {
  require(may_keep_teams(actor), "model sites are kept by commune officers and administrators");
  auto checked = checked_board(board);
  db_.write([&](db::Tx& tx) {
    auto v = load_kept(tx, actor, site_id);
    if (version != v.site.version || !model_parts_repo::bump_site(tx, site_id, version, clock_.now())) {
      throw Error::conflict("the model site was changed meanwhile");
    }
    model_parts_repo::set_board(tx, site_id, checked);
    audit_.record(tx, actor, "model_site.board", "model_site", std::to_string(site_id),
                  json({{"members", checked.size()}}));
  });
  return site(actor, site_id);
}

ModelSiteDetail Models::add_team(const Actor& actor, std::int64_t site_id, const ModelTeamInput& input) const {
  require(may_keep_teams(actor), "model sites are kept by commune officers and administrators");
  db_.write([&](db::Tx& tx) {
    auto v = load_kept(tx, actor, site_id);
    auto team = checked_team(input, ModelTeam{}, v.site, today());
    team.site_id = site_id;
    team.id = model_parts_repo::insert_team(tx, team);
    model_parts_repo::set_members(tx, team.id, team.members);
    audit_.record(tx, actor, "model_team.create", "model_site", std::to_string(site_id),
                  json({{"team", team.id}, {"members", team.members.size()}}));
  });
  return site(actor, site_id);
}

ModelSiteDetail Models::update_team(const Actor& actor, std::int64_t team_id, const ModelTeamInput& input) const {
  require(may_keep_teams(actor), "model sites are kept by commune officers and administrators");
  std::int64_t site_id = 0;
  db_.write([&](db::Tx& tx) {
    auto before = model_parts_repo::team(tx, team_id);
    if (!before) throw Error::not_found("model team");
    site_id = before->site_id;
    auto v = load_kept(tx, actor, site_id);
    if (input.version != before->version) throw Error::conflict("the model team was changed meanwhile");
    auto after = checked_team(input, *before, v.site, today());
    if (!model_parts_repo::update_team(tx, after)) throw Error::conflict("the model team was changed meanwhile");
    model_parts_repo::set_members(tx, team_id, after.members);
    boost::json::array fields;
    if (after.name != before->name) fields.emplace_back("name");
    if (after.founded_on != before->founded_on) fields.emplace_back("founded_on");
    if (after.ended_on != before->ended_on) fields.emplace_back("ended_on");
    fields.emplace_back("members");
    audit_.record(tx, actor, "model_team.update", "model_site", std::to_string(site_id),
                  json({{"team", team_id}, {"fields", fields}, {"members", after.members.size()}}));
  });
  return site(actor, site_id);
}

ModelSiteDetail Models::delete_team(const Actor& actor, std::int64_t team_id, std::int64_t version) const {
  require(may_keep_teams(actor), "model sites are kept by commune officers and administrators");
  std::int64_t site_id = 0;
  db_.write([&](db::Tx& tx) {
    auto team = model_parts_repo::team(tx, team_id);
    if (!team) throw Error::not_found("model team");
    site_id = team->site_id;
    load_kept(tx, actor, site_id);
    if (version != team->version || !model_parts_repo::delete_team(tx, team_id, version)) {
      throw Error::conflict("the model team was changed meanwhile");
    }
    audit_.record(tx, actor, "model_team.delete", "model_site", std::to_string(site_id), json({{"team", team_id}}));
  });
  return site(actor, site_id);
}

ModelSiteDetail Models::assess(const Actor& actor, std::int64_t site_id, int year, std::int64_t version,
                               const Assessment& input) const {
  require(may_keep_teams(actor), "model sites are kept by commune officers and administrators");
  FieldErrors errors;
  auto day = today();
  Assessment a;
  a.year = year;
  if (!one_of(input.rating, {"effective", "partly_effective", "ineffective"})) errors.add("rating", "unknown_value");
  a.rating = input.rating;
  a.note = bounded(errors, "note", input.note, kMaxNote);
  auto on = past_date(errors, "assessed_on", input.assessed_on, day);
  if (!on && input.assessed_on.empty()) errors.add("assessed_on", "required");
  // A year still ahead is no year to assess; only a real year's first day bounds the date.
  bool ahead = !rules::year_ok(year) || std::to_string(year) > day.substr(0, 4);
  if (ahead) errors.add("year", "out_of_range");
  if (on && !ahead && *on < std::to_string(year) + "-01-01") errors.add("assessed_on", "before_year");
  a.assessed_on = on.value_or("");
  errors.throw_if_any();
  db_.write([&](db::Tx& tx) {
    auto v = load_kept(tx, actor, site_id);
    if (!rules::year_ok(year) || !assessable_year(v.site, year)) throw Error::field("year", "out_of_range");
    // Another officer's assessment of the year is not overwritten unseen.
    if (version != v.site.version || !model_parts_repo::bump_site(tx, site_id, version, clock_.now())) {
      throw Error::conflict("the model site was changed meanwhile");
    }
    model_parts_repo::put_assessment(tx, site_id, a, user_of(actor));
    audit_.record(tx, actor, "model_site.assessment", "model_site", std::to_string(site_id),
                  json({{"year", year}, {"rating", a.rating}}));
  });
  return site(actor, site_id);
}

ModelSiteDetail Models::set_regulation(const Actor& actor, std::int64_t site_id, std::string_view bytes,
                                       const std::string& name) const {
  require(may_keep_teams(actor), "model sites are kept by commune officers and administrators");
  db_.read([&](db::Tx& tx) { kept_site(tx, actor, site_id); });  // nobody else's file is even looked at
  auto document = kept_document(bytes);
  const auto& mime = document.first;
  const auto& kept = document.second;
  FieldErrors errors;
  CommunityFile f;
  f.owner_kind = "model_site";
  f.owner_id = std::to_string(site_id);
  f.kind = "regulation";
  f.name = bounded(errors, "name", name, kMaxName);
  f.mime = mime;
  f.size = static_cast<std::int64_t>(kept.size());
  f.sha256 = crypto::sha256_hex(kept);
  errors.throw_if_any();
  db_.write([&](db::Tx& tx) {
    load_kept(tx, actor, site_id);
    fire_repo::delete_files(tx, f.owner_kind, f.owner_id);
    f.id = fire_repo::insert_file(tx, f, kept, user_of(actor), clock_.now());
    audit_.record(tx, actor, "model_site.regulation", "model_site", std::to_string(site_id),
                  json({{"file", f.id}, {"sha256", f.sha256}, {"mime", f.mime}}));
  });
  return site(actor, site_id);
}

std::pair<CommunityFile, std::string> Models::regulation(const Actor& actor, std::int64_t site_id) const {
  std::pair<CommunityFile, std::string> out;
  db_.read([&](db::Tx& tx) {
    load(tx, actor, site_id);
    auto files = fire_repo::files_of(tx, "model_site", std::to_string(site_id));
    if (files.empty()) throw Error::not_found("regulation");
    out = {files.back(), fire_repo::file_bytes(tx, files.back().id)};
  });
  return out;
}

}  // namespace antq::community
