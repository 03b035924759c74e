// antq cameras import and export: a commune's camera sheet (.xlsx or CSV), in and out; and
// import-roads: its roads (GeoJSON), for coverage.
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli/cli.hpp"
#include "platform/progress/progress.hpp"

namespace antq::app {
namespace {

struct ImportArgs {
  std::string file;
  std::string commune;
  bool dry_run = false;
  bool confirm_locations = false;
};

int import_cameras(Context& ctx, const ImportArgs& a) {
  std::ifstream in(a.file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Progress progress(say("cameras.import.progress"), std::cerr, isatty(STDERR_FILENO) != 0);
  cameras::ImportOptions options;
  options.unit_id = unit_id_by_code(ctx, a.commune);
  options.dry_run = a.dry_run;
  options.confirm_locations = a.confirm_locations;
  options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  auto r = ctx.cameras->import_sheet(system_actor(), ss.str(), options);
  progress.finish();
  std::cout << say(r.dry_run ? "cameras.import.checked" : "cameras.import.done",
                   {{"created", std::to_string(r.created)},
                    {"updated", std::to_string(r.updated)},
                    {"unchanged", std::to_string(r.unchanged)},
                    {"encoding", r.encoding}})
            << "\n";
  return 0;
}

struct ExportArgs {
  std::string file;
  std::string commune;
  bool contacts = false;
  std::string reason;
};

int export_cameras(Context& ctx, const ExportArgs& a) {
  std::optional<std::int64_t> unit;
  if (!a.commune.empty()) unit = unit_id_by_code(ctx, a.commune);
  cameras::ExportOptions options{unit, cameras::SheetFormat::csv, a.contacts, a.reason};
  if (std::filesystem::path(a.file).extension() == ".xlsx") options.format = cameras::SheetFormat::xlsx;
  write_output(a.file, ctx.cameras->export_sheet(system_actor(), options));
  return 0;
}

struct RoadsArgs {
  std::string file;
  std::string commune;
  bool dry_run = false;
};

int import_roads(Context& ctx, const RoadsArgs& a) {
  std::ifstream in(a.file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  cameras::RoadImportOptions options;
  options.dry_run = a.dry_run;
  options.source = std::filesystem::path(a.file).filename().string();
  auto r = ctx.cameras->import_roads(system_actor(), unit_id_by_code(ctx, a.commune), ss.str(), options);
  auto km = std::to_string(std::lround(r.length_m / 100.0));  // tenths of a kilometre
  km = (km.size() > 1 ? km.substr(0, km.size() - 1) : "0") + "," + km.back();
  std::cout << say(r.dry_run ? "cameras.import-roads.checked" : "cameras.import-roads.done",
                   {{"file", options.source},
                    {"roads", std::to_string(r.roads)},
                    {"km", km},
                    {"replaced", std::to_string(r.replaced)}})
            << "\n";
  return 0;
}

}  // namespace

void add_cameras_commands(Cli& cli) {
  auto* cameras = cli.area("cameras");
  auto a = std::make_shared<ImportArgs>();
  auto* import = cli.command(cameras, "import");
  import->add_option("file", a->file)->required()->check(CLI::ExistingFile);
  import->add_option("--commune", a->commune, Cli::help("option.commune"))->required();
  import->add_flag("--dry-run", a->dry_run, Cli::help("option.dry_run"));
  import->add_flag("--confirm-locations", a->confirm_locations, Cli::help("option.confirm_locations"));
  cli.on(import, [a](Context& ctx) { return import_cameras(ctx, *a); });
  auto e = std::make_shared<ExportArgs>();
  auto* exp = cli.command(cameras, "export");
  exp->add_option("file", e->file);
  exp->add_option("--commune", e->commune, Cli::help("option.commune"));
  exp->add_flag("--contacts", e->contacts, Cli::help("option.contacts"));
  exp->add_option("--reason", e->reason, Cli::help("option.reason"));
  cli.on(exp, [e](Context& ctx) { return export_cameras(ctx, *e); });
  auto r = std::make_shared<RoadsArgs>();
  auto* roads = cli.command(cameras, "import-roads");
  roads->add_option("file", r->file)->required()->check(CLI::ExistingFile);
  roads->add_option("--commune", r->commune, Cli::help("option.commune"))->required();
  roads->add_flag("--dry-run", r->dry_run, Cli::help("option.dry_run"));
  cli.on(roads, [r](Context& ctx) { return import_roads(ctx, *r); });
}

}  // namespace antq::app
