#include "modules/mailbox/service.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <cmath>
#include <set>

#include "modules/mailbox/boxes.hpp"
#include "modules/mailbox/files_repo.hpp"
#include "modules/mailbox/internal.hpp"
#include "modules/mailbox/repo.hpp"
#include "modules/mailbox/search.hpp"
#include "platform/crypto/box.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/error.hpp"
#include "platform/text/text.hpp"

namespace antq::mailbox {
namespace {

// Installations made before the limits were recorded keep theirs: one pass over 32 MiB
// where kLegacyReceiptKdf marks them, the interactive limits otherwise.
constexpr const char* kLegacyReceiptKdf = "receipt_kdf_1p32m";
constexpr crypto::KdfLimits kLegacyReceiptLimits{1, 32u << 20};
using namespace std::chrono_literals;

struct TipsterKeys {
  crypto::KeyPair pair;
  std::string lookup;  // what the database keeps to find the tip
};

// The receipt's digits give a key pair (so that messages can be sealed to the tipster)
// and a lookup value; both cost one Argon2id derivation, so guessing is slow offline too.
TipsterKeys tipster_keys(const std::string& digits, const ReceiptKdf& kdf) {
  std::string seed = crypto::derive_key(digits, kdf.salt, kdf.limits);
  TipsterKeys k{crypto::key_pair_from_seed(seed), crypto::to_hex(crypto::keyed_hash(seed, "antq-receipt-lookup"))};
  crypto::wipe(seed);
  return k;
}

// The mailbox's receipt salt and limits live in install_secrets.
crypto::SecretTable install_secrets(db::Tx& tx) {
  return {[&tx](const std::string& name) { return repo::install_secret(tx, name); },
          [&tx](const std::string& name, const std::string& value) { repo::insert_install_secret(tx, name, value); }};
}

std::string content_json(const NewTip& t) {
  boost::json::object o{{"description", t.description}, {"when", t.when}, {"where", t.where}};
  if (t.latitude && t.longitude) {
    o["latitude"] = *t.latitude;
    o["longitude"] = *t.longitude;
  }
  return boost::json::serialize(o);
}

// Tips of a status (or all) from the counts per status.
std::int64_t total_of(const std::map<std::string, std::int64_t>& counts, const std::optional<std::string>& status) {
  if (status) return counts.count(*status) ? counts.at(*status) : 0;
  std::int64_t total = 0;
  for (const auto& [s, n] : counts) total += n;
  return total;
}

}  // namespace

namespace detail {

void require_officer(const Actor& actor) {
  if (!actor.is(Role::officer)) throw Error::forbidden("tips are read by commune officers");
}

repo::TipRow load_tip(db::Tx& tx, const Actor& actor, std::int64_t id) {
  require_officer(actor);
  auto row = repo::get(tx, id);
  if (!row || !actor.covers(repo::unit_path(tx, id))) throw Error::not_found("tip");
  return *row;
}

crypto::KeyPair unit_key(db::Tx& tx, const Keys& keys, const Actor& actor, const std::string& secret,
                         std::int64_t unit_key_id) {
  auto pair = keys.open(tx, unit_key_id, actor.user_id, secret);
  if (!pair) throw Error::forbidden("the officer holds no key of this commune");
  return *pair;
}

TipView view_of(db::Tx& tx, const Keys& keys, const Actor& actor, const std::string& secret, const repo::TipRow& r,
                std::int64_t now, KeyCache* cache) {
  TipView v;
  v.id = r.id;
  v.unit_id = r.unit_id;
  v.unit_name = r.unit_name;
  v.village_id = r.village_id;
  v.kind = kind_from(r.kind).value_or(Kind::suggestion);
  v.channel = channel_from(r.channel).value_or(Channel::web);
  v.status = status_from(r.status).value_or(Status::received);
  v.identity_mode = identity_mode_from(r.identity_mode).value_or(IdentityMode::anonymous);
  v.wants_outcome = r.wants_outcome;
  v.received_at = r.received_at;
  v.deadline_at = r.deadline_at;
  v.transferred_at = r.transferred_at;
  v.closed_at = r.closed_at;
  v.duplicate_of = r.duplicate_of;
  v.assignee_id = r.assignee_id;
  v.useful = r.useful;
  v.solved_case = r.solved_case;
  v.box_opening_id = r.box_opening_id;
  v.overdue = r.deadline_at && !r.transferred_at && *r.deadline_at < now && deadline_runs(v.status);
  std::optional<crypto::KeyPair> pair;
  if (cache && cache->count(r.unit_key_id)) {
    pair = cache->at(r.unit_key_id);
  } else {
    pair = keys.open(tx, r.unit_key_id, actor.user_id, secret);
    if (cache) (*cache)[r.unit_key_id] = pair;
  }
  auto content = pair ? crypto::open_sealed(*pair, r.content_sealed) : std::nullopt;
  v.readable = content.has_value();
  if (content) {
    auto o = boost::json::parse(*content).as_object();
    v.description = std::string(o.at("description").as_string());
    v.when = std::string(o.at("when").as_string());
    v.where = std::string(o.at("where").as_string());
    if (o.contains("latitude")) {
      v.latitude = o.at("latitude").to_number<double>();
      v.longitude = o.at("longitude").to_number<double>();
    }
  }
  return v;
}

void wipe(KeyCache& cache) {
  for (auto& [id, pair] : cache) {
    if (pair) crypto::wipe(pair->secret_key);
  }
  cache.clear();
}

std::vector<Message> messages_for_officer(db::Tx& tx, const Keys& keys, const Actor& actor, const std::string& secret,
                                          std::int64_t tip_id) {
  std::vector<Message> out;
  for (const auto& m : repo::messages(tx, tip_id)) {
    auto pair = keys.open(tx, m.unit_key_id, actor.user_id, secret);
    auto body = pair ? crypto::open_sealed(*pair, m.body_for_unit) : std::nullopt;
    out.push_back(Message{m.id, m.author, m.author_name, m.internal, body.value_or(""), m.created_at});
  }
  return out;
}

}  // namespace detail

std::optional<ReceiptKdf> recorded_receipt_kdf(db::Tx& tx) {
  auto unrecorded = repo::install_secret(tx, kLegacyReceiptKdf) ? kLegacyReceiptLimits : crypto::kInteractiveKdf;
  return crypto::recorded_receipt_kdf(install_secrets(tx), unrecorded);
}

ReceiptKdf receipt_kdf(db::Tx& tx) {
  if (auto kdf = recorded_receipt_kdf(tx)) return *kdf;
  return crypto::receipt_kdf(install_secrets(tx));
}

ReceiptKdf Service::receipt_kdf_for_reading() const {
  std::optional<ReceiptKdf> kdf;
  db_.read([&](db::Tx& tx) { kdf = recorded_receipt_kdf(tx); });
  if (kdf) return *kdf;
  db_.write([&](db::Tx& tx) { kdf = receipt_kdf(tx); });
  return *kdf;
}

Service::Service(db::Database& db, const audit::Service& audit, const units::Service& units, const Keys& keys,
                 const time::Clock& clock, FileLimits file_limits)
    : db_(db),
      audit_(audit),
      units_(units),
      keys_(keys),
      clock_(clock),
      file_limits_(file_limits),
      wrong_receipts_(clock, 100, 60),
      refreshes_(std::make_unique<search::Refreshes>()) {}

Service::~Service() = default;

Receipt Service::submit(const NewTip& in, FileIntake* files) {
  return store(in, Channel::web, nullptr, true, files).second;
}

std::pair<std::int64_t, Receipt> Service::store(const NewTip& in, Channel channel, const Actor* actor,
                                                bool with_receipt, FileIntake* files) {
  FieldErrors errors;
  auto kind = kind_from(in.kind);
  if (!kind) errors.add("kind", in.kind.empty() ? "required" : "unknown_value");
  std::string description = text::clean(in.description);
  if (description.empty()) errors.add("description", "required");
  if (text::length(description) > kMaxDescription) errors.add("description", "too_long");
  if (text::length(in.when) > 500) errors.add("when", "too_long");
  if (text::length(in.where) > 500) errors.add("where", "too_long");
  if (in.latitude.has_value() != in.longitude.has_value() ||
      (in.latitude && (std::abs(*in.latitude) > 90 || std::abs(*in.longitude) > 180))) {
    errors.add("latitude", "invalid_format");
  }
  auto mode = identity_mode_from(in.identity_mode);
  if (!mode) errors.add("identity_mode", "unknown_value");
  Identity identity{text::clean(in.identity.name), text::clean(in.identity.phone), text::clean(in.identity.address)};
  if (mode && *mode != IdentityMode::anonymous && identity.name.empty()) errors.add("identity.name", "required");
  if (text::length(identity.name) > 200) errors.add("identity.name", "too_long");
  if (text::length(identity.phone) > 30) errors.add("identity.phone", "too_long");
  if (text::length(identity.address) > 500) errors.add("identity.address", "too_long");
  if (!in.consent && !actor) errors.add("consent", "required");  // officers record under the law
  if (!in.unit_id) errors.add("unit_id", "required");
  if (channel == Channel::box && !in.box_opening_id) errors.add("box_opening_id", "required");
  if (channel != Channel::box && in.box_opening_id) errors.add("box_opening_id", "unknown_value");
  errors.throw_if_any();

  Receipt receipt;
  TipsterKeys tipster;
  if (with_receipt) {
    receipt = crypto::new_receipt();
    tipster = tipster_keys(receipt.digits, receipt_kdf_for_reading());
  }
  std::int64_t tip_id = 0;
  NewTip cleaned = in;
  cleaned.description = description;
  cleaned.when = text::clean(in.when);
  cleaned.where = text::clean(in.where);
  db_.write([&](db::Tx& tx) {
    auto unit = units_.find(tx, *in.unit_id);
    auto today = time::local_date(clock_.now());
    if (!unit || !units::is_commune_level(unit->kind) || !unit->active_on(today) ||
        (actor && !actor->covers(unit->path))) {
      throw Error::field("unit_id", "not_found");
    }
    if (in.village_id) {
      auto village = units_.find(tx, *in.village_id);
      if (!village || village->parent_id != unit->id || !village->active_on(today)) {
        throw Error::field("village_id", "not_found");
      }
    }
    if (in.box_opening_id) Boxes::check_letter(tx, *in.box_opening_id, unit->id);
    auto key = keys_.current(tx, unit->id);
    if (!key) throw Error::field("unit_id", "not_ready");
    repo::TipRow row;
    row.unit_id = unit->id;
    row.village_id = in.village_id;
    row.unit_key_id = key->unit_key_id;
    row.kind = std::string(code(*kind));
    row.channel = std::string(code(channel));
    row.status = std::string(code(Status::received));
    row.identity_mode = std::string(code(*mode));
    row.content_sealed = crypto::seal(key->public_key, content_json(cleaned));
    if (*mode != IdentityMode::anonymous) {
      row.identity_sealed = crypto::seal(
          key->public_key, boost::json::serialize(boost::json::object{
                               {"name", identity.name}, {"phone", identity.phone}, {"address", identity.address}}));
    }
    row.tipster_public_key = tipster.pair.public_key;
    row.wants_outcome = in.wants_outcome;
    row.box_opening_id = in.box_opening_id;
    auto now = clock_.now();
    row.deadline_at = legal_deadline(*kind, unit->remote, now);
    tip_id = repo::insert(tx, row, tipster.lookup, now);
    std::size_t file_count = files ? files->files().size() : 0;
    if (files) attach(tx, tip_id, key->unit_key_id, key->public_key, files->files(), actor ? "officer" : "tipster");
    audit::Entry e;
    if (actor) {
      e.actor_id = actor->user_id;
      e.actor_name = actor->username;
    } else {
      e.actor_name = "citizen";
    }
    e.action = actor ? "tip.register" : "tip.submit";
    e.entity = "tip";
    e.entity_id = std::to_string(tip_id);
    e.detail = boost::json::serialize(boost::json::object{
        {"unit_id", unit->id}, {"kind", row.kind}, {"channel", row.channel}, {"files", file_count}});
    audit_.record(tx, std::move(e));
  });
  if (files) files->claim();
  crypto::wipe(tipster.pair.secret_key);
  return {tip_id, receipt};
}

std::vector<std::int64_t> Service::accepting(const std::vector<std::int64_t>& unit_ids) const {
  std::vector<std::int64_t> out;
  db_.read([&](db::Tx& tx) {
    for (auto id : unit_ids) {
      if (keys_.current(tx, id)) out.push_back(id);
    }
  });
  return out;
}

std::vector<units::Unit> Service::communes_offered(std::int64_t province_id, const std::string& query) const {
  auto communes = units_.public_communes(province_id, query);
  std::vector<std::int64_t> ids;
  for (const auto& c : communes) ids.push_back(c.id);
  auto open = accepting(ids);
  std::erase_if(communes,
                [&](const units::Unit& c) { return std::find(open.begin(), open.end(), c.id) == open.end(); });
  return communes;
}

std::string Service::install_secret(const std::string& name) const {
  std::optional<std::string> value;
  db_.read([&](db::Tx& tx) { value = repo::install_secret(tx, name); });
  if (value) return *value;
  std::string made;
  db_.write([&](db::Tx& tx) {
    if (auto again = repo::install_secret(tx, name)) {  // another instance made it meanwhile
      made = *again;
      return;
    }
    made = crypto::random_bytes(crypto::kKeyBytes);
    repo::insert_install_secret(tx, name, made);
  });
  return made;
}

Service::TipsterAccess Service::tipster_access(const std::string& receipt) {
  if (int wait = wrong_receipts_.wait_seconds("global"); wait > 0) throw Error::too_many_attempts(wait);
  auto digits = crypto::receipt_digits(receipt);
  if (!digits) throw Error::field("receipt", "invalid_format");
  auto keys = tipster_keys(*digits, receipt_kdf_for_reading());
  std::optional<repo::TipRow> row;
  db_.read([&](db::Tx& tx) { row = repo::by_receipt(tx, keys.lookup); });
  if (!row) {
    crypto::wipe(keys.pair.secret_key);
    wrong_receipts_.failure("global");
    throw Error::not_found("no tip for this receipt");
  }
  return TipsterAccess{row->id, std::move(keys.pair)};
}

TipsterView Service::follow(const std::string& receipt) {
  auto access = tipster_access(receipt);
  TipsterView view;
  db_.read([&](db::Tx& tx) {
    auto row = repo::get(tx, access.tip_id).value();
    view.status = status_from(row.status).value_or(Status::received);
    view.kind = kind_from(row.kind).value_or(Kind::suggestion);
    view.received_at = row.received_at;
    view.unit_name = row.unit_name;
    view.wants_outcome = row.wants_outcome;
    view.files = repo::count_files(tx, access.tip_id);
    for (const auto& m : repo::messages(tx, access.tip_id)) {
      if (m.internal || m.body_for_tipster.empty()) continue;
      auto body = crypto::open_sealed(access.keys, m.body_for_tipster);
      if (body) view.messages.push_back(Message{m.id, m.author, "", false, *body, m.created_at});
    }
  });
  crypto::wipe(access.keys.secret_key);
  return view;
}

TipPage Service::list(const Actor& actor, const std::string& user_secret, const TipFilter& f) const {
  detail::require_officer(actor);
  if (f.status && !status_from(*f.status)) throw Error::field("status", "unknown_value");
  if (f.kind && !kind_from(*f.kind)) throw Error::field("kind", "unknown_value");
  int page = std::max(1, f.page);
  int size = std::clamp(f.page_size, 1, 200);
  auto now = clock_.now();
  repo::ListQuery q{{}, f.status, f.kind, f.overdue_only ? std::optional<std::int64_t>(now) : std::nullopt};
  TipPage out;
  std::vector<search::SealedIndex> to_store;
  std::map<std::int64_t, std::int64_t> tips_by_unit;
  // A search waits for a background refresh of its communes rather than open the same tips.
  if (f.query) {
    std::vector<std::int64_t> communes;
    db_.read([&](db::Tx& tx) { communes = repo::communes_in(tx, actor.scope_path); });
    refreshes_->wait_for(communes, 5s);
  }
  db_.read([&](db::Tx& tx) {
    // Only the communes that hold tips: usually one, whose index gives the page in order.
    for (const auto& c : repo::status_counts(tx, actor.scope_path)) {
      out.counts[c.status] += c.n;
      tips_by_unit[c.unit_id] += c.n;
    }
    for (const auto& [unit_id, n] : tips_by_unit) q.unit_ids.push_back(unit_id);
    detail::KeyCache keys;
    if (!f.query) {
      out.total = !f.kind && !f.overdue_only ? total_of(out.counts, f.status) : repo::count(tx, q);
      for (const auto& r : repo::list(tx, q, size, (page - 1) * size)) {
        out.items.push_back(detail::view_of(tx, keys_, actor, user_secret, r, now, &keys));
      }
      detail::wipe(keys);
      return;
    }
    std::map<std::int64_t, search::CommuneIndex> grown;
    auto ids = search::matching(tx, keys_, actor, user_secret, q, text::search_terms(*f.query), keys, grown);
    out.total = static_cast<std::int64_t>(ids.size());
    auto skip = static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(size);
    for (std::size_t i = skip; i < ids.size() && i < skip + static_cast<std::size_t>(size); ++i) {
      out.items.push_back(detail::view_of(tx, keys_, actor, user_secret, repo::get(tx, ids[i]).value(), now, &keys));
    }
    for (auto& [unit_id, index] : grown) {
      if (auto sealed = search::seal(tx, keys_, unit_id, index)) to_store.push_back(std::move(*sealed));
      search::wipe(index);
    }
    detail::wipe(keys);
  });
  db_.write([&](db::Tx& tx) {
    for (const auto& sealed : to_store) search::store(tx, sealed, now);
    boost::json::array ids;
    for (const auto& t : out.items) ids.push_back(t.id);
    audit_.record(tx, actor, "tip.list", "tip", "", boost::json::serialize(boost::json::object{{"ids", ids}}));
  });
  if (!f.query) refresh_search_later(actor, user_secret, tips_by_unit);
  return out;
}

void Service::prepare_search(const Actor& actor, const std::string& user_secret) const {
  if (!background_ || !actor.is(Role::officer)) return;
  std::map<std::int64_t, std::int64_t> tips_by_unit;
  try {
    db_.read([&](db::Tx& tx) {
      for (const auto& c : repo::status_counts(tx, actor.scope_path)) tips_by_unit[c.unit_id] += c.n;
    });
  } catch (const std::exception& e) {
    spdlog::warn("search indexes not prepared at sign-in: {}", e.what());
    return;
  }
  refresh_search_later(actor, user_secret, tips_by_unit);
}

void Service::refresh_search_later(const Actor& actor, const std::string& user_secret,
                                   const std::map<std::int64_t, std::int64_t>& tips_by_unit) const {
  if (!background_ || user_secret.empty()) return;
  for (auto unit_id : refreshes_->begin(tips_by_unit)) {
    // Wiped when the task has run or was dropped unstarted (the server stopping); the
    // officer's secret stays in memory until then, even if the officer signs out.
    std::shared_ptr<std::string> secret(new std::string(user_secret), [](std::string* s) {
      crypto::wipe(*s);
      delete s;
    });
    // Ends the refresh however the task goes: run, failed, dropped, or never posted.
    auto ticket = std::make_shared<search::Refreshes::Ticket>(*refreshes_, unit_id);
    try {
      background_([this, actor, secret, ticket] {
        refreshes_->start(ticket->unit_id);
        try {
          ticket->done = refresh_search(actor, *secret, ticket->unit_id);
        } catch (const std::exception& e) {
          spdlog::warn("search index of unit {} not refreshed: {}", ticket->unit_id, e.what());
        } catch (...) {
          spdlog::warn("search index of unit {} not refreshed", ticket->unit_id);
        }
      });
    } catch (const std::exception& e) {
      spdlog::warn("search index of unit {} not queued: {}", unit_id, e.what());
    }
  }
}

bool Service::refresh_search(const Actor& actor, const std::string& user_secret, std::int64_t unit_id) const {
  search::CommuneIndex index;
  std::optional<search::SealedIndex> sealed;
  db_.read([&](db::Tx& tx) {
    detail::KeyCache keys;
    index = search::load(tx, keys_, actor.user_id, user_secret, unit_id);
    search::refresh(tx, keys_, actor.user_id, user_secret, unit_id, index, keys);
    detail::wipe(keys);
    if (index.added >= search::kRebuildAfter) sealed = search::seal(tx, keys_, unit_id, index);
  });
  search::wipe(index);
  if (!sealed) return true;
  bool stored = false;
  db_.write([&](db::Tx& tx) { stored = search::store(tx, *sealed, clock_.now()); });
  return stored;
}

TipView Service::get(const Actor& actor, const std::string& user_secret, std::int64_t id) const {
  TipView v;
  db_.read([&](db::Tx& tx) {
    auto row = detail::load_tip(tx, actor, id);
    v = detail::view_of(tx, keys_, actor, user_secret, row, clock_.now());
    if (!v.readable) return;
    for (const auto& e : repo::events(tx, id)) {
      TipEvent ev{e.at,
                  e.actor_name,
                  status_from(e.from_status).value_or(Status::received),
                  status_from(e.to_status).value_or(Status::received),
                  "",
                  "",
                  "",
                  std::nullopt};
      auto pair = keys_.open(tx, e.unit_key_id, actor.user_id, user_secret);
      auto details = pair ? crypto::open_sealed(*pair, e.details_sealed) : std::nullopt;
      if (details) {
        auto o = boost::json::parse(*details).as_object();
        ev.reason = std::string(o.at("reason").as_string());
        ev.transferred_to = std::string(o.at("transferred_to").as_string());
        ev.minutes_number = std::string(o.at("minutes_number").as_string());
        if (o.at("duplicate_of").is_int64()) ev.duplicate_of = o.at("duplicate_of").as_int64();
      }
      v.events.push_back(std::move(ev));
    }
    v.messages = detail::messages_for_officer(tx, keys_, actor, user_secret, id);
    v.files = file_infos(tx, id, [&](std::int64_t unit_key_id, const std::string& sealed) {
      auto pair = keys_.open(tx, unit_key_id, actor.user_id, user_secret);
      return pair ? crypto::open_sealed(*pair, sealed) : std::nullopt;
    });
  });
  db_.write([&](db::Tx& tx) { audit_.record(tx, actor, "tip.read", "tip", std::to_string(id)); });
  return v;
}

}  // namespace antq::mailbox
