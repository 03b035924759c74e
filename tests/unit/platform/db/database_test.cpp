// The one storage interface, run against SQLite always and against PostgreSQL when
// ANTQ_TEST_PG_URL names the admin URL of a throwaway server (scripts/pg start DIR).
#include "platform/db/database.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../../support/temp_dir.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/params.hpp"
#include "platform/db/read.hpp"
#include "platform/db/top.hpp"
#include "platform/error.hpp"

namespace antq::db {
namespace {

// postgresql://user@host:port/postgres?x -> postgresql://user@host:port/NAME?x
std::string with_database(const std::string& url, const std::string& name) {
  auto path = url.find('/', url.find("://") + 3);
  if (path == std::string::npos) return url + "/" + name;
  auto query = url.find('?', path);
  return url.substr(0, path + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

void psql(const std::string& url, const std::string& sql) {
  std::string command = "psql -q -v ON_ERROR_STOP=1 '" + url + "' -c '" + sql + "' >/dev/null";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("psql failed: " + sql);
}

constexpr Query kCount{"test.count", "SELECT count(*) FROM items"};
constexpr Query kInsert{"test.insert", "INSERT INTO items (name) VALUES ($1)"};

class DatabaseTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    if (GetParam() == Dialect::sqlite) {
      db_ = open("sqlite://" + dir_.file("test.db"), {});
      return;
    }
    const char* admin = std::getenv("ANTQ_TEST_PG_URL");
    if (!admin || !*admin) GTEST_SKIP() << "ANTQ_TEST_PG_URL is not set";
    admin_url_ = admin;
    pg_name_ = "antq_unit_" + std::to_string(std::random_device{}());
    psql(admin_url_, "CREATE DATABASE " + pg_name_);
    db_ = open(with_database(admin_url_, pg_name_), {});
  }

  void TearDown() override {
    db_.reset();
    if (!pg_name_.empty()) psql(admin_url_, "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
  }

  void create_items() {
    db_->write([](Tx& tx) {
      tx.execute_script(tx.dialect() == Dialect::sqlite
                            ? "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"
                            : "CREATE TABLE items (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
    });
  }

  std::int64_t count_items() {
    std::int64_t n = -1;
    db_->read([&](Tx& tx) { n = tx.row(kCount)->i64(0); });
    return n;
  }

  testing::TempDir dir_;
  std::unique_ptr<Database> db_;
  std::string admin_url_;
  std::string pg_name_;
};

TEST_P(DatabaseTest, ReportsItsDialect) { EXPECT_EQ(db_->dialect(), GetParam()); }

TEST_P(DatabaseTest, MigrateAppliesEveryMigrationThenNothing) {
  EXPECT_FALSE(migrations_current(*db_));
  auto expected = load_migrations(embedded::migrations(), GetParam());
  auto first = migrate(*db_);
  ASSERT_EQ(first.size(), expected.size());
  for (std::size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i], expected[i].version);
  EXPECT_TRUE(migrations_current(*db_));
  EXPECT_TRUE(migrate(*db_).empty());
  EXPECT_TRUE(migrations_current(*db_));
}

TEST_P(DatabaseTest, MigrationStatusListsEachMigrationAsApplied) {
  migrate(*db_);
  auto status = migration_status(*db_);
  ASSERT_FALSE(status.empty());
  for (const auto& s : status) EXPECT_TRUE(s.applied) << s.name;
}

TEST_P(DatabaseTest, ReadSeesWhatWriteCommitted) {
  create_items();
  db_->write([](Tx& tx) { EXPECT_EQ(tx.exec(kInsert, "Thôn Làng Hản"), 1); });
  std::string name;
  db_->read([&](Tx& tx) { name = tx.row(Query{"test.name", "SELECT name FROM items"})->text(0); });
  EXPECT_EQ(name, "Thôn Làng Hản");
}

TEST_P(DatabaseTest, ThrowingWriteRollsBackAndRethrows) {
  create_items();
  try {
    db_->write([](Tx& tx) {
      tx.exec(kInsert, "a");
      tx.exec(kInsert, "b");
      throw std::runtime_error("changed my mind");
    });
    FAIL() << "write() swallowed the exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "changed my mind");
  }
  EXPECT_EQ(count_items(), 0);
  db_->write([](Tx& tx) { tx.exec(kInsert, "a"); });  // still usable, and "a" is free
  EXPECT_EQ(count_items(), 1);
}

TEST_P(DatabaseTest, ExecuteReturnsTheNumberOfRowsChanged) {
  create_items();
  std::int64_t changed = -1;
  db_->write([&](Tx& tx) {
    for (const char* n : {"a", "b", "c"}) tx.exec(kInsert, n);
    changed = tx.exec(Query{"test.update", "UPDATE items SET name = name || '!' WHERE name <> $1"}, "b");
  });
  EXPECT_EQ(changed, 2);
}

TEST_P(DatabaseTest, ParametersMayBeUsedOutOfOrderAndRepeated) {
  db_->write([](Tx& tx) { tx.execute_script("CREATE TABLE p (a TEXT, b TEXT, c TEXT)"); });
  db_->write([](Tx& tx) { tx.exec(Query{"test.p", "INSERT INTO p (a, b, c) VALUES ($2, $1, $2)"}, "one", "two"); });
  db_->read([](Tx& tx) {
    auto r = tx.row(Query{"test.p_read", "SELECT a, b, c FROM p WHERE a = $1 AND c = $1"}, "two");
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->text(0), "two");
    EXPECT_EQ(r->text(1), "one");
    EXPECT_EQ(r->text(2), "two");
  });
}

TEST_P(DatabaseTest, NullIntegerTextAndBlobRoundTrip) {
  db_->write([](Tx& tx) {
    tx.execute_script(tx.dialect() == Dialect::sqlite ? "CREATE TABLE v (n TEXT, i BIGINT, t TEXT, b BLOB)"
                                                      : "CREATE TABLE v (n TEXT, i BIGINT, t TEXT, b BYTEA)");
  });
  const std::string blob("\x00\x01 zero\x00inside\xff\x00", 15);
  const std::int64_t big = -9007199254740993LL;  // not representable as a double
  db_->write([&](Tx& tx) {
    tx.exec(Query{"test.v", "INSERT INTO v (n, i, t, b) VALUES ($1, $2, $3, $4)"}, nullptr, big,
            "Đại tá Phạm Hoàng Điệp", Blob{blob});
  });
  db_->read([&](Tx& tx) {
    auto r = tx.row(Query{"test.v_read", "SELECT n, i, t, b FROM v"});
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(r->is_null(0));
    EXPECT_EQ(r->opt_text(0), std::nullopt);
    EXPECT_EQ(r->i64(1), big);
    EXPECT_EQ(r->opt_i64(1), big);
    EXPECT_EQ(r->text(2), "Đại tá Phạm Hoàng Điệp");
    EXPECT_EQ(r->blob(3), blob);
  });
}

TEST_P(DatabaseTest, UniqueViolationIsReportedAsSuch) {
  create_items();
  db_->write([](Tx& tx) { tx.exec(kInsert, "dup"); });
  try {
    db_->write([](Tx& tx) { tx.exec(kInsert, "dup"); });
    FAIL() << "second insert of one name succeeded";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::unique_violation) << e.what();
  }
  EXPECT_EQ(count_items(), 1);
}

TEST_P(DatabaseTest, PrimaryKeyViolationIsAUniqueViolation) {
  db_->write([](Tx& tx) { tx.execute_script("CREATE TABLE k (code TEXT PRIMARY KEY)"); });
  constexpr Query insert{"test.k", "INSERT INTO k (code) VALUES ($1)"};
  db_->write([&](Tx& tx) { tx.exec(insert, "08"); });
  try {
    db_->write([&](Tx& tx) { tx.exec(insert, "08"); });
    FAIL() << "duplicate primary key accepted";
  } catch (const DbError& e) {
    EXPECT_EQ(e.kind(), DbError::Kind::unique_violation) << e.what();
  }
}

TEST_P(DatabaseTest, ReadTransactionsAreReadOnly) {
  create_items();
  EXPECT_ANY_THROW(db_->read([](Tx& tx) { tx.exec(kInsert, "sneaky"); }));
  EXPECT_EQ(count_items(), 0);
}

TEST_P(DatabaseTest, ConcurrentWritesFromEightThreadsAllLand) {
  create_items();
  constexpr int kThreads = 8;
  constexpr int kPerThread = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        try {
          db_->write([&](Tx& tx) { tx.exec(kInsert, std::to_string(t) + "-" + std::to_string(i)); });
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count_items(), kThreads * kPerThread);
}

TEST_P(DatabaseTest, AFailingWriteDoesNotUndoConcurrentWrites) {
  create_items();
  constexpr int kThreads = 8;
  constexpr int kPerThread = 20;
  std::atomic<int> thrown{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        try {
          db_->write([&](Tx& tx) {
            tx.exec(kInsert, std::to_string(t) + "-" + std::to_string(i));
            if (t % 2 == 1) throw std::runtime_error("odd threads roll back");
          });
        } catch (const std::runtime_error&) {
          ++thrown;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(thrown.load(), kThreads / 2 * kPerThread);
  EXPECT_EQ(count_items(), kThreads / 2 * kPerThread);
}

TEST_P(DatabaseTest, WriteThenTellsWhenTheWriteIsDurableOrWhyItFailed) {
  create_items();
  constexpr int kWrites = 50;
  std::vector<std::promise<std::exception_ptr>> told(kWrites);
  for (int i = 0; i < kWrites; ++i) {
    db_->write_then(
        [i](Tx& tx) {
          tx.exec(kInsert, "item " + std::to_string(i));
          if (i % 10 == 3) throw std::runtime_error("rolled back");
        },
        [&told, i](std::exception_ptr e) { told[i].set_value(e); });
  }
  int failed = 0;
  for (int i = 0; i < kWrites; ++i) {
    auto error = told[i].get_future().get();
    EXPECT_EQ(static_cast<bool>(error), i % 10 == 3) << i;
    if (error) ++failed;
  }
  // Each was committed (or rolled back) before its caller was told.
  EXPECT_EQ(failed, 5);
  EXPECT_EQ(count_items(), kWrites - 5);
}

TEST_P(DatabaseTest, WriteThenLeavesTheCallersThreadFreeMeanwhile) {
  create_items();
  std::promise<void> go;
  auto went = go.get_future().share();
  std::promise<std::exception_ptr> told;
  db_->write_then(
      [went](Tx& tx) {
        // Waits for the caller, who goes on only once write_then has returned.
        if (went.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
          throw std::runtime_error("the caller waited for the write");
        }
        tx.exec(kInsert, "later");
      },
      [&told](std::exception_ptr e) { told.set_value(e); });
  go.set_value();
  EXPECT_FALSE(told.get_future().get());
  EXPECT_EQ(count_items(), 1);
}

TEST_P(DatabaseTest, ReadThenReadsOnAnotherThreadAndTellsWhatItFoundOrWhyItFailed) {
  create_items();
  db_->write([](Tx& tx) { tx.exec(kInsert, "Làng Hản"); });
  std::promise<void> go;
  auto went = go.get_future().share();
  std::promise<std::exception_ptr> told;
  std::int64_t seen = -1;
  db_->read_then(
      [went, &seen](Tx& tx) {
        if (went.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
          throw std::runtime_error("the caller waited for the read");
        }
        seen = tx.row(kCount)->i64(0);
      },
      [&told](std::exception_ptr e) { told.set_value(e); });
  go.set_value();
  EXPECT_FALSE(told.get_future().get());
  EXPECT_EQ(seen, 1);
  std::promise<std::exception_ptr> failed;
  db_->read_then([](Tx& tx) { tx.exec(kInsert, "read only"); },
                 [&failed](std::exception_ptr e) { failed.set_value(e); });
  EXPECT_TRUE(failed.get_future().get());  // a read transaction writes nothing
  EXPECT_EQ(count_items(), 1);
}

TEST_P(DatabaseTest, OnPostgresReadsAndWritesHandedOverTakeTurnsInOrder) {
  if (GetParam() == Dialect::sqlite) GTEST_SKIP() << "SQLite reads beside its writer";
  create_items();
  constexpr int kRounds = 20;
  std::vector<std::promise<std::int64_t>> seen(kRounds);
  for (int i = 0; i < kRounds; ++i) {
    db_->write_then([i](Tx& tx) { tx.exec(kInsert, "item " + std::to_string(i)); }, [](std::exception_ptr) {});
    auto count = std::make_shared<std::int64_t>(-1);
    db_->read_then([count](Tx& tx) { *count = tx.row(kCount)->i64(0); },
                   [&seen, count, i](std::exception_ptr) { seen[i].set_value(*count); });
  }
  // Each read ran after the writes handed over before it, and before those after it.
  for (int i = 0; i < kRounds; ++i) EXPECT_EQ(seen[i].get_future().get(), i + 1) << i;
}

TEST_P(DatabaseTest, ManyRowsInOneStatementEachTakeTheirOwnParameters) {
  create_items();
  std::vector<std::string> names;
  db_->write([&](Tx& tx) {
    Query q{"test.insert_many", rows_sql("INSERT INTO items (name) VALUES ", "($1 || $2)", 2, 3, " RETURNING name")};
    for (const auto& r : tx.query(q, {"Thôn ", "Khuôn Điển", "Thôn ", "Làng Hản", "Tổ ", "Tân Trào"})) {
      names.push_back(r.text(0));
    }
  });
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Thôn Khuôn Điển", "Thôn Làng Hản", "Tổ Tân Trào"}));
  EXPECT_EQ(count_items(), 3);
}

// PostgreSQL sends a transaction's BEGIN with its first statement, and only then: the
// isolation a statement runs at tells whether it ran inside the read's transaction.
constexpr Query kIsolation{"test.isolation", "SELECT current_setting('transaction_isolation')"};

TEST_P(DatabaseTest, TheFirstStatementRunsInTheTransactionItBegins) {
  if (GetParam() != Dialect::postgres) GTEST_SKIP() << "SQLite has no isolation levels to ask for";
  std::string first, second;
  db_->read([&](Tx& tx) {
    first = tx.row(kIsolation)->text(0);
    second = tx.row(kIsolation)->text(0);
  });
  EXPECT_EQ(first, "repeatable read");
  EXPECT_EQ(second, "repeatable read");
  create_items();
  db_->write([](Tx& tx) { tx.exec(kInsert, "Thôn Khuôn Điển"); });
  EXPECT_EQ(count_items(), 1);
}

TEST_P(DatabaseTest, AFailingFirstStatementLeavesTheConnectionUsable) {
  create_items();
  for (int i = 0; i < 3; ++i) {  // the pool hands the same connection back
    EXPECT_THROW(db_->read([](Tx& tx) { tx.rows(Query{"test.bad", "SELECT no_such_column FROM items"}); }), DbError);
    EXPECT_THROW(db_->write([](Tx& tx) { tx.exec(kInsert, nullptr); }), DbError);
    EXPECT_EQ(count_items(), 0);
  }
}

TEST_P(DatabaseTest, TheLastStatementOfATransactionThatSentNothingRunsAlone) {
  if (GetParam() != Dialect::postgres) GTEST_SKIP() << "on SQLite the promise changes nothing";
  std::string alone, inside;
  db_->read([&](Tx& tx) {
    tx.next_is_last();
    alone = tx.row(kIsolation)->text(0);
    EXPECT_THROW(tx.rows(kIsolation), std::logic_error);
  });
  EXPECT_EQ(alone, "read committed");  // the server's default: no BEGIN was sent
  db_->read([&](Tx& tx) {
    tx.rows(kIsolation);
    tx.next_is_last();
    inside = tx.row(kIsolation)->text(0);
  });
  EXPECT_EQ(inside, "repeatable read");
  create_items();
  db_->write([](Tx& tx) {
    tx.next_is_last();
    tx.exec(kInsert, "Thôn Làng Hản");
  });
  EXPECT_EQ(count_items(), 1);  // committed on its own
}

// In a transaction that began, the promised last statement takes the COMMIT with it: the
// transaction's work is durable when it returns, and a failing last statement leaves
// nothing behind.
TEST_P(DatabaseTest, TheLastStatementOfATransactionThatBeganCommitsIt) {
  create_items();
  db_->write([](Tx& tx) {
    tx.exec(kInsert, "Thôn Khuôn Điển");
    tx.next_is_last();
    tx.exec(kInsert, "Thôn Làng Hản");
  });
  EXPECT_EQ(count_items(), 2);
  EXPECT_THROW(db_->write([](Tx& tx) {
    tx.exec(kInsert, "Tổ Tân Trào");
    tx.next_is_last();
    tx.exec(kInsert, "Thôn Khuôn Điển");  // taken
  }),
               DbError);
  EXPECT_EQ(count_items(), 2);
  db_->write([](Tx& tx) { tx.exec(kInsert, "Tổ Tân Trào"); });  // the connection is usable
  EXPECT_EQ(count_items(), 3);
}

TEST(RowsSql, MovesEachRowsNumbersOnAndKeepsOneTextPerShape) {
  auto sql = rows_sql("INSERT INTO t (a, b, c) VALUES ", "($1, $2, $1)", 2, 3, " RETURNING id");
  EXPECT_EQ(sql, "INSERT INTO t (a, b, c) VALUES ($1, $2, $1), ($3, $4, $3), ($5, $6, $5) RETURNING id");
  EXPECT_EQ(rows_sql("INSERT INTO t (a, b, c) VALUES ", "($1, $2, $1)", 2, 3, " RETURNING id").data(), sql.data())
      << "the same shape, the same kept text";
  EXPECT_EQ(rows_sql("V ", "($9, $10)", 10, 2), "V ($9, $10), ($19, $20)");
  EXPECT_EQ(rows_sql("V ", "('$', $1)", 1, 2), "V ('$', $1), ('$', $2)") << "a lone $ is left as it is";
}

TEST_P(DatabaseTest, BackupIsADatabaseWithTheSameRows) {
  if (GetParam() != Dialect::sqlite) GTEST_SKIP() << "PostgreSQL backups are made with pg_dump";
  create_items();
  db_->write([](Tx& tx) {
    for (const char* n : {"Khuôn Điển", "Làng Hản", "Tuyên Quang"}) tx.exec(kInsert, n);
  });
  const std::string copy = dir_.file("backup.db");
  db_->backup_to(copy);
  auto restored = open("sqlite://" + copy, {});
  std::vector<std::string> names;
  restored->read([&](Tx& tx) {
    for (const auto& r : tx.rows(Query{"test.names", "SELECT name FROM items ORDER BY id"})) names.push_back(r.text(0));
  });
  EXPECT_EQ(names, (std::vector<std::string>{"Khuôn Điển", "Làng Hản", "Tuyên Quang"}));
}

INSTANTIATE_TEST_SUITE_P(Backends, DatabaseTest, ::testing::Values(Dialect::sqlite, Dialect::postgres),
                         [](const auto& info) { return info.param == Dialect::sqlite ? "sqlite" : "postgres"; });

// Rows into structs: db::one, db::all and db::page read each row with a reader function
// that takes the columns in order, and fail loudly when it does not take them all.
struct Item {
  std::int64_t id = 0;
  std::string name;
  bool operator==(const Item&) const = default;
};

Item read_item(Reader& r) { return Item{r.i64(), r.text()}; }

constexpr Query kItem{"test.item", "SELECT id, name FROM items WHERE name = $1"};
constexpr Query kItems{"test.items", "SELECT id, name FROM items ORDER BY id"};

class RowReaderTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    if (IsSkipped()) return;
    create_items();
    db_->write([](Tx& tx) {
      for (const char* n : {"Khuôn Điển", "Làng Hản", "Tuyên Quang"}) tx.exec(kInsert, n);
    });
  }

  // The internal message of the Error `fn` throws inside a read transaction.
  std::string failure(const std::function<void(Tx&)>& fn) {
    try {
      db_->read(fn);
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::internal);
      return e.internal_message();
    }
    ADD_FAILURE() << "nothing thrown";
    return {};
  }
};

