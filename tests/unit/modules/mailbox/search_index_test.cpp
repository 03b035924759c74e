// The encrypted search index is never stored with the text of a tip that no longer
// exists (a refresh that read tips before the retention purge must not bring them back).
#include <gtest/gtest.h>

#include "../../support/temp_dir.hpp"
#include "app/demo.hpp"
#include "app/modules.hpp"
#include "modules/mailbox/search.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/log/log.hpp"

namespace antq::mailbox {
namespace {

TEST(SearchIndex, IsNotStoredWhenATipItHoldsWasDeletedMeanwhile) {
  crypto::init();
  log::init("warn");
  antq::testing::TempDir dir;
  auto ctx = app::open_context(app::load_config(dir.path(), {}));
  const std::string password = "mat-khau-chi-muc-tim-kiem";
  app::load_demo(*ctx, password);
  auto session = ctx->accounts->login({"officer.tantrao", password, std::nullopt, "test"});
  auto actor = accounts::Service::actor_of(session.user);
  auto unit = ctx->units->find_by_code("02545")->id;
  NewTip tip;
  tip.unit_id = unit;
  tip.kind = "suggestion";
  tip.description = "Đèn đường thôn Khuôn Điển hỏng";
  auto gone = ctx->mailbox->register_tip(actor, session.box_secret_key, tip, "phone", false).tip.id;
  tip.description = "Góp ý khác";
  for (int i = 0; i < 520; ++i) ctx->mailbox->register_tip(actor, session.box_secret_key, tip, "phone", false);
  std::int64_t tips = 0;
  ctx->db->read([&](db::Tx& tx) {
    tips = tx.row(db::Query{"t.n", "SELECT COUNT(*) FROM tips WHERE unit_id = $1"}, unit)->i64(0);
  });

  search::CommuneIndex index;
  std::optional<search::SealedIndex> sealed;
  ctx->db->read([&](db::Tx& tx) {
    detail::KeyCache keys;
    index = search::load(tx, *ctx->keys, actor.user_id, session.box_secret_key, unit);
    search::refresh(tx, *ctx->keys, actor.user_id, session.box_secret_key, unit, index, keys);
    sealed = search::seal(tx, *ctx->keys, unit, index);
  });
  EXPECT_EQ(static_cast<std::int64_t>(index.text.size()), tips) << "every tip, read in batches of 500";
  ASSERT_TRUE(index.text.count(gone)) << "the new tip was read into the index";
  EXPECT_EQ(index.text.at(gone), "den duong thon khuon dien hong") << "folded: description, when and where";
  ASSERT_TRUE(sealed.has_value());

  ctx->db->write([&](db::Tx& tx) {  // as the retention purge deletes a tip
    for (const char* table : {"tip_events", "tip_messages", "tip_files"}) {
      tx.execute_script(std::string("DELETE FROM ") + table + " WHERE tip_id = " + std::to_string(gone));
    }
    tx.execute_script("DELETE FROM tips WHERE id = " + std::to_string(gone));
  });
  bool stored = true;
  ctx->db->write([&](db::Tx& tx) { stored = search::store(tx, *sealed, 0); });
  EXPECT_FALSE(stored);
  ctx->db->read([&](db::Tx& tx) { EXPECT_FALSE(repo::search_index(tx, unit).has_value()) << "nothing stored"; });

  index.text.erase(gone);
  ctx->db->read([&](db::Tx& tx) { sealed = search::seal(tx, *ctx->keys, unit, index); });
  ctx->db->write([&](db::Tx& tx) { stored = search::store(tx, *sealed, 0); });
  EXPECT_TRUE(stored) << "without the deleted tip it is stored";
  ctx->db->read([&](db::Tx& tx) {
    auto row = repo::search_index(tx, unit);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->entries, static_cast<std::int64_t>(index.text.size()));
  });
}

}  // namespace
}  // namespace antq::mailbox
