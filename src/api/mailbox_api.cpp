// /api/v1/public/tips (residents, no account) and /api/v1/tips, /api/v1/mailbox/keys
// (commune officers).
#include "api/mailbox_api.hpp"

#include <boost/json.hpp>

#include "http/uploads.hpp"
#include "platform/error.hpp"
#include "platform/i18n/catalog.hpp"

namespace antq::api {
namespace {

struct Deps {
  mailbox::Service& tips;
  mailbox::Keys& keys;
};

mailbox::NewTip read_tip(const boost::json::object& body) {
  json::Reader r(body);
  mailbox::NewTip t;
  t.unit_id = r.integer("unit_id");
  t.village_id = r.integer("village_id");
  t.kind = r.text("kind", 40).value_or("");
  // Long text is validated by the service against the 10,000-character limit.
  t.description = r.text("description", mailbox::kMaxDescription + 1).value_or("");
  t.when = r.text("when", 501).value_or("");
  t.where = r.text("where", 501).value_or("");
  t.identity_mode = r.text("identity_mode", 20).value_or("anonymous");
  t.consent = r.boolean("consent").value_or(false);
  t.wants_outcome = r.boolean("wants_outcome").value_or(false);
  t.box_opening_id = r.integer("box_opening_id");
  auto number = [&](const char* key) -> std::optional<double> {
    auto it = body.find(key);
    if (it == body.end() || it->value().is_null()) return std::nullopt;
    if (!it->value().is_number()) {
      r.errors().add(key, "wrong_type");
      return std::nullopt;
    }
    return it->value().to_number<double>();
  };
  t.latitude = number("latitude");
  t.longitude = number("longitude");
  if (auto it = body.find("identity"); it != body.end() && !it->value().is_null()) {
    if (!it->value().is_object()) {
      r.errors().add("identity", "wrong_type");
    } else {
      json::Reader id(it->value().get_object());
      t.identity.name = id.text("name", 201).value_or("");
      t.identity.phone = id.text("phone", 31).value_or("");
      t.identity.address = id.text("address", 501).value_or("");
      id.finish();
    }
  }
  r.finish();
  return t;
}

boost::json::value optional_number(const std::optional<double>& v) {
  if (!v) return nullptr;
  return *v;
}

boost::json::array status_codes(const std::vector<mailbox::Status>& statuses) {
  boost::json::array out;
  for (auto status : statuses) out.emplace_back(std::string(mailbox::code(status)));
  return out;
}

// A value of a taxonomy with its labels from the one catalog ("web.tip_kind.denunciation").
template <typename E>
boost::json::object labelled(E value, const std::string& group) {
  const auto& catalog = i18n::Catalog::embedded();
  std::string code(mailbox::code(value));
  std::string key = "web." + group + "." + code;
  return boost::json::object{{"code", code},
                             {"label", boost::json::object{{"vi", catalog.get(i18n::Locale::vi, key)},
                                                           {"en", catalog.get(i18n::Locale::en, key)}}}};
}

// Kinds, statuses, channels and identity modes with the rules that go with them: what a
// client needs to offer choices and moves without a copy of the workflow.
boost::json::object taxonomies_json() {
  boost::json::array kinds;
  for (auto kind : mailbox::all_kinds()) {
    auto o = labelled(kind, "tip_kind");
    o["legal_deadline"] = mailbox::has_legal_deadline(kind);
    o["receipt_record"] = mailbox::has_receipt_record(kind);
    kinds.push_back(std::move(o));
  }
  boost::json::array statuses;
  for (auto status : mailbox::all_statuses()) {
    auto o = labelled(status, "tip_status");
    o["deadline_runs"] = mailbox::deadline_runs(status);
    o["next"] = status_codes(mailbox::next_statuses(status));
    statuses.push_back(std::move(o));
  }
  boost::json::array channels;
  for (auto channel : mailbox::all_channels()) {
    auto o = labelled(channel, "tip_channel");
    o["registrable"] = mailbox::registrable(channel);
    channels.push_back(std::move(o));
  }
  boost::json::array modes;
  for (auto mode : mailbox::all_identity_modes()) modes.push_back(labelled(mode, "identity_mode"));
  return boost::json::object{{"kinds", std::move(kinds)},
                             {"statuses", std::move(statuses)},
                             {"channels", std::move(channels)},
                             {"identity_modes", std::move(modes)}};
}

// Tips in the counts whose legal deadline still runs.
std::int64_t running_of(const std::map<std::string, std::int64_t>& counts) {
  std::int64_t n = 0;
  for (const auto& [code, count] : counts) {
    auto status = mailbox::status_from(code);
    if (status && mailbox::deadline_runs(*status)) n += count;
  }
  return n;
}

boost::json::object tip_json(const mailbox::TipView& t) {
  boost::json::object o{
      {"id", t.id},
      {"unit_id", t.unit_id},
      {"unit_name", t.unit_name},
      {"village_id", t.village_id ? boost::json::value(*t.village_id) : nullptr},
      {"kind", std::string(mailbox::code(t.kind))},
      {"channel", std::string(mailbox::code(t.channel))},
      {"status", std::string(mailbox::code(t.status))},
      {"identity_mode", std::string(mailbox::code(t.identity_mode))},
      {"wants_outcome", t.wants_outcome},
      {"received_at", time::format_iso_utc(t.received_at)},
      {"deadline_at", t.deadline_at ? boost::json::value(time::format_iso_utc(*t.deadline_at)) : nullptr},
      {"transferred_at", t.transferred_at ? boost::json::value(time::format_iso_utc(*t.transferred_at)) : nullptr},
      {"closed_at", t.closed_at ? boost::json::value(time::format_iso_utc(*t.closed_at)) : nullptr},
      {"duplicate_of", t.duplicate_of ? boost::json::value(*t.duplicate_of) : nullptr},
      {"assignee_id", t.assignee_id ? boost::json::value(*t.assignee_id) : nullptr},
      {"overdue", t.overdue},
      {"useful", t.useful},
      {"solved_case", t.solved_case},
      {"box_opening_id", t.box_opening_id ? boost::json::value(*t.box_opening_id) : nullptr},
      {"readable", t.readable},
      {"next_statuses", status_codes(mailbox::next_statuses(t.status))},
      {"deadline_running", mailbox::deadline_runs(t.status)},
      {"receipt_record", mailbox::has_receipt_record(t.kind)},
  };
  if (t.readable) {
    o["description"] = t.description;
    o["when"] = t.when;
    o["where"] = t.where;
    o["latitude"] = optional_number(t.latitude);
    o["longitude"] = optional_number(t.longitude);
  }
  return o;
}

boost::json::object message_json(const mailbox::Message& m, bool staff) {
  boost::json::object o{
      {"id", m.id}, {"author", m.author}, {"body", m.body}, {"created_at", time::format_iso_utc(m.created_at)}};
  if (staff) {
    o["author_name"] = m.author_name;
    o["internal"] = m.internal;
  }
  return o;
}

boost::json::object file_json(const mailbox::FileInfo& f) {
  return boost::json::object{{"id", f.id},         {"name", f.name},
                             {"mime", f.mime},     {"size", f.size},
                             {"author", f.author}, {"created_at", time::format_iso_utc(f.created_at)}};
}

boost::json::object tip_detail_json(const mailbox::TipView& t) {
  auto o = tip_json(t);
  boost::json::array events;
  for (const auto& e : t.events) {
    events.push_back(boost::json::object{
        {"at", time::format_iso_utc(e.at)},
        {"actor_name", e.actor_name},
        {"from", std::string(mailbox::code(e.from))},
        {"to", std::string(mailbox::code(e.to))},
        {"reason", e.reason},
        {"transferred_to", e.transferred_to},
        {"minutes_number", e.minutes_number},
        {"duplicate_of", e.duplicate_of ? boost::json::value(*e.duplicate_of) : nullptr},
    });
  }
  boost::json::array messages;
  for (const auto& m : t.messages) messages.push_back(message_json(m, true));
  boost::json::array files;
  for (const auto& f : t.files) files.push_back(file_json(f));
  o["events"] = std::move(events);
  o["messages"] = std::move(messages);
  o["files"] = std::move(files);
  return o;
}

boost::json::object count_json(const std::map<std::string, std::int64_t>& counts) {
  boost::json::object o;
  for (const auto& [k, v] : counts) o[k] = v;
  return o;
}

http::Response no_store(http::Response res) {
  res.set("Cache-Control", "no-store");
  return res;
}

// A tip as JSON, or as multipart/form-data with the JSON in a part named "tip" and up to
// the configured number of parts named "files".
struct TipUpload {
  boost::json::object body;
  std::unique_ptr<mailbox::FileIntake> files;  // null without files
};

TipUpload read_tip_upload(const Deps& d, const http::Request& req) {
  TipUpload u;
  if (!is_multipart(req)) {
    u.body = json_body(req);
    return u;
  }
  u.files = d.tips.file_intake();
  auto fields = read_form_and_files(req, *u.files);
  auto tip = http::field_value(fields, "tip");
  if (!tip) throw Error::field("tip", "required");
  u.body = json::parse_object(*tip);
  return u;
}

// "attachment" or "inline" with the file's name in both forms (RFC 6266, RFC 5987).
std::string content_disposition(const std::string& kind, const std::string& name) {
  std::string ascii;
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : name) {
    bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    ascii.push_back(plain ? static_cast<char>(c) : '_');
    if (plain) {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

// A file streamed to an officer: images inline (previews), anything else as a download.
http::Response file_response(mailbox::Service::OpenedFile opened, bool download) {
  http::Response res;
  res.status = 200;
  bool image = opened.info.mime.rfind("image/", 0) == 0;
  res.set("Content-Type", opened.info.mime);
  res.set("Content-Disposition", content_disposition(image && !download ? "inline" : "attachment", opened.info.name));
  res.set("Cache-Control", "no-store");
  res.set("Content-Security-Policy", "default-src 'none'; sandbox");
  res.stream_length = static_cast<std::size_t>(opened.info.size);
  std::shared_ptr<mailbox::FileReader> reader = std::move(opened.reader);
  res.stream = [reader] { return reader->next(); };
  return res;
}

// Residents (no account): submit, add files, follow, reply.

http::Response submit_tip(const Deps& d, http::Request& req) {
  auto upload = read_tip_upload(d, req);
  auto receipt = d.tips.submit(read_tip(upload.body), upload.files.get());
  return no_store(http::Response::json(201, boost::json::object{{"receipt", receipt.formatted}}));
}

http::Response add_tipster_files(const Deps& d, http::Request& req) {
  if (!is_multipart(req)) throw Error::of(Error::Kind::unsupported_media_type, "expected multipart/form-data");
  auto intake = d.tips.file_intake();
  auto fields = read_form_and_files(req, *intake);
  auto receipt = http::field_value(fields, "receipt");
  if (!receipt) throw Error::field("receipt", "required");
  d.tips.tipster_add_files(*receipt, *intake);
  return no_store(http::Response::json(201, boost::json::object{{"added", intake->files().size()}}));
}

http::Response follow_tip(const Deps& d, http::Request& req) {
  auto body = json_body(req);
  json::Reader r(body);
  auto receipt = r.required_text("receipt", 40);
  r.finish();
  auto view = d.tips.follow(*receipt);
  const auto& catalog = i18n::Catalog::embedded();
  std::string status(mailbox::code(view.status));
  boost::json::array messages;
  for (const auto& m : view.messages) messages.push_back(message_json(m, false));
  return no_store(http::Response::json(
      200, boost::json::object{{"status", status},
                               {"status_text", catalog.get(req.locale, "mailbox.status." + status)},
                               {"kind", std::string(mailbox::code(view.kind))},
                               {"unit_name", view.unit_name},
                               {"received_on", time::local_date(view.received_at)},
                               {"wants_outcome", view.wants_outcome},
                               {"files", view.files},
                               {"messages", std::move(messages)}}));
}

http::Response tipster_reply(const Deps& d, http::Request& req) {
  auto body = json_body(req);
  json::Reader r(body);
  auto receipt = r.required_text("receipt", 40);
  auto text = r.required_text("body", mailbox::kMaxMessage + 1);
  r.finish();
  d.tips.tipster_reply(*receipt, *text);
  return http::Response::empty(204);
}

// Staff: the inbox, a tip and its workflow, files, messages, identity, keys.

http::Response list_tips(const Deps& d, http::Request& req, const Caller& c) {
  mailbox::TipFilter f;
  f.status = text_param(req, "status");
  f.kind = text_param(req, "kind");
  f.page = int_param(req, "page", 1, 1, 1000000);
  f.page_size = int_param(req, "page_size", 50, 1, 200);
  f.overdue_only = flag_param(req, "overdue");
  f.query = text_param(req, "q");
  auto page = d.tips.list(c.actor, c.session.box_secret_key, f);
  boost::json::array items;
  for (const auto& t : page.items) items.push_back(tip_json(t));
  return no_store(http::Response::json(200, boost::json::object{{"items", std::move(items)},
                                                                {"total", page.total},
                                                                {"counts", count_json(page.counts)},
                                                                {"running", running_of(page.counts)}}));
}

http::Response get_taxonomies(const Deps&, http::Request&, const Caller&) {
  static const std::string body = boost::json::serialize(taxonomies_json());
  auto res = http::Response::text(200, body, "application/json; charset=utf-8");
  res.set("Cache-Control", "private, max-age=3600");
  return res;
}

http::Response get_tip(const Deps& d, http::Request& req, const Caller& c) {
  return no_store(
      http::Response::json(200, tip_detail_json(d.tips.get(c.actor, c.session.box_secret_key, path_id(req)))));
}

http::Response move_tip(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  mailbox::Transition t;
  t.to = r.required_text("status", 40).value_or("");
  t.reason = r.text("reason", mailbox::kMaxMessage + 1).value_or("");
  t.transferred_to = r.text("transferred_to", 300).value_or("");
  t.minutes_number = r.text("minutes_number", 100).value_or("");
  t.duplicate_of = r.integer("duplicate_of");
  r.finish();
  return no_store(
      http::Response::json(200, tip_detail_json(d.tips.transition(c.actor, c.session.box_secret_key, id, t))));
}

http::Response update_tip(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  mailbox::TipPatch patch;
  if (body.contains("assignee_id")) patch.assignee_id = r.integer("assignee_id");
  patch.useful = r.boolean("useful");
  patch.solved_case = r.boolean("solved_case");
  if (!patch.assignee_id && !patch.useful && !patch.solved_case) r.errors().add("assignee_id", "required");
  r.finish();
  return no_store(
      http::Response::json(200, tip_detail_json(d.tips.update(c.actor, c.session.box_secret_key, id, patch))));
}

http::Response get_tip_file(const Deps& d, http::Request& req, const Caller& c) {
  auto file_id = path_id(req, "file_id");
  bool download = text_param(req, "download").value_or("") == "1";
  return file_response(d.tips.open_file(c.actor, c.session.box_secret_key, path_id(req), file_id), download);
}

http::Response register_tip(const Deps& d, http::Request& req, const Caller& c) {
  auto upload = read_tip_upload(d, req);
  auto& body = upload.body;
  auto tip = read_tip(body);
  json::Reader r(body);
  auto channel = r.required_text("channel", 20).value_or("");
  bool issue_receipt = r.boolean("issue_receipt").value_or(false);
  r.finish();
  auto made = d.tips.register_tip(c.actor, c.session.box_secret_key, tip, channel, issue_receipt, upload.files.get());
  boost::json::object out{{"tip", tip_detail_json(made.tip)}};
  out["receipt"] = made.receipt ? boost::json::value(made.receipt->formatted) : nullptr;
  return no_store(http::Response::json(201, out));
}

boost::json::object counts_json(const std::map<std::string, std::int64_t>& m) {
  boost::json::object o;
  for (const auto& [k, v] : m) o[k] = v;
  return o;
}

http::Response get_stats(const Deps& d, http::Request& req, const Caller& c) {
  mailbox::StatsQuery q;
  q.unit_id = optional_id_param(req, "unit_id");
  q.from = text_param(req, "from").value_or("");
  q.to = text_param(req, "to").value_or("");
  auto st = d.tips.stats(c.actor, q);
  boost::json::object out{{"from", q.from},
                          {"to", q.to},
                          {"total", st.total},
                          {"by_kind", counts_json(st.by_kind)},
                          {"by_channel", counts_json(st.by_channel)},
                          {"by_status", counts_json(st.by_status)},
                          {"by_month", counts_json(st.by_month)},
                          {"by_village", counts_json(st.by_village)},
                          {"useful", st.useful},
                          {"solved_cases", st.solved_cases},
                          {"transferred", st.transferred},
                          {"overdue", st.overdue}};
  out["median_hours_to_transfer"] =
      st.median_hours_to_transfer ? boost::json::value(*st.median_hours_to_transfer) : nullptr;
  return http::Response::json(200, out);
}

http::Response add_message(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto text = r.required_text("body", mailbox::kMaxMessage + 1);
  bool internal = r.boolean("internal").value_or(false);
  r.finish();
  auto m = d.tips.add_message(c.actor, c.session.box_secret_key, id, *text, internal);
  return no_store(http::Response::json(201, message_json(m, true)));
}

http::Response reveal_identity(const Deps& d, http::Request& req, const Caller& c) {
  auto id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto reason = r.required_text("reason", 1001);
  r.finish();
  auto who = d.tips.reveal_identity(c.actor, c.session.box_secret_key, id, *reason);
  return no_store(http::Response::json(
      200, boost::json::object{{"name", who.name}, {"phone", who.phone}, {"address", who.address}}));
}

http::Response key_status(const Deps& d, http::Request& req, const Caller& c) {
  auto st = d.keys.status(c.actor, path_id(req));
  boost::json::array holders;
  for (const auto& h : st.holders) {
    holders.push_back(boost::json::object{{"user_id", h.user_id}, {"username", h.username}, {"usable", h.usable}});
  }
  return http::Response::json(
      200, boost::json::object{{"unit_id", st.unit_id}, {"version", st.version}, {"holders", std::move(holders)}});
}

http::Response grant_key(const Deps& d, http::Request& req, const Caller& c) {
  auto unit_id = path_id(req);
  auto body = json_body(req);
  json::Reader r(body);
  auto user_id = r.required_integer("user_id");
  r.finish();
  d.keys.grant(c.actor, c.session.box_secret_key, unit_id, *user_id);
  return http::Response::empty(204);
}

}  // namespace

void add_mailbox_routes(http::Router& router, const Auth& auth, mailbox::Service& tips, mailbox::Keys& keys) {
  Routes<Deps> routes(router, auth, Deps{tips, keys});
  // Citizen routes: no session, no CSRF (nothing to forge), no client address in logs.
  const http::RouteOptions citizen{.blocking = true, .log_client = false, .citizen_pool = true};
  http::RouteOptions citizen_upload = citizen;
  citizen_upload.upload_limit = http::upload_limit(tips.file_limits());
  routes.open("POST", "/api/v1/public/tips", submit_tip, citizen_upload);
  routes.open("POST", "/api/v1/public/tips/files", add_tipster_files, citizen_upload);
  routes.open("POST", "/api/v1/public/tips/follow", follow_tip, citizen);
  routes.open("POST", "/api/v1/public/tips/messages", tipster_reply, citizen);

  routes.staff("GET", "/api/v1/tips", list_tips);
  routes.staff("GET", "/api/v1/mailbox/taxonomies", get_taxonomies);
  routes.staff("GET", "/api/v1/tips/{id}", get_tip);
  routes.staff("POST", "/api/v1/tips/{id}/transitions", move_tip);
  routes.staff("PATCH", "/api/v1/tips/{id}", update_tip);
  routes.staff("GET", "/api/v1/tips/{id}/files/{file_id}", get_tip_file);
  routes.staff("POST", "/api/v1/tips", register_tip, {.upload_limit = http::upload_limit(tips.file_limits())});
  routes.staff("GET", "/api/v1/tips/stats", get_stats);
  routes.staff("POST", "/api/v1/tips/{id}/messages", add_message);
  routes.staff("POST", "/api/v1/tips/{id}/identity", reveal_identity);
  routes.staff("GET", "/api/v1/mailbox/keys/{id}", key_status);
  routes.staff("POST", "/api/v1/mailbox/keys/{id}/grants", grant_key);
}

}  // namespace antq::api