TEST_P(RowReaderTest, OneReadsTheFirstRowOrNothing) {
  db_->read([](Tx& tx) {
    EXPECT_EQ(one(tx, kItem, read_item, "Làng Hản"), (Item{2, "Làng Hản"}));
    EXPECT_EQ(one(tx, kItem, read_item, "Hà Giang"), std::nullopt);
    EXPECT_EQ(one(tx, kItem, std::vector<Value>{std::string("Tuyên Quang")}, read_item), (Item{3, "Tuyên Quang"}));
  });
}

TEST_P(RowReaderTest, AllReadsEveryRowInOrder) {
  db_->read([](Tx& tx) {
    EXPECT_EQ(all(tx, kItems, read_item), (std::vector<Item>{{1, "Khuôn Điển"}, {2, "Làng Hản"}, {3, "Tuyên Quang"}}));
    Params params;
    std::string sql = "SELECT id, name FROM items WHERE id > " + params.add(std::int64_t{1}) + " ORDER BY id";
    EXPECT_EQ(all(tx, Query{"test.items_after", sql}, params.values(), read_item),
              (std::vector<Item>{{2, "Làng Hản"}, {3, "Tuyên Quang"}}));
    EXPECT_TRUE(all(tx, kItem, read_item, "Hà Giang").empty());
  });
}

