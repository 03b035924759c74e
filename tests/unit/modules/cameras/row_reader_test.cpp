// The RowReader on both databases: each search gets the rows it asked for and no others,
// the searches that wait meanwhile go together in one statement, and a failed read
// reaches every one of them.
#include "modules/cameras/row_reader.hpp"

#include <future>
#include <set>

#include "cameras_fixture.hpp"

namespace antq::cameras {
namespace {

class CameraRowReaderTest : public CamerasTest {
 protected:
  using Answer = std::pair<std::vector<Camera>, std::exception_ptr>;

  static std::set<std::int64_t> ids_of(const std::vector<Camera>& rows) {
    std::set<std::int64_t> out;
    for (const auto& r : rows) out.insert(r.id);
    return out;
  }
};

TEST_P(CameraRowReaderTest, EachGetsItsRowsAndThoseWhoWaitedGoInOneStatement) {
  std::vector<Camera> cams;
  for (int i = 0; i < 6; ++i)
    cams.push_back(service_->create(officer_, input(geo::destination(kMarket, 0, i * 30))).camera);
  RowReader reader(*db_);
  std::promise<void> first_answered;
  std::promise<void> go_on;
  std::promise<Answer> first;
  reader.read_then({cams[0].id}, [&](std::vector<Camera> rows, std::exception_ptr e) {
    first.set_value({std::move(rows), e});
    first_answered.set_value();
    go_on.get_future().wait();  // the reader's thread waits: the next three are asked meanwhile
  });
  first_answered.get_future().wait();
  std::vector<std::promise<Answer>> answers(3);
  std::vector<std::vector<std::int64_t>> asked{
      {cams[1].id, cams[2].id}, {cams[2].id, cams[3].id, 999999}, {cams[5].id}};
  for (std::size_t i = 0; i < asked.size(); ++i) {
    reader.read_then(asked[i], [&answers, i](std::vector<Camera> rows, std::exception_ptr e) {
      answers[i].set_value({std::move(rows), e});
    });
  }
  go_on.set_value();
  auto [rows0, e0] = first.get_future().get();
  EXPECT_EQ(e0, nullptr);
  ASSERT_EQ(rows0.size(), 1U);
  EXPECT_EQ(rows0[0].code, cams[0].code);
  std::vector<std::set<std::int64_t>> expected{
      {cams[1].id, cams[2].id}, {cams[2].id, cams[3].id}, {cams[5].id}};  // 999999: no such camera
  for (std::size_t i = 0; i < answers.size(); ++i) {
    auto [rows, e] = answers[i].get_future().get();
    EXPECT_EQ(e, nullptr);
    EXPECT_EQ(ids_of(rows), expected[i]) << i;
  }
  EXPECT_EQ(reader.statements(), 2U);
}

TEST_P(CameraRowReaderTest, AFailedReadReachesEveryoneWaiting) {
  auto empty = testing::BackendDatabase(GetParam());  // another database, never migrated
  if (!empty.available()) GTEST_SKIP();
  auto db = db::open(empty.url(), {});
  RowReader reader(*db);
  std::promise<Answer> answer;
  reader.read_then({1, 2}, [&](std::vector<Camera> rows, std::exception_ptr e) {
    answer.set_value({std::move(rows), e});
  });
  auto [rows, e] = answer.get_future().get();
  EXPECT_TRUE(rows.empty());
  EXPECT_THROW(std::rethrow_exception(e), db::DbError);
}

INSTANTIATE_TEST_SUITE_P(Backends, CameraRowReaderTest, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgres),
                         testing::backend_name);

}  // namespace
}  // namespace antq::cameras
