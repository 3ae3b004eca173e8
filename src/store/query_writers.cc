#include "store/query_writers.h"

#include <algorithm>

#include "core/utf8.h"
#include "store/json_text.h"
#include "write/csv_writer.h"

namespace flexpipe {
namespace {

bool IsNumber(SqlType t) { return t == SqlType::kInteger || t == SqlType::kReal; }

// The first `width` characters of `text` (never splitting a character).
std::string_view Prefix(std::string_view text, size_t width) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == width) return text.substr(0, i);
  }
  return text;
}

class TableWriter final : public QueryWriter {
 public:
  TableWriter(const QueryWriterOptions& options, std::ostream* out) : options_(options), out_(out) {}

  void Begin(const std::vector<std::string>& columns) override {
    headers_ = columns;
    widths_.assign(columns.size(), 0);
    numeric_.assign(columns.size(), true);
    for (size_t i = 0; i < columns.size(); ++i)
      widths_[i] = std::min(Utf8Chars(columns[i]), options_.max_column_width);
  }

  void Row(const std::vector<QueryCell>& cells) override {
    ++rows_;
    if (!sampled_) {
      std::vector<Held> row;
      for (size_t i = 0; i < cells.size(); ++i) {
        row.push_back(Held{cells[i].type, Display(cells[i])});
        widths_[i] = std::max(widths_[i], std::min(Utf8Chars(row.back().text), options_.max_column_width));
        if (cells[i].type != SqlType::kNull && !IsNumber(cells[i].type)) numeric_[i] = false;
      }
      held_.push_back(std::move(row));
      if (held_.size() >= options_.sample_rows) Flush();
      return;
    }
    line_.clear();
    for (size_t i = 0; i < cells.size(); ++i) AppendCell(i, cells[i].type, Display(cells[i]));
    Emit();
  }

  void End() override {
    if (!sampled_) Flush();
    *out_ << '(' << rows_ << (rows_ == 1 ? " row)\n" : " rows)\n");
  }

 private:
  struct Held {
    SqlType type;
    std::string text;
  };

  static std::string Display(const QueryCell& cell) {
    if (cell.type == SqlType::kNull) return "NULL";
    std::string text(cell.text);
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return text;
  }

  void Flush() {
    sampled_ = true;
    line_.clear();
    for (size_t i = 0; i < headers_.size(); ++i) {
      AppendCell(i, numeric_[i] ? SqlType::kInteger : SqlType::kText, headers_[i]);
    }
    Emit();
    line_.clear();
    for (size_t i = 0; i < headers_.size(); ++i) {
      if (i != 0) line_ += "  ";
      line_.append(widths_[i], '-');
    }
    Emit();
    for (const auto& row : held_) {
      line_.clear();
      for (size_t i = 0; i < row.size(); ++i) AppendCell(i, row[i].type, row[i].text);
      Emit();
    }
    held_.clear();
  }

  void AppendCell(size_t i, SqlType type, std::string_view text) {
    if (i != 0) line_ += "  ";
    const size_t width = widths_[i];
    std::string_view shown = text;
    bool cut = false;
    if (Utf8Chars(text) > width) {
      shown = Prefix(text, width == 0 ? 0 : width - 1);
      cut = true;
    }
    const size_t pad = width - Utf8Chars(shown) - (cut ? 1 : 0);
    const bool right = numeric_[i] && type != SqlType::kText;
    if (right) line_.append(pad, ' ');
    line_.append(shown);
    if (cut) line_.append("…");
    if (!right && i + 1 < widths_.size()) line_.append(pad, ' ');
  }

  void Emit() {
    while (!line_.empty() && line_.back() == ' ') line_.pop_back();
    line_.push_back('\n');
    *out_ << line_;
  }

  QueryWriterOptions options_;
  std::ostream* out_;
  std::vector<std::string> headers_;
  std::vector<size_t> widths_;
  std::vector<bool> numeric_;
  std::vector<std::vector<Held>> held_;
  bool sampled_ = false;
  uint64_t rows_ = 0;
  std::string line_;
};

class CsvQueryWriter final : public QueryWriter {
 public:
  explicit CsvQueryWriter(std::ostream* out) : out_(out) {}

  void Begin(const std::vector<std::string>& columns) override {
    line_.clear();
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i != 0) line_.push_back(',');
      AppendCsvField(columns[i], CellKind::kText, &line_);
    }
    line_.push_back('\n');
    *out_ << line_;
  }

  void Row(const std::vector<QueryCell>& cells) override {
    line_.clear();
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i != 0) line_.push_back(',');
      AppendCsvField(cells[i].text, IsNumber(cells[i].type) ? CellKind::kNumber : CellKind::kText, &line_);
    }
    line_.push_back('\n');
    *out_ << line_;
  }

  void End() override {}

 private:
  std::ostream* out_;
  std::string line_;
};

class JsonQueryWriter final : public QueryWriter {
 public:
  explicit JsonQueryWriter(std::ostream* out) : out_(out) {}

  void Begin(const std::vector<std::string>& columns) override {
    keys_.clear();
    for (const std::string& c : columns) {
      std::string key;
      AppendJsonString(c, &key);
      keys_.push_back(std::move(key));
    }
    *out_ << '[';
  }

  void Row(const std::vector<QueryCell>& cells) override {
    line_.assign(rows_++ == 0 ? "\n{" : ",\n{");
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i != 0) line_.push_back(',');
      line_.append(keys_[i]);
      line_.push_back(':');
      const QueryCell& c = cells[i];
      const bool finite = c.text.find_first_of("in") == std::string_view::npos;  // not inf / nan
      if (c.type == SqlType::kNull || (c.type == SqlType::kReal && !finite)) {
        line_.append("null");
      } else if (IsNumber(c.type)) {
        line_.append(c.text);
      } else {
        AppendJsonString(c.text, &line_);
      }
    }
    line_.push_back('}');
    *out_ << line_;
  }

  void End() override { *out_ << (rows_ == 0 ? "]\n" : "\n]\n"); }

 private:
  std::ostream* out_;
  std::vector<std::string> keys_;
  std::string line_;
  uint64_t rows_ = 0;
};

}  // namespace

std::unique_ptr<QueryWriter> MakeQueryWriter(const QueryWriterOptions& options, std::ostream* out) {
  switch (options.format) {
    case QueryFormat::kCsv:
      return std::make_unique<CsvQueryWriter>(out);
    case QueryFormat::kJson:
      return std::make_unique<JsonQueryWriter>(out);
    case QueryFormat::kTable:
      break;
  }
  return std::make_unique<TableWriter>(options, out);
}

}  // namespace flexpipe