TEST_P(RowReaderTest, AColumnSelectedButNotReadFailsNamingTheQuery) {
  constexpr Query drifted{"test.drifted", "SELECT id, name, id + 1 FROM items WHERE name = $1"};
  auto message = failure([&](Tx& tx) { one(tx, drifted, read_item, "Làng Hản"); });
  EXPECT_NE(message.find("test.drifted"), std::string::npos) << message;
  EXPECT_NE(message.find("read 2 of the row's 3 columns"), std::string::npos) << message;
  message = failure([&](Tx& tx) { all(tx, Query{"test.drifted_all", "SELECT id, name, name FROM items"}, read_item); });
  EXPECT_NE(message.find("test.drifted_all"), std::string::npos) << message;
}

TEST_P(RowReaderTest, AColumnReadButNotSelectedFailsNamingTheQuery) {
  constexpr Query drifted{"test.short", "SELECT id FROM items WHERE name = $1"};
  auto message = failure([&](Tx& tx) { one(tx, drifted, read_item, "Làng Hản"); });
  EXPECT_NE(message.find("test.short"), std::string::npos) << message;
  EXPECT_NE(message.find("reads column 2 but the row has 1"), std::string::npos) << message;
}

TEST_P(RowReaderTest, ReadsNullsAsOptionalsAndAsEmpty) {
  constexpr Query nulls{"test.nulls", "SELECT NULL, NULL, NULL, 7, 'x', 0"};
  db_->read([&](Tx& tx) {
    auto row = one(tx, nulls, [](Reader& r) {
      EXPECT_EQ(r.opt_i64(), std::nullopt);
      EXPECT_EQ(r.opt_text(), std::nullopt);
      EXPECT_EQ(r.opt_blob(), std::nullopt);
      EXPECT_EQ(r.integer(), 7);
      EXPECT_EQ(r.opt_text(), "x");
      return r.boolean();
    });
    EXPECT_EQ(row, false);
  });
}

