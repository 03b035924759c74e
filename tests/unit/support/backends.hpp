#pragma once
// A migrated database of each backend for tests: SQLite in a temporary directory always,
// PostgreSQL when ANTQ_TEST_PG_URL names the admin URL of a throwaway server (scripts/pg
// start DIR); a fresh database on it per test, dropped afterwards.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>

#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/read.hpp"
#include "temp_dir.hpp"

namespace antq::testing {

// The one number a query gives ("SELECT count(*) FROM …"), read in a transaction of its own.
inline std::int64_t count_of(db::Database& db, const std::string& sql) {
  std::int64_t n = 0;
  db.read([&](db::Tx& tx) { n = db::scalar(tx, db::Query{"test.count", sql}); });
  return n;
}

class BackendDatabase {
 public:
  // Skips the test (GTEST_SKIP in the caller's SetUp) when `available()` is false.
  explicit BackendDatabase(db::Dialect dialect) {
    if (dialect == db::Dialect::sqlite) {
      url_ = "sqlite://" + dir_.file("test.db");
      return;
    }
    const char* admin = std::getenv("ANTQ_TEST_PG_URL");
    if (!admin || !*admin) return;
    admin_url_ = admin;
    name_ = "antq_unit_" + std::to_string(std::random_device{}());
    psql("CREATE DATABASE " + name_);
    auto path = admin_url_.find('/', admin_url_.find("://") + 3);
    url_ = (path == std::string::npos ? admin_url_ + "/" : admin_url_.substr(0, path + 1)) + name_;
  }
  ~BackendDatabase() {
    if (!name_.empty()) psql("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  BackendDatabase(const BackendDatabase&) = delete;
  BackendDatabase& operator=(const BackendDatabase&) = delete;

  bool available() const { return !url_.empty(); }
  const std::string& url() const { return url_; }
  // A new connection pool on the database, migrated.
  std::unique_ptr<db::Database> open() const {
    auto d = db::open(url_, {});
    db::migrate(*d);
    return d;
  }

 private:
  void psql(const std::string& sql) const {
    std::string command = "psql -q -v ON_ERROR_STOP=1 '" + admin_url_ + "' -c '" + sql + "' >/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("psql failed: " + sql);
  }

  TempDir dir_;
  std::string url_;
  std::string admin_url_;
  std::string name_;
};

inline std::string backend_name(const ::testing::TestParamInfo<db::Dialect>& info) {
  return info.param == db::Dialect::sqlite ? "sqlite" : "postgres";
}

}  // namespace antq::testing
