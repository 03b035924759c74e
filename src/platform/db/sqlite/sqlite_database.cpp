#include "platform/db/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "platform/db/job_thread.hpp"

namespace antq::db {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
  int ext = db ? sqlite3_extended_errcode(db) : rc;
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY) {
    throw DbError(DbError::Kind::unique_violation, msg);
  }
  if (ext == SQLITE_CONSTRAINT_FOREIGNKEY) throw DbError(DbError::Kind::foreign_key_violation, msg);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) throw DbError(DbError::Kind::busy, msg);
  throw DbError(DbError::Kind::other, msg);
}

// One connection with its prepared-statement cache.
class Connection final : public Tx {
 public:
  Connection(const std::string& path, bool writer) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = std::string("cannot open ") + path + ": " + sqlite3_errstr(rc);
      sqlite3_close(db_);
      throw DbError(DbError::Kind::other, msg);
    }
    sqlite3_busy_timeout(db_, 10000);
    execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; "
        "PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;");
    if (!writer) execute_script("PRAGMA query_only=ON;");
  }
  ~Connection() override {
    for (auto& [sql, prepared] : cache_) sqlite3_finalize(prepared.stmt);
    sqlite3_close(db_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  std::optional<std::uint64_t> own_commits_before() const override { return commits_before_; }
  void set_commits_before(std::uint64_t n) { commits_before_ = n; }

  Rows query(const Query& q, const std::vector<Value>& params) override {
    sqlite3_stmt* stmt = prepare(q, params);
    Rows out;
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        sqlite3_reset(stmt);
        fail(db_, rc, q.name);
      }
      int n = sqlite3_column_count(stmt);
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) values.push_back(column(stmt, i));
      out.emplace_back(std::move(values));
    }
    sqlite3_reset(stmt);
    return out;
  }

  std::int64_t execute(const Query& q, const std::vector<Value>& params) override {
    sqlite3_stmt* stmt = prepare(q, params);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) fail(db_, rc, q.name);
    return sqlite3_changes(db_);
  }

  void execute_script(std::string_view sql) override {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      int ext = sqlite3_extended_errcode(db_);
      if (ext == SQLITE_CONSTRAINT_UNIQUE) throw DbError(DbError::Kind::unique_violation, msg);
      throw DbError(rc == SQLITE_BUSY ? DbError::Kind::busy : DbError::Kind::other, msg);
    }
  }

  Dialect dialect() const override { return Dialect::sqlite; }

 private:
  // A prepared statement with the index of each of its parameters $1, $2 … (0 when the
  // statement does not use it), looked up once.
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> slots;
  };

  sqlite3_stmt* prepare(const Query& q, const std::vector<Value>& params) {
    auto it = cache_.find(q.sql);
    if (it == cache_.end()) {
      sqlite3_stmt* stmt = nullptr;
      int rc = sqlite3_prepare_v3(db_, q.sql.data(), static_cast<int>(q.sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                  nullptr);
      if (rc != SQLITE_OK) fail(db_, rc, q.name);
      it = cache_.emplace(std::string(q.sql), Prepared{stmt, {}}).first;
    }
    auto& p = it->second;
    // Parameters are written $1, $2 …: each is bound by its name, so the order of use is free.
    for (auto i = p.slots.size(); i < params.size(); ++i) {
      p.slots.push_back(sqlite3_bind_parameter_index(p.stmt, ("$" + std::to_string(i + 1)).c_str()));
    }
    sqlite3_clear_bindings(p.stmt);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (p.slots[i] != 0) bind(p.stmt, p.slots[i], params[i], q.name);
    }
    return p.stmt;
  }

  void bind(sqlite3_stmt* stmt, int index, const Value& v, std::string_view name) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(v)) {
      rc = sqlite3_bind_null(stmt, index);
    } else if (auto p = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, index, *p);
    } else if (auto d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, index, *d);
    } else if (auto s = std::get_if<std::string>(&v)) {
      rc = sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (auto b = std::get_if<Blob>(&v)) {
      rc = sqlite3_bind_blob64(stmt, index, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) fail(db_, rc, name);
  }

  static Value column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, i);
      case SQLITE_TEXT:
        return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)),
                           static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
      case SQLITE_BLOB: {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, i));
        return Blob{std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)))};
      }
      default:
        return nullptr;
    }
  }

  sqlite3* db_ = nullptr;
  // Keyed by the SQL text; looked up without copying it.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, Prepared, TextHash, std::equal_to<>> cache_;
  std::optional<std::uint64_t> commits_before_;  // readers only
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const Options& options) : path_(std::move(path)) {
    writer_conn_ = std::make_unique<Connection>(path_, true);
    for (int i = 0; i < std::max(1, options.pool_size); ++i) {
      readers_.push_back(std::make_unique<Connection>(path_, false));
    }
    pool_size_ = static_cast<int>(readers_.size());
    writer_ = std::thread([this] { run_writer(); });
  }

  ~SqliteDatabase() override {
    reads_later_.stop();  // their answers may still hand writes over
    {
      std::lock_guard lock(write_mutex_);
      stopping_ = true;
    }
    write_cv_.notify_all();
    writer_.join();
  }

  void read(const std::function<void(Tx&)>& fn) override {
    std::unique_ptr<Connection> conn = take_reader();
    struct Return {
      SqliteDatabase* self;
      std::unique_ptr<Connection>& conn;
      ~Return() { self->give_back(std::move(conn)); }
    } give_back_on_exit{this, conn};
    // Counted before the snapshot, which the transaction's first statement takes.
    conn->set_commits_before(commits_.load(std::memory_order_acquire));
    conn->execute_script("BEGIN");
    try {
      fn(*conn);
    } catch (...) {
      conn->execute_script("ROLLBACK");
      throw;
    }
    conn->execute_script("COMMIT");
  }

  void write(const std::function<void(Tx&)>& fn) override {
    std::promise<void> result;
    auto done = result.get_future();
    Job job{&fn, {}, [&result](std::exception_ptr e) {
              if (e) {
                result.set_exception(e);
              } else {
                result.set_value();
              }
            }};
    enqueue(&job);
    done.get();  // rethrows the job's exception
  }

  void write_then(std::function<void(Tx&)> fn, std::function<void(std::exception_ptr)> done) override {
    auto job = std::make_unique<Job>(Job{nullptr, std::move(fn), std::move(done)});
    job->fn = &job->owned_fn;
    enqueue(job.release());  // the writer deletes it once done
  }

  void read_then(std::function<void(Tx&)> fn, std::function<void(std::exception_ptr)> done) override {
    reads_later_.post([this, fn = std::move(fn), done = std::move(done)] {
      std::exception_ptr error;
      try {
        read(fn);
      } catch (...) {
        error = std::current_exception();
      }
      done(error);
    });
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  PoolStats pool_stats() const override {
    std::lock_guard lock(read_mutex_);
    return PoolStats{pool_size_, pool_size_ - static_cast<int>(readers_.size())};
  }

  void backup_to(const std::string& path) override {
    read([&](Tx&) {});  // fails early if the database is unusable
    std::unique_ptr<Connection> conn = take_reader();
    std::string escaped;
    for (char c : path) {
      escaped.push_back(c);
      if (c == '\'') escaped.push_back('\'');
    }
    std::exception_ptr error;
    try {
      conn->execute_script("PRAGMA query_only=OFF; VACUUM INTO '" + escaped + "'; PRAGMA query_only=ON;");
    } catch (...) {
      error = std::current_exception();
      conn->execute_script("PRAGMA query_only=ON;");
    }
    give_back(std::move(conn));
    if (error) std::rethrow_exception(error);
  }

 private:
  // A write() waiting on its caller's stack, or a write_then() the writer owns.
  struct Job {
    const std::function<void(Tx&)>* fn;
    std::function<void(Tx&)> owned_fn;  // write_then's
    std::function<void(std::exception_ptr)> done;
  };

  void enqueue(Job* job) {
    {
      std::lock_guard lock(write_mutex_);
      queue_.push_back(job);
    }
    write_cv_.notify_one();
  }

  // Tells the job's caller; a write() job may be gone as soon as it is told.
  static void finish(Job* job, std::exception_ptr error) {
    std::unique_ptr<Job> owned(job->fn == &job->owned_fn ? job : nullptr);
    job->done(error);
  }

  static constexpr std::size_t kMaxBatch = 64;

  std::unique_ptr<Connection> take_reader() {
    std::unique_lock lock(read_mutex_);
    read_cv_.wait(lock, [this] { return !readers_.empty(); });
    auto conn = std::move(readers_.back());
    readers_.pop_back();
    return conn;
  }

  void give_back(std::unique_ptr<Connection> conn) {
    {
      std::lock_guard lock(read_mutex_);
      readers_.push_back(std::move(conn));
    }
    read_cv_.notify_one();
  }

  // Takes whatever writes are queued, runs each in its own savepoint inside one
  // transaction, commits once, then answers every caller.
  void run_writer() {
    while (true) {
      std::vector<Job*> batch;
      {
        std::unique_lock lock(write_mutex_);
        write_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty() && stopping_) return;
        while (!queue_.empty() && batch.size() < kMaxBatch) {
          batch.push_back(queue_.front());
          queue_.pop_front();
        }
      }
      commit_batch(batch);
    }
  }

  void commit_batch(const std::vector<Job*>& batch) {
    std::vector<std::exception_ptr> errors(batch.size());
    try {
      writer_conn_->execute_script("BEGIN IMMEDIATE");
    } catch (...) {
      for (auto* job : batch) finish(job, std::current_exception());
      return;
    }
    if (batch.size() == 1) {
      run_alone(*batch.front());
      return;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) {
      try {
        writer_conn_->execute_script("SAVEPOINT job");
        (*batch[i]->fn)(*writer_conn_);
        writer_conn_->execute_script("RELEASE job");
      } catch (...) {
        errors[i] = std::current_exception();
        try {
          writer_conn_->execute_script("ROLLBACK TO job; RELEASE job");
        } catch (...) {
        }
      }
    }
    std::exception_ptr commit_error;
    try {
      writer_conn_->execute_script("COMMIT");
      counted_commit();
    } catch (...) {
      commit_error = std::current_exception();
      try {
        writer_conn_->execute_script("ROLLBACK");
      } catch (...) {
      }
    }
    for (std::size_t i = 0; i < batch.size(); ++i) finish(batch[i], errors[i] ? errors[i] : commit_error);
  }

  // A job alone in its transaction, without a savepoint: under one, SQLite keeps a copy of
  // every page each statement changes until the savepoint ends, which for an import of
  // 100,000 rows costs more than the rows themselves. Without, each statement's journal
  // is dropped when the statement ends. The transaction is already open.
  void run_alone(Job& job) {
    try {
      (*job.fn)(*writer_conn_);
      writer_conn_->execute_script("COMMIT");
      counted_commit();
    } catch (...) {
      try {
        writer_conn_->execute_script("ROLLBACK");
      } catch (...) {
      }
      finish(&job, std::current_exception());
      return;
    }
    finish(&job, nullptr);
  }

  // Before anyone hears of the commit: whoever learns of it and then reads gets a count
  // that includes it.
  void counted_commit() { commits_.fetch_add(1, std::memory_order_release); }

  std::string path_;
  std::atomic<std::uint64_t> commits_{0};
  std::unique_ptr<Connection> writer_conn_;
  mutable std::mutex read_mutex_;
  std::condition_variable read_cv_;
  std::vector<std::unique_ptr<Connection>> readers_;
  int pool_size_ = 0;
  std::mutex write_mutex_;
  std::condition_variable write_cv_;
  std::deque<Job*> queue_;
  bool stopping_ = false;
  std::thread writer_;
  JobThread reads_later_;  // last: stopped first
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path, const Options& options) {
  // No memory statistics: they take a global mutex on every allocation. Must come before
  // SQLite initialises; a later call is refused harmlessly.
  static std::once_flag configured;
  std::call_once(configured, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  if (path.empty() || path.front() != '/') {
    throw std::invalid_argument("sqlite:// URL needs an absolute path (sqlite:///path/antq.db), got: " + path);
  }
  return std::make_unique<SqliteDatabase>(path, options);
}

}  // namespace antq::db