TEST_P(RowReaderTest, ScalarReadsOneIntegerOrFailsNamingTheQuery) {
  constexpr Query after{"test.count_after", "SELECT count(*) FROM items WHERE id > $1"};
  db_->read([&](Tx& tx) {
    EXPECT_EQ(scalar(tx, after, {std::int64_t{1}}), 2);
    EXPECT_EQ(scalar(tx, after, 2), 1);
  });
  auto message = failure([](Tx& tx) { scalar(tx, kItem, "Hà Giang"); });
  EXPECT_NE(message.find("test.item returned no row"), std::string::npos) << message;
  message = failure([](Tx& tx) { scalar(tx, kItem, "Làng Hản"); });
  EXPECT_NE(message.find("read 1 of the row's 2 columns"), std::string::npos) << message;
}

TEST_P(RowReaderTest, PageCountsAllAndReadsOnePage) {
  db_->read([](Tx& tx) {
    Params params;
    std::string where = " FROM items WHERE id > " + params.add(std::int64_t{0});
    auto page = db::page(tx, "test.items", "id, name", where, " ORDER BY id DESC", params, 2, 2, read_item);
    EXPECT_EQ(page.total, 3);
    EXPECT_EQ(page.items, (std::vector<Item>{{1, "Khuôn Điển"}}));
    page = db::page(tx, "test.items", "id, name", where, " ORDER BY id DESC", params, 1, 2, read_item);
    EXPECT_EQ(page.items, (std::vector<Item>{{3, "Tuyên Quang"}, {2, "Làng Hản"}}));
    EXPECT_EQ(page.total, 3) << "a full page counts the rest";
  });
}

