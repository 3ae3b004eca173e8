#include "cli/help_format.h"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

namespace flexpipe::cli {

std::string Wrap(std::string_view text, size_t width) {
  std::string out;
  size_t column = 0;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\n') {
      out += '\n';
      column = 0;
      ++i;
      continue;
    }
    const size_t end = std::min(text.find_first_of(" \n", i), text.size());
    const std::string_view word = text.substr(i, end - i);
    if (column > 0 && column + 1 + word.size() > width) {
      out += '\n';
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out.append(word);
    column += word.size();
    i = end < text.size() && text[end] == ' ' ? end + 1 : end;
  }
  return out;
}

HelpFormatter::HelpFormatter() {
  column_width(kHelpNameWidth);
  label("SUBCOMMAND", "COMMAND");
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  const std::string description = CLI::Formatter::make_description(app);
  return description.empty() ? description : description + "\n";
}

std::string HelpFormatter::make_option_opts(const CLI::Option* option) const {
  if (!option->get_option_text().empty()) return " " + option->get_option_text();
  std::string out;
  if (option->get_type_size() == 0) return out;
  if (!option->get_type_name().empty()) out += " " + get_label(option->get_type_name());
  if (!option->get_default_str().empty()) out += "=" + option->get_default_str();
  if (option->get_expected_max() == CLI::detail::expected_max_vector_size && option->get_allow_extra_args()) {
    out += " ...";
  } else if (option->get_expected_min() > 1) {
    out += fmt::format(" x {}", option->get_expected());
  }
  if (option->get_required()) out += " " + get_label("REQUIRED");
  return out;
}

std::string HelpFormatter::make_option_desc(const CLI::Option* option) const {
  return Wrap(option->get_description(), kHelpWidth - kHelpNameWidth);
}

std::string HelpFormatter::make_subcommand(const CLI::App* command) const {
  std::stringstream out;
  CLI::detail::format_help(out, command->get_display_name(true),
                           Wrap(command->get_description(), kHelpWidth - kHelpNameWidth), get_column_width());
  return out.str();
}

}  // namespace flexpipe::cli
