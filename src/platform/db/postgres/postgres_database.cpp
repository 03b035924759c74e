#include "platform/db/postgres/postgres_database.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace antq::db {
namespace {

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
  explicit Connection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = std::string("cannot connect to PostgreSQL: ") + PQerrorMessage(conn_);
      PQfinish(conn_);
      throw DbError(DbError::Kind::other, msg);
    }
    // No parallel plans: antq's statements are short, and starting workers costs more than
    // they save (a commune's registration share: 0.6 ms of work, 60 ms to start a Gather).
    execute_script(
        "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET client_min_messages = warning; "
        "SET max_parallel_workers_per_gather = 0;");
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
    std::string s(sql);
    Result res(PQexec(conn_, s.c_str()), &PQclear);
    auto status = PQresultStatus(res.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(conn_, res.get(), "script");
  }

  Dialect dialect() const override { return Dialect::postgres; }

  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

 private:
  static constexpr Oid kByteaOid = 17;

  Result run(const Query& q, const std::vector<Value>& params) {
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
    Result res(PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()), values.data(), lengths.data(),
                              formats.data(), q.binary_results ? 1 : 0),
               &PQclear);
    auto status = PQresultStatus(res.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(conn_, res.get(), q.name);
    return res;
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
  std::unordered_map<std::string, std::string> names_;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, const Options& options) : url_(std::move(url)) {
    configured_ = std::max(1, options.pool_size);
    idle_.push_back(std::make_unique<Connection>(url_));  // fails early on a wrong URL
    size_ = 1;
  }

  ~PostgresDatabase() override {
    {
      std::lock_guard lock(later_mutex_);
      stopping_ = true;
    }
    later_cv_.notify_one();
    if (later_thread_.joinable()) later_thread_.join();  // runs what is queued first
  }
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  void read(const std::function<void(Tx&)>& fn) override { run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", fn); }
  void write(const std::function<void(Tx&)>& fn) override { run("BEGIN", fn); }

  // Queued for a thread of its own, which runs them in order, each in its transaction:
  // the caller's thread is free meanwhile, and whatever is handed to write_then while
  // one runs can go into the next (audit::Service::record_then gathers its entries so).
  void write_then(std::function<void(Tx&)> fn, std::function<void(std::exception_ptr)> done) override {
    {
      std::lock_guard lock(later_mutex_);
      if (!later_thread_.joinable()) later_thread_ = std::thread([this] { run_later(); });
      later_.push_back(Later{std::move(fn), std::move(done)});
    }
    later_cv_.notify_one();
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
  void run(const char* begin, const std::function<void(Tx&)>& fn) {
    std::unique_ptr<Connection> conn = take();
    try {
      conn->execute_script(begin);
      try {
        fn(*conn);
      } catch (...) {
        conn->execute_script("ROLLBACK");
        throw;
      }
      conn->execute_script("COMMIT");
    } catch (...) {
      give_back(std::move(conn));
      throw;
    }
    give_back(std::move(conn));
  }

  struct Later {
    std::function<void(Tx&)> fn;
    std::function<void(std::exception_ptr)> done;
  };

  void run_later() {
    while (true) {
      Later job;
      {
        std::unique_lock lock(later_mutex_);
        later_cv_.wait(lock, [this] { return stopping_ || !later_.empty(); });
        if (later_.empty()) return;
        job = std::move(later_.front());
        later_.pop_front();
      }
      std::exception_ptr error;
      try {
        write(job.fn);
      } catch (...) {
        error = std::current_exception();
      }
      job.done(error);
    }
  }

  std::unique_ptr<Connection> take() {
    std::unique_lock lock(mutex_);
    if (idle_.empty() && size_ < configured_) {
      ++size_;  // grow lazily up to the configured size
      lock.unlock();
      try {
        return std::make_unique<Connection>(url_);
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
        conn = std::make_unique<Connection>(url_);  // the server restarted: reconnect
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
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int size_ = 0;
  int configured_ = 1;
  std::mutex later_mutex_;
  std::condition_variable later_cv_;
  std::deque<Later> later_;
  bool stopping_ = false;
  std::thread later_thread_;  // started by the first write_then
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& url, const Options& options) {
  return std::make_unique<PostgresDatabase>(url, options);
}

}  // namespace antq::db
