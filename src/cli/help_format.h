// How flexpipe's help reads: CLI11's layout with a blank line before
// "Usage:", descriptions wrapped to 100 columns, "COMMAND" for subcommands.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace flexpipe::cli {

// Help text is wrapped to fit this many columns; option names take the first kHelpNameWidth.
inline constexpr size_t kHelpWidth = 100;
inline constexpr size_t kHelpNameWidth = 30;

// `text` with each line broken at spaces to at most `width` columns.
std::string Wrap(std::string_view text, size_t width);

// CLI11's help laid out for flexpipe: a blank line between a command's
// description and "Usage:", descriptions wrapped to kHelpWidth columns.
class HelpFormatter : public CLI::Formatter {
 public:
  HelpFormatter();
  std::string make_description(const CLI::App* app) const override;
  // CLI11's, without the "Excludes: ..." list (the descriptions say it) and
  // without "..." for an option that takes one value each time it is given.
  std::string make_option_opts(const CLI::Option* option) const override;
  std::string make_option_desc(const CLI::Option* option) const override;
  std::string make_subcommand(const CLI::App* command) const override;
};

}  // namespace flexpipe::cli
