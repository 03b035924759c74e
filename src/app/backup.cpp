#include "app/backup.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "app/serve.hpp"
#include "platform/db/migrations.hpp"
#include "platform/log/log.hpp"

namespace antq::app {
namespace {

bool is_postgres(const std::string& url) { return url.rfind("postgres", 0) == 0; }

// Runs a program without a shell; throws with its name when it fails.
void run_program(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(args[0] + " failed (exit " + std::to_string(WEXITSTATUS(status)) + ")");
  }
}

std::string sqlite_path(const std::string& url) { return url.substr(std::string("sqlite://").size()); }

}  // namespace

void backup(Context& ctx, const std::string& file) {
  auto target = std::filesystem::absolute(file);
  if (std::filesystem::exists(target)) throw std::runtime_error(target.string() + " already exists");
  if (is_postgres(ctx.config.database.url)) {
    run_program({"pg_dump", "--format=custom", "--no-owner", "--file=" + target.string(), ctx.config.database.url});
  } else {
    ctx.db->backup_to(target.string());
  }
  spdlog::info("backup written to {} ({} bytes)", target.string(), std::filesystem::file_size(target));
}

void restore(const Config& config, const std::string& file) {
  auto source = std::filesystem::absolute(file);
  if (!std::filesystem::is_regular_file(source)) throw std::runtime_error(source.string() + " is not a file");
  DataLock lock(config.data_dir);  // refuses while a server runs on this data directory
  if (is_postgres(config.database.url)) {
    run_program({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                 "--dbname=" + config.database.url, source.string()});
    spdlog::info("restored {} into PostgreSQL", source.string());
    return;
  }
  {
    // Check the backup before touching the live database.
    auto candidate = db::open("sqlite://" + source.string(), db::Options{1});
    std::string integrity;
    candidate->read([&](db::Tx& tx) {
      integrity = tx.rows(db::Query{"restore.integrity", "PRAGMA integrity_check"}).at(0).text(0);
      tx.rows(db::Query{"restore.schema", "SELECT count(*) FROM schema_migrations"});
    });
    if (integrity != "ok") throw std::runtime_error("the backup is damaged: " + integrity);
  }
  auto live = std::filesystem::path(sqlite_path(config.database.url));
  auto staging = live;
  staging += ".restoring";
  std::filesystem::copy_file(source, staging, std::filesystem::copy_options::overwrite_existing);
  for (const char* suffix : {"-wal", "-shm"}) {
    auto side = live;
    side += suffix;
    std::filesystem::remove(side);
  }
  std::filesystem::rename(staging, live);  // atomic on one file system
  spdlog::info("restored {} into {}", source.string(), live.string());
}

}  // namespace antq::app