// The total from the page itself where it ends the list, from a count where it cannot:
// every case of (page, size) over the three items, and none matching.
TEST_P(RowReaderTest, PageTotalsAreTheSameWhetherCountedOrSeen) {
  db_->read([](Tx& tx) {
    const struct {
      std::int64_t above;
      int page;
      int size;
      std::int64_t total;
      std::size_t items;
    } rows[] = {
        {0, 1, 50, 3, 3},  // fits on the first page
        {0, 1, 3, 3, 3},   // exactly full: counted
        {0, 2, 2, 3, 1},   // the last, short page
        {0, 2, 3, 3, 0},   // past the end: counted
        {0, 5, 2, 3, 0},   // far past the end
        {3, 1, 50, 0, 0},  // nothing matches
        {3, 2, 50, 0, 0},  // nothing, and past the end
    };
    for (const auto& row : rows) {
      Params params;
      std::string where = " FROM items WHERE id > " + params.add(row.above);
      auto page = db::page(tx, "test.items", "id, name", where, " ORDER BY id", params, row.page, row.size, read_item);
      EXPECT_EQ(page.total, row.total) << row.above << " " << row.page << " " << row.size;
      EXPECT_EQ(page.items.size(), row.items) << row.above << " " << row.page << " " << row.size;
    }
  });
}

