// antq units import, export.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <utility>
#include <vector>

#include "app/cli/cli.hpp"
#include "modules/units/official.hpp"
#include "platform/error.hpp"
#include "platform/progress/progress.hpp"

namespace antq::app {
namespace {

struct UnitsArgs {
  std::string file;
  bool dry_run = false;
  std::string province;
};

struct BoundaryArgs {
  std::vector<std::string> files;
  std::string code_property = "code";
  bool dry_run = false;
  bool skip_unmatched = false;
};

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::field(path.string(), "not_found");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// refdata/vn-units-2025 or a folder laid out like it; basis.csv may be left out.
units::official::List read_official(const std::filesystem::path& dir) {
  auto list = units::official::read(read_whole(dir / "units.csv"), read_whole(dir / "formed-from.csv"),
                                    read_whole(dir / "provinces-formed-from.csv"));
  auto basis = dir / "basis.csv";
  units::official::apply_basis(list,
                               std::filesystem::exists(basis) ? read_whole(basis) : "province_code,level,basis\n");
  return list;
}

int import_official(Context& ctx, const UnitsArgs& a) {
  auto list = read_official(a.file);
  Progress progress(say("units.import-official.progress"), std::cerr, isatty(STDERR_FILENO) != 0);
  units::official::ImportOptions options;
  options.dry_run = a.dry_run;
  options.province = a.province;
  options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  auto r = ctx.units->import_official(system_actor(), list, options);
  progress.finish();
  for (const auto& entry : r.not_units) std::cout << say("units.import-official.not_unit", {{"entry", entry}}) << "\n";
  for (const auto& unit : r.missing) std::cout << say("units.import-official.missing", {{"unit", unit}}) << "\n";
  for (const auto& unit : r.kept) std::cout << say("units.import-official.kept", {{"unit", unit}}) << "\n";
  std::cout << say(r.dry_run ? "units.import-official.checked" : "units.import-official.done",
                   {{"provinces", std::to_string(r.provinces)},
                    {"created", std::to_string(r.created)},
                    {"updated", std::to_string(r.updated)},
                    {"renamed", std::to_string(r.renamed)},
                    {"merged", std::to_string(r.merged)},
                    {"successors", std::to_string(r.successors)},
                    {"unchanged", std::to_string(r.unchanged)}})
            << "\n";
  return 0;
}

int import_units(Context& ctx, const UnitsArgs& a) {
  std::ifstream in(a.file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Progress progress(say("units.import.progress"), std::cerr, isatty(STDERR_FILENO) != 0);
  units::ImportOptions options;
  options.dry_run = a.dry_run;
  options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  auto r = ctx.units->import_csv(system_actor(), ss.str(), options);
  progress.finish();
  std::cout << say(r.dry_run ? "units.import.checked" : "units.import.done", {{"created", std::to_string(r.created)},
                                                                              {"updated", std::to_string(r.updated)},
                                                                              {"encoding", r.encoding}})
            << "\n";
  return 0;
}

// Each file is checked whole and imported in its own transaction, in the order given (a
// detailed boundary after a simplified one replaces it).
int import_boundaries(Context& ctx, const BoundaryArgs& a) {
  units::BoundaryImportOptions options;
  options.code_property = a.code_property;
  options.dry_run = a.dry_run;
  options.skip_unmatched = a.skip_unmatched;
  Progress progress(say("units.boundaries.progress"), std::cerr, isatty(STDERR_FILENO) != 0);
  std::vector<std::pair<std::string, units::BoundaryImportReport>> reports;
  for (std::size_t i = 0; i < a.files.size(); ++i) {
    options.source = std::filesystem::path(a.files[i]).filename().string();
    reports.emplace_back(a.files[i], ctx.boundaries->import_geojson(system_actor(), read_whole(a.files[i]), options));
    progress.update(i + 1, a.files.size());
  }
  progress.finish();
  for (const auto& [file, r] : reports) {
    for (const auto& f : r.unmatched) std::cout << say("boundaries.import.unmatched", {{"feature", f}}) << "\n";
    std::cout << say(r.dry_run ? "boundaries.import.checked" : "boundaries.import.done",
                     {{"file", file},
                      {"features", std::to_string(r.features)},
                      {"imported", std::to_string(r.imported)},
                      {"unchanged", std::to_string(r.unchanged)}})
              << "\n";
  }
  return 0;
}

int export_units(Context& ctx, const UnitsArgs& a) {
  auto csv = ctx.units->export_csv(system_actor());
  write_output(a.file, csv);
  return 0;
}

}  // namespace

void add_units_commands(Cli& cli) {
  auto* units = cli.area("units");
  auto a = std::make_shared<UnitsArgs>();
  auto* import = cli.command(units, "import");
  import->add_option("file", a->file)->required()->check(CLI::ExistingFile);
  import->add_flag("--dry-run", a->dry_run, Cli::help("option.dry_run"));
  cli.on(import, [a](Context& ctx) { return import_units(ctx, *a); });
  auto* official = cli.command(units, "import-official");
  official->add_option("dir", a->file)->required()->check(CLI::ExistingDirectory);
  official->add_option("--province", a->province, Cli::help("option.province"));
  official->add_flag("--dry-run", a->dry_run, Cli::help("option.dry_run"));
  cli.on(official, [a](Context& ctx) { return import_official(ctx, *a); });
  auto* boundaries = cli.command(units, "boundaries");
  boundaries->require_subcommand(1);
  auto b = std::make_shared<BoundaryArgs>();
  auto* boundaries_import = cli.command(boundaries, "import");
  boundaries_import->add_option("files", b->files)->required()->check(CLI::ExistingFile);
  boundaries_import->add_option("--code-property", b->code_property, Cli::help("option.code_property"))
      ->capture_default_str();
  boundaries_import->add_flag("--dry-run", b->dry_run, Cli::help("option.dry_run"));
  boundaries_import->add_flag("--skip-unmatched", b->skip_unmatched, Cli::help("option.skip_unmatched"));
  cli.on(boundaries_import, [b](Context& ctx) { return import_boundaries(ctx, *b); });
  auto* exp = cli.command(units, "export");
  exp->add_option("file", a->file);
  cli.on(exp, [a](Context& ctx) { return export_units(ctx, *a); });
}

}  // namespace antq::app
