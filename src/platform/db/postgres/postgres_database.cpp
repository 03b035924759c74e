#include "platform/db/postgres/postgres_database.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "platform/db/job_thread.hpp"

namespace antq::db {
namespace {

// Where the triggers of migration 0047 tell every connection that cameras or units
// changed; each connection listens (see db::Recheck).
constexpr std::string_view kChangeChannel = "antq_changed";

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

[[noreturn]] void fail(PGconn* conn, const PGresult* res, std::string_view what) {
  std::string msg = std::string(what) + ": " + (res ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = state ? state : "";
  if (sqlstate == "23505") throw DbError(DbError::Kind::unique_violation, msg);
  if (sqlstate == "23503") throw DbError(DbError::Kind::foreign_key_violation, msg);
  if (sqlstate == "40001" || sqlstate == "40P01") throw DbError(DbError::Kind::busy, msg);
  throw DbError(DbError::Kind::other, msg);
}

std::string decode_bytea(const char* text, int len) {
  // Text format: "\x" followed by hex digits.
  std::string out;
  if (len < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text, static_cast<std::size_t>(len));
  out.reserve(static_cast<std::size_t>(len - 2) / 2);
  auto nibble = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
  for (int i = 2; i + 1 < len; i += 2) out.push_back(static_cast<char>(nibble(text[i]) << 4 | nibble(text[i + 1])));
  return out;
}

// A value in PostgreSQL's binary format (network byte order for numbers).
Value binary_value(Oid type, const char* data, std::size_t length) {
  auto big_endian = [&](std::size_t n) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < n; ++i) v = v << 8 | static_cast<unsigned char>(data[i]);
    return v;
  };
  switch (type) {
    case 17:  // bytea
      return Blob{std::string(data, length)};
    case 16:  // boolean
      return static_cast<std::int64_t>(data[0] != 0);
    case 20:  // bigint
      return static_cast<std::int64_t>(big_endian(8));
    case 23:  // integer
      return static_cast<std::int64_t>(static_cast<std::int32_t>(big_endian(4)));
    case 25:    // text
    case 1043:  // varchar
      return std::string(data, length);
    default:
      throw DbError(DbError::Kind::other, "no binary reading for PostgreSQL type " + std::to_string(type));
  }
}

class Connection final : public Tx {
 public:
  Connection(const std::string& url, std::atomic<std::uint64_t>& notices)
      : conn_(PQconnectdb(url.c_str())), notices_(notices) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(conn_);
      PQfinish(conn_);
      throw DbError(DbError::Kind::other, msg);
    }
    // No parallel plans: antq's statements are short, and starting workers costs more than
    // they save (a commune's registration share: 0.6 ms of work, 60 ms to start a Gather).
    execute_script(
        "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET client_min_messages = warning; "
        "SET max_parallel_workers_per_gather = 0; LISTEN " +
        std::string(kChangeChannel) + ";");
  }
  ~Connection() override { PQfinish(conn_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Rows query(const Query& q, const std::vector<Value>& params) override {
    Result res = run(q, params);
    int rows = PQntuples(res.get());
    int cols = PQnfields(res.get());
    Rows out;
    out.reserve(static_cast<std::size_t>(rows));
    for (int r = 0; r < rows; ++r) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(cols));
      for (int c = 0; c < cols; ++c) {
        if (PQgetisnull(res.get(), r, c)) {
          values.emplace_back(nullptr);
        } else if (PQfformat(res.get(), c) == 1) {
          values.emplace_back(binary_value(PQftype(res.get(), c), PQgetvalue(res.get(), r, c),
                                           static_cast<std::size_t>(PQgetlength(res.get(), r, c))));
        } else if (PQftype(res.get(), c) == kByteaOid) {
          values.emplace_back(Blob{decode_bytea(PQgetvalue(res.get(), r, c), PQgetlength(res.get(), r, c))});
        } else {
          values.emplace_back(
              std::string(PQgetvalue(res.get(), r, c), static_cast<std::size_t>(PQgetlength(res.get(), r, c))));
        }
      }
      out.emplace_back(std::move(values));
    }
    return out;
  }

  std::int64_t execute(const Query& q, const std::vector<Value>& params) override {
    Result res = run(q, params);
    const char* n = PQcmdTuples(res.get());
    return n && *n ? std::atoll(n) : 0;
  }

  void execute_script(std::string_view sql) override {
    bool alone = take_turn() == Turn::alone;
    std::string s = begin_ && !alone ? std::string(begin_) + "; " + std::string(sql) : std::string(sql);
    if (begin_ && !alone) began_ = true;
    begin_ = nullptr;
    simple(s);
  }

  Dialect dialect() const override { return Dialect::postgres; }

  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

  // A transaction that `begin` opens with its first statement, in the same round trip.
  void start(const char* begin) {
    begin_ = begin;
    began_ = false;
    last_next_ = false;
    ended_ = false;
  }
  void next_is_last() override { last_next_ = true; }
  // COMMIT or ROLLBACK, if the transaction began; then counts the change notices this
  // connection received, its own transaction's among them.
  void finish(bool commit) {
    bool began = began_;
    begin_ = nullptr;
    began_ = false;
    if (began) simple(commit ? "COMMIT" : "ROLLBACK");
    count_notices();
  }

 private:
  static constexpr Oid kByteaOid = 17;

  // What the next statement is: any, the promised last of a transaction that sent
  // nothing (it runs alone, without BEGIN), or the promised last of one that began (its
  // COMMIT goes with it). Throws after the last.
  enum class Turn { any, alone, last };
  Turn take_turn() {
    if (ended_) throw std::logic_error("a statement after the one promised to be the transaction's last");
    if (!last_next_) return Turn::any;
    last_next_ = false;
    ended_ = true;
    return begin_ ? Turn::alone : Turn::last;
  }

  void simple(const std::string& sql) {
    Result res(PQexec(conn_, sql.c_str()), &PQclear);
    auto status = PQresultStatus(res.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(conn_, res.get(), "script");
  }

  void count_notices() {
    while (PGnotify* n = PQnotifies(conn_)) {
      PQfreemem(n);
      notices_.fetch_add(1, std::memory_order_release);
    }
  }

  Result run(const Query& q, const std::vector<Value>& params) {
    auto turn = take_turn();
    if (turn == Turn::alone) begin_ = nullptr;  // its own snapshot, committed at once
    const std::string& name = prepared(q);
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<int> lengths(params.size(), 0);
    std::vector<int> formats(params.size(), 0);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) continue;
      if (auto p = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*p);
      } else if (auto d = std::get_if<double>(&v)) {
        texts[i] = fmt::format("{:.17g}", *d);
      } else if (auto s = std::get_if<std::string>(&v)) {
        texts[i] = *s;
      } else if (auto b = std::get_if<Blob>(&v)) {
        texts[i] = b->bytes;
        formats[i] = 1;
      }
      values[i] = texts[i].data();
      lengths[i] = static_cast<int>(texts[i].size());
    }
    int results_format = q.binary_results ? 1 : 0;
    const char* before = begin_;
    const char* after = turn == Turn::last && began_ ? "COMMIT" : nullptr;
    if (before) {
      begin_ = nullptr;
      began_ = true;
    }
    Result res = before || after ? piped(before, name, params.size(), values.data(), lengths.data(), formats.data(),
                                         results_format, after)
                                 : Result(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                                                         values.data(), lengths.data(), formats.data(), results_format),
                                          &PQclear);
    auto status = PQresultStatus(res.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(conn_, res.get(), q.name);
    return res;
  }

  // The statement with the transaction's BEGIN before it or its COMMIT after it (either
  // may be null) in one round trip: libpq's pipeline mode. Returns the statement's
  // result; throws if BEGIN or COMMIT failed. After a failed statement the COMMIT is
  // skipped, and the transaction stays open for its ROLLBACK.
  Result piped(const char* before, const std::string& name, std::size_t n, const char* const* values,
               const int* lengths, const int* formats, int results_format, const char* after) {
    auto send_text = [this](const char* sql) {
      return PQsendQueryParams(conn_, sql, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1;
    };
    int steps = 1 + (before ? 1 : 0) + (after ? 1 : 0);
    bool sent =
        PQenterPipelineMode(conn_) == 1 && (!before || send_text(before)) &&
        PQsendQueryPrepared(conn_, name.c_str(), static_cast<int>(n), values, lengths, formats, results_format) == 1 &&
        (!after || send_text(after)) && PQpipelineSync(conn_) == 1;
    auto results = drain_pipeline(steps);
    if (!sent || results.size() != static_cast<std::size_t>(steps)) fail(conn_, nullptr, "pipeline");
    std::size_t i = 0;
    if (before && PQresultStatus(results[i++].get()) != PGRES_COMMAND_OK) fail(conn_, results[0].get(), "begin");
    Result res = std::move(results[i++]);
    auto status = PQresultStatus(res.get());
    if (after && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)) {
      began_ = false;  // committed, or ended by the failed COMMIT
      if (PQresultStatus(results[i].get()) != PGRES_COMMAND_OK) fail(conn_, results[i].get(), "commit");
    }
    return res;
  }

  // The results of `steps` statements up to the pipeline's sync (each statement's end
  // with a null), then leaves pipeline mode.
  std::vector<Result> drain_pipeline(int steps) {
    std::vector<Result> results;
    int ends = 0;
    while (ends <= steps && PQstatus(conn_) == CONNECTION_OK) {
      PGresult* r = PQgetResult(conn_);
      if (!r) {
        ++ends;
        continue;
      }
      if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
        PQclear(r);
        break;
      }
      results.emplace_back(r, &PQclear);
    }
    PQexitPipelineMode(conn_);
    return results;
  }

  const std::string& prepared(const Query& q) {
    std::string key(q.sql);
    auto it = names_.find(key);
    if (it != names_.end()) return it->second;
    std::string name = "q" + std::to_string(names_.size() + 1);
    Result res(PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr), &PQclear);
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) fail(conn_, res.get(), q.name);
    return names_.emplace(std::move(key), std::move(name)).first->second;
  }

  PGconn* conn_;
  std::atomic<std::uint64_t>& notices_;  // the Database's
  const char* begin_ = nullptr;          // not yet sent
  bool began_ = false;
  bool last_next_ = false;  // next_is_last() was called
  bool ended_ = false;      // the last statement ran
  std::unordered_map<std::string, std::string> names_;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, const Options& options) : url_(std::move(url)) {
    configured_ = std::max(1, options.pool_size);
    idle_.push_back(std::make_unique<Connection>(url_, notices_));  // fails early on a wrong URL
    size_ = 1;
  }

  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  void read(const std::function<void(Tx&)>& fn) override {
    run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", notices_.load(std::memory_order_acquire), fn);
  }
  void write(const std::function<void(Tx&)>& fn) override { run("BEGIN", std::nullopt, fn); }

  // Queued for a thread of its own, which runs them in order with the read_then()s, each
  // in its transaction: the caller's thread is free meanwhile, and whatever is handed over
  // while one runs can go into the next (audit::Service::record_then gathers its entries so).
  void write_then(std::function<void(Tx&)> fn, std::function<void(std::exception_ptr)> done) override {
    later_.post([this, fn = std::move(fn), done = std::move(done)] { done(attempt([&] { write(fn); })); });
  }
  void read_then(std::function<void(Tx&)> fn, std::function<void(std::exception_ptr)> done) override {
    later_.post([this, fn = std::move(fn), done = std::move(done)] { done(attempt([&] { read(fn); })); });
  }
  Dialect dialect() const override { return Dialect::postgres; }

  PoolStats pool_stats() const override {
    std::lock_guard lock(mutex_);
    return PoolStats{configured_, size_ - static_cast<int>(idle_.size())};
  }

  void backup_to(const std::string&) override {
    throw std::logic_error("PostgreSQL backups are made with pg_dump (see antq backup)");
  }

 private:
  // A transaction that takes its connection from the pool at its first statement: one
  // that finds everything it needs in memory holds none, and waits for none.
  class LazyTx final : public Tx {
   public:
    LazyTx(PostgresDatabase& db, const char* begin, std::optional<std::uint64_t> notices_before)
        : db_(db), begin_(begin), notices_before_(notices_before) {}
    ~LazyTx() override {
      if (conn_) db_.give_back(std::move(conn_));
    }
    LazyTx(const LazyTx&) = delete;
    LazyTx& operator=(const LazyTx&) = delete;

    Rows query(const Query& q, const std::vector<Value>& params) override { return conn().query(q, params); }
    std::int64_t execute(const Query& q, const std::vector<Value>& params) override {
      return conn().execute(q, params);
    }
    void execute_script(std::string_view sql) override { conn().execute_script(sql); }
    Dialect dialect() const override { return Dialect::postgres; }
    std::optional<std::uint64_t> own_commits_before() const override { return notices_before_; }
    void next_is_last() override {
      if (conn_) {
        conn_->next_is_last();
      } else {
        last_next_ = true;
      }
    }

    // Ends the transaction, if it began, and gives its connection back.
    void finish(bool commit) {
      if (!conn_) return;
      auto conn = std::move(conn_);
      try {
        conn->finish(commit);
      } catch (...) {
        db_.give_back(std::move(conn));
        throw;
      }
      db_.give_back(std::move(conn));
    }

   private:
    Connection& conn() {
      if (!conn_) {
        conn_ = db_.take();
        conn_->start(begin_);
        if (last_next_) conn_->next_is_last();
      }
      return *conn_;
    }

    PostgresDatabase& db_;
    const char* begin_;
    std::optional<std::uint64_t> notices_before_;
    bool last_next_ = false;
    std::unique_ptr<Connection> conn_;
  };

  void run(const char* begin, std::optional<std::uint64_t> notices_before, const std::function<void(Tx&)>& fn) {
    LazyTx tx(*this, begin, notices_before);
    try {
      fn(tx);
    } catch (...) {
      tx.finish(false);
      throw;
    }
    tx.finish(true);
  }

  // The exception `fn` throws, or nullptr.
  static std::exception_ptr attempt(const std::function<void()>& fn) {
    try {
      fn();
    } catch (...) {
      return std::current_exception();
    }
    return nullptr;
  }

  std::unique_ptr<Connection> take() {
    std::unique_lock lock(mutex_);
    if (idle_.empty() && size_ < configured_) {
      ++size_;  // grow lazily up to the configured size
      lock.unlock();
      try {
        return std::make_unique<Connection>(url_, notices_);
      } catch (...) {
        std::lock_guard relock(mutex_);
        --size_;
        throw;
      }
    }
    cv_.wait(lock, [this] { return !idle_.empty(); });
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return conn;
  }

  void give_back(std::unique_ptr<Connection> conn) {
    if (!conn->healthy()) {
      try {
        conn = std::make_unique<Connection>(url_, notices_);  // the server restarted: reconnect
      } catch (const DbError&) {
        conn.reset();
      }
    }
    {
      std::lock_guard lock(mutex_);
      if (conn) {
        idle_.push_back(std::move(conn));
      } else {
        --size_;
      }
    }
    cv_.notify_one();
  }

  std::string url_;
  std::atomic<std::uint64_t> notices_{0};  // change notices received, by any connection
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int size_ = 0;
  int configured_ = 1;
  JobThread later_;  // last: it runs what is queued before the connections go
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& url, const Options& options) {
  return std::make_unique<PostgresDatabase>(url, options);
}

}  // namespace antq::db