// db::top: the first rows and, from the same statement, how many there are in all.
TEST_P(RowReaderTest, TopCountsEveryRowBeyondItsLimit) {
  constexpr Query top_items{"test.top",
                            "SELECT count(*) OVER (), id, name FROM items WHERE id > $1 ORDER BY id LIMIT $2"};
  db_->read([&](Tx& tx) {
    const struct {
      std::int64_t above;
      std::int64_t limit;
      std::int64_t total;
      std::size_t items;
    } rows[] = {
        {0, 50, 3, 3},  // all fit
        {0, 2, 3, 2},   // cut: the total still counts the third
        {1, 1, 2, 1},   // cut, filtered
        {3, 50, 0, 0},  // nothing matches
    };
    for (const auto& row : rows) {
      auto page = db::top(tx, top_items, read_item, row.above, row.limit);
      EXPECT_EQ(page.total, row.total) << row.above << " " << row.limit;
      EXPECT_EQ(page.items.size(), row.items) << row.above << " " << row.limit;
    }
    EXPECT_EQ(db::top(tx, top_items, read_item, 1, 1).items, (std::vector<Item>{{2, "Làng Hản"}}));
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, RowReaderTest, ::testing::Values(Dialect::sqlite, Dialect::postgres),
                         [](const auto& info) { return info.param == Dialect::sqlite ? "sqlite" : "postgres"; });

}  // namespace
}  // namespace antq::db
