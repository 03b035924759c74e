// antq community import-households and export-households: a commune's household sheet
// (.xlsx or CSV), in and out.
#include <unistd.h>

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
};

int import_households(Context& ctx, const ImportArgs& a) {
  std::ifstream in(a.file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Progress progress(say("community.import-households.progress"), std::cerr, isatty(STDERR_FILENO) != 0);
  community::HouseholdImportOptions options;
  options.unit_id = unit_id_by_code(ctx, a.commune);
  options.dry_run = a.dry_run;
  options.progress = [&](std::size_t done, std::size_t total) { progress.update(done, total); };
  auto r = ctx.households->import_sheet(system_actor(), ss.str(), options);
  progress.finish();
  std::cout << say(r.dry_run ? "community.import-households.checked" : "community.import-households.done",
                   {{"created", std::to_string(r.created)},
                    {"updated", std::to_string(r.updated)},
                    {"unchanged", std::to_string(r.unchanged)},
                    {"registrations", std::to_string(r.registrations)},
                    {"encoding", r.encoding}})
            << "\n";
  return 0;
}

struct ExportArgs {
  std::string file;
  std::string commune;
  bool phones = false;
  std::string reason;
};

int export_households(Context& ctx, const ExportArgs& a) {
  community::HouseholdExportOptions options;
  if (!a.commune.empty()) options.unit_id = unit_id_by_code(ctx, a.commune);
  options.xlsx = std::filesystem::path(a.file).extension() == ".xlsx";
  options.phones = a.phones;
  options.reason = a.reason;
  write_output(a.file, ctx.households->export_sheet(system_actor(), options));
  return 0;
}

}  // namespace

void add_community_commands(Cli& cli) {
  auto* community = cli.area("community");
  auto a = std::make_shared<ImportArgs>();
  auto* import = cli.command(community, "import-households");
  import->add_option("file", a->file)->required()->check(CLI::ExistingFile);
  import->add_option("--commune", a->commune, Cli::help("option.commune"))->required();
  import->add_flag("--dry-run", a->dry_run, Cli::help("option.dry_run"));
  cli.on(import, [a](Context& ctx) { return import_households(ctx, *a); });
  auto e = std::make_shared<ExportArgs>();
  auto* exp = cli.command(community, "export-households");
  exp->add_option("file", e->file);
  exp->add_option("--commune", e->commune, Cli::help("option.commune"));
  exp->add_flag("--phones", e->phones, Cli::help("option.phones"));
  exp->add_option("--reason", e->reason, Cli::help("option.reason"));
  cli.on(exp, [e](Context& ctx) { return export_households(ctx, *e); });
}

}  // namespace antq::app
