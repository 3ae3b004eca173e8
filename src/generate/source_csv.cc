#include "generate/source_csv.h"

namespace flexpipe::gen {

SourceCsvWriter::SourceCsvWriter(OutputFile* out, CsvDialect dialect) : out_(out), dialect_(dialect) {
  if (dialect_.bom) status_ = out_->Append("\xEF\xBB\xBF");
}

void SourceCsvWriter::Separate() {
  if (row_started_) row_.push_back(',');
  row_started_ = true;
}

void SourceCsvWriter::EndCell() {
  AddCell(cell_);
  cell_.clear();
}

void SourceCsvWriter::AddCell(std::string_view text) {
  Separate();
  if (no_quotes_) {
    for (char ch : text) {
      if (ch != '"') row_.push_back(ch);
    }
    return;
  }
  const bool quote = dialect_.quote_all || text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    row_.append(text);
    return;
  }
  row_.push_back('"');
  for (char ch : text) {
    if (ch == '"') row_.push_back('"');
    row_.push_back(ch);
  }
  row_.push_back('"');
}

void SourceCsvWriter::AddRawCell(std::string_view text) {
  Separate();
  row_.append(text);
}

Status SourceCsvWriter::EndRow() {
  row_.append(dialect_.crlf ? "\r\n" : "\n");
  Status s = out_->Append(row_);
  row_.clear();
  row_started_ = false;
  return s;
}

Status SourceCsvWriter::WritePartialRow() {
  Status s = out_->Append(row_);
  row_.clear();
  row_started_ = false;
  return s;
}

}  // namespace flexpipe::gen
