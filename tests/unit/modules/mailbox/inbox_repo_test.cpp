// The inbox query when several communes of a scope hold tips (a merged commune keeps its
// own): the newest first across communes, the same pages as one sorted list.
#include <gtest/gtest.h>

#include "../../support/backends.hpp"
#include "modules/mailbox/repo.hpp"

namespace antq::mailbox {
namespace {

class InboxRepoTest : public ::testing::TestWithParam<db::Dialect> {
 protected:
  void SetUp() override {
    if (!backend.available()) GTEST_SKIP() << "ANTQ_TEST_PG_URL not set";
    db = backend.open();
    db->write([&](db::Tx& tx) {
      for (const char* code : {"INBOX-A", "INBOX-B"}) {
        auto id = tx.row(db::Query{"t.unit",
                                   "INSERT INTO units (code, name, name_folded, kind, path, depth, "
                                   "created_at, updated_at) VALUES ($1, $1, $1, 'commune', '/x/', 1, 0, 0) "
                                   "ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING id"},
                         std::string(code))
                      ->i64(0);
        units.push_back(id);
        key_ids.push_back(tx.row(db::Query{"t.key",
                                           "INSERT INTO unit_keys (unit_id, version, public_key, "
                                           "recovery_wrapped, created_at) VALUES ($1, "
                                           "(SELECT COUNT(*) + 1 FROM unit_keys WHERE unit_id = $1), $2, $2, 0) "
                                           "RETURNING id"},
                                 id, db::Blob{"k"})
                              ->i64(0));
      }
      // Interleaved times: A at even seconds, B at odd ones.
      for (int i = 0; i < 40; ++i) {
        repo::TipRow row;
        row.unit_id = units[static_cast<std::size_t>(i % 2)];
        row.unit_key_id = key_ids[static_cast<std::size_t>(i % 2)];
        row.kind = "suggestion";
        row.channel = "in_person";
        row.status = i % 3 ? "received" : "closed";
        row.identity_mode = "anonymous";
        row.content_sealed = "x";
        expected.push_back({1000LL * i, repo::insert(tx, row, "", 1000LL * i)});
      }
    });
    std::sort(expected.rbegin(), expected.rend());
  }
  testing::BackendDatabase backend{GetParam()};
  std::unique_ptr<db::Database> db;
  std::vector<std::int64_t> units;
  std::vector<std::int64_t> key_ids;
  std::vector<std::pair<std::int64_t, std::int64_t>> expected;  // (received_at, id), newest first
};

TEST_P(InboxRepoTest, PagesAcrossCommunesAreNewestFirst) {
  repo::ListQuery q{units, std::nullopt, std::nullopt, std::nullopt};
  std::vector<std::int64_t> seen;
  db->read([&](db::Tx& tx) {
    for (int offset = 0; offset < 40; offset += 15) {
      for (const auto& t : repo::list(tx, q, 15, offset)) seen.push_back(t.id);
    }
    EXPECT_EQ(repo::count(tx, q), 40);
    std::int64_t closed = 0;
    for (const auto& c : repo::status_counts(tx, "/x/")) closed += c.status == "closed" ? c.n : 0;
    EXPECT_EQ(closed, 14);
    EXPECT_TRUE(repo::status_counts(tx, "/y/").empty()) << "another scope counts none of them";
  });
  ASSERT_EQ(seen.size(), 40u);
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], expected[i].second) << i;
}

INSTANTIATE_TEST_SUITE_P(Backends, InboxRepoTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::mailbox
