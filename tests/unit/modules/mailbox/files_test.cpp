// Files as they are received: checked, stripped, encrypted in chunks, staged, and gone
// again when the tip is not stored.
#include "modules/mailbox/files.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "../../support/temp_dir.hpp"
#include "modules/mailbox/files_repo.hpp"
#include "platform/crypto/crypto.hpp"
#include "platform/db/migrations.hpp"
#include "platform/error.hpp"
#include "platform/media/media.hpp"

namespace antq::mailbox {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(ANTQ_SOURCE_DIR) + "/tests/fixtures/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class FileIntakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto::init();
    db = db::open("sqlite://" + dir.file("files.db"), {});
    db::migrate(*db);
  }
  std::int64_t stored_files() {
    std::int64_t n = 0;
    db->read([&](db::Tx& tx) {
      n = tx.row(db::Query{"t.count",
                           "SELECT (SELECT COUNT(*) FROM tip_files) + (SELECT COUNT(*) FROM "
                           "tip_file_chunks)"})
              ->i64(0);
    });
    return n;
  }
  std::string read_back(const StagedFile& f) {
    std::optional<repo::FileRow> row;
    db->read([&](db::Tx& tx) { row = repo::file(tx, f.id); });
    FileReader reader(*db, f.id, f.key, row->header, row->chunks);
    std::string out;
    while (auto piece = reader.next()) out += *piece;
    return out;
  }
  // Sends `content` in pieces of `step` bytes.
  static void send(FileIntake& intake, const std::string& name, const std::string& content, std::size_t step) {
    intake.begin(name);
    for (std::size_t at = 0; at < content.size(); at += step) intake.data(std::string_view(content).substr(at, step));
    intake.end();
  }
  static std::string refusal(const std::function<void()>& fn) {
    try {
      fn();
    } catch (const Error& e) {
      return e.fields().empty() ? "?" : e.fields().front().code;
    }
    return "";
  }

  testing::TempDir dir;
  std::unique_ptr<db::Database> db;
  time::ManualClock clock{1'800'000'000'000};
};

TEST_F(FileIntakeTest, APdfIsStoredEncryptedInChunksAndReadsBackWhole) {
  std::string pdf = "%PDF-1.4\n";
  while (pdf.size() < 700000) pdf += "ANTQ-FILE-MARKER stream of a long document\n";
  {
    FileIntake intake(*db, clock, {});
    send(intake, "../../biên bản.pdf", pdf, 10000);
    ASSERT_EQ(intake.files().size(), 1u);
    const auto& f = intake.files().front();
    EXPECT_EQ(f.name, "biên bản.pdf") << "no path";
    EXPECT_EQ(f.mime, "application/pdf");
    EXPECT_EQ(f.size, static_cast<std::int64_t>(pdf.size()));
    EXPECT_EQ(read_back(f), pdf);
    std::int64_t chunks = 0;
    db->read([&](db::Tx& tx) { chunks = repo::file(tx, f.id)->chunks; });
    EXPECT_EQ(chunks, 3) << "256 KiB chunks";
    intake.claim();
  }
  EXPECT_GT(stored_files(), 0) << "claimed files stay";
}

TEST_F(FileIntakeTest, PhotosLoseTheirMetadataBeforeStorage) {
  FileIntake intake(*db, clock, {});
  send(intake, "anh.jpg", fixture("photo-gps.jpg"), 100);
  auto stored = read_back(intake.files().front());
  EXPECT_EQ(media::sniff(stored), "image/jpeg");
  EXPECT_FALSE(media::has_metadata(stored));
  EXPECT_EQ(stored.find("ANTQMARKER"), std::string::npos);
}

TEST_F(FileIntakeTest, RefusalsDeleteEverythingStaged) {
  FileLimits limits{2, 400000};
  {
    FileIntake intake(*db, clock, limits);
    send(intake, "a.pdf", "%PDF-1.4\nsmall", 5);
    EXPECT_EQ(refusal([&] { send(intake, "setup.jpg", std::string("MZ") + std::string(5000, '\0'), 100); }),
              "file_type_refused");
  }
  EXPECT_EQ(stored_files(), 0);
  {
    FileIntake intake(*db, clock, limits);
    send(intake, "a.pdf", "%PDF-1.4\nsmall", 5);
    std::string big = "%PDF-1.4\n" + std::string(500000, 'x');
    EXPECT_EQ(refusal([&] { send(intake, "big.pdf", big, 65536); }), "file_too_large");
  }
  EXPECT_EQ(stored_files(), 0);
  {
    FileIntake intake(*db, clock, limits);
    send(intake, "1.pdf", "%PDF-1.4\n1", 5);
    send(intake, "2.pdf", "%PDF-1.4\n2", 5);
    EXPECT_EQ(refusal([&] { intake.begin("3.pdf"); }), "too_many_files");
  }
  EXPECT_EQ(stored_files(), 0);
  {
    FileIntake intake(*db, clock, limits);
    EXPECT_EQ(refusal([&] { send(intake, "empty.pdf", "", 5); }), "file_empty");
    EXPECT_EQ(refusal([&] { send(intake, "broken.jpg", fixture("photo-gps.jpg").substr(0, 300), 5); }),
              "file_unreadable");
  }
  EXPECT_EQ(stored_files(), 0);
}

TEST_F(FileIntakeTest, AnUnclaimedUploadIsDeletedAndStrayOnesAreSwept) {
  {
    FileIntake intake(*db, clock, {});
    send(intake, "a.pdf", "%PDF-1.4\nnot attached", 5);
    EXPECT_GT(stored_files(), 0);
  }
  EXPECT_EQ(stored_files(), 0) << "the tip was not stored";
  {
    FileIntake intake(*db, clock, {});
    send(intake, "a.pdf", "%PDF-1.4\nleft behind by a crash", 5);
    intake.claim();  // as if the process died before attaching
  }
  std::int64_t swept = 0;
  db->write([&](db::Tx& tx) { swept = repo::sweep_staged(tx, clock.now() - 1000); });
  EXPECT_EQ(swept, 0) << "too recent";
  db->write([&](db::Tx& tx) { swept = repo::sweep_staged(tx, clock.now() + 1000); });
  EXPECT_EQ(swept, 1);
  EXPECT_EQ(stored_files(), 0);
}

TEST_F(FileIntakeTest, AnAlteredChunkIsNotServed) {
  FileIntake intake(*db, clock, {});
  send(intake, "a.pdf", "%PDF-1.4\nintegrity", 5);
  const auto& f = intake.files().front();
  db->write([&](db::Tx& tx) {
    tx.exec(db::Query{"t.alter", "UPDATE tip_file_chunks SET data = $2 WHERE file_id = $1"}, f.id,
            db::Blob{std::string(40, 'x')});
  });
  EXPECT_THROW(read_back(f), std::runtime_error);
}

}  // namespace
}  // namespace antq::mailbox
