#include "store/run_store.h"

#include <fmt/format.h>

#include "store/file_rows.h"
#include "store/json_text.h"
#include "store/migrations.h"
#include "store/property_rows.h"
#include "store/schema.h"
#include "store/snapshot.h"

namespace flexpipe {
namespace {

constexpr std::string_view kInsertFile =
    "INSERT INTO files (run_id, ordinal, path, sheet, format, size_bytes, mtime_ns, content_hash, "
    "settings_fingerprint, status, rows_read, rows_scored, rows_set_aside, candidates, duplicates_in_file, "
    "ragged_rows, value_problems, seconds, error_code, error_category, error_message, fields, "
    "passthrough_headers, columns, mapping_notes, field_counts, committed_at, sheet_name, "
    "rejects_not_listed) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, "
    "?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)";

constexpr std::string_view kSelectFile =
    "SELECT path, format, size_bytes, status, rows_read, rows_scored, rows_set_aside, candidates, "
    "duplicates_in_file, ragged_rows, value_problems, seconds, error_code, error_category, error_message, "
    "fields, passthrough_headers, columns, mapping_notes, field_counts, sheet_name, rejects_not_listed "
    "FROM files WHERE id = ?1";

constexpr std::string_view kFindFile =
    "SELECT id, candidates, (SELECT min(p.id) FROM properties p WHERE p.file_id = files.id) FROM files "
    "WHERE path = ?1 AND size_bytes = ?2 AND mtime_ns = ?3 AND content_hash = ?4 AND settings_fingerprint = "
    "?5 "
    "AND status = 'ok' AND sheet = ?6 ORDER BY id DESC LIMIT 1";

int64_t I64(uint64_t v) { return static_cast<int64_t>(v); }
uint64_t U64(int64_t v) { return static_cast<uint64_t>(v); }

Status InsertRejects(Database* db, int64_t file_id, const FileReport& report) {
  if (report.row_problems.empty()) return Status::Ok();
  FP_ASSIGN_OR_RETURN(
      Statement insert,
      db->Prepare(
          "INSERT INTO rejects (file_id, source_row, column_name, code, category, message, raw_value) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  for (const Problem& p : report.row_problems) {
    insert.Bind(1, file_id).Bind(2, I64(p.row)).Bind(3, p.column).Bind(4, p.code).Bind(5, p.category);
    insert.Bind(6, p.message).Bind(7, p.value);
    FP_RETURN_IF_ERROR(insert.Run());
  }
  return Status::Ok();
}

Status InsertRunFile(Database* db, int64_t run_id, uint32_t ordinal, int64_t file_id, bool reused) {
  FP_ASSIGN_OR_RETURN(
      Statement insert,
      db->Prepare("INSERT INTO run_files (run_id, ordinal, file_id, reused) VALUES (?1, ?2, ?3, ?4)"));
  insert.Bind(1, run_id).Bind(2, int64_t{ordinal}).Bind(3, file_id).Bind(4, int64_t{reused ? 1 : 0});
  return insert.Run();
}

Result<std::vector<Problem>> LoadRejects(Database* db, int64_t file_id, const std::string& path) {
  FP_ASSIGN_OR_RETURN(
      Statement select,
      db->Prepare("SELECT source_row, column_name, code, category, message, raw_value FROM rejects "
                  "WHERE file_id = ?1 ORDER BY id"));
  select.Bind(1, file_id);
  std::vector<Problem> problems;
  while (true) {
    FP_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    problems.push_back(Problem{path, std::string(select.column_text(2)), std::string(select.column_text(3)),
                               std::string(select.column_text(4)), U64(select.column_int(0)),
                               std::string(select.column_text(1)), std::string(select.column_text(5))});
  }
  return problems;
}

// The files row → report, columns, counts and the candidate layout.
Status ReadFileRow(const Statement& s, FileOutcome* out, CandidateLayout* layout) {
  FileReport& r = out->report;
  r.path = std::string(s.column_text(0));
  r.format = std::string(s.column_text(1));
  r.size_bytes = U64(s.column_int(2));
  r.succeeded = s.column_text(3) == "ok";
  r.rows_read = U64(s.column_int(4));
  r.rows_scored = U64(s.column_int(5));
  r.rows_set_aside = U64(s.column_int(6));
  r.candidates = U64(s.column_int(7));
  r.duplicates_in_file = U64(s.column_int(8));
  r.ragged_rows = U64(s.column_int(9));
  r.value_problems = U64(s.column_int(10));
  r.seconds = s.column_double(11);
  r.error_code = std::string(s.column_text(12));
  r.error_category = std::string(s.column_text(13));
  r.error_message = std::string(s.column_text(14));
  FP_ASSIGN_OR_RETURN(layout->fields, ParseFieldNamesJson(s.column_text(15)));
  FP_ASSIGN_OR_RETURN(layout->passthrough_headers,
                      ParseJsonStringArray(s.column_text(16), "files.passthrough_headers"));
  FP_ASSIGN_OR_RETURN(r.columns, ParseColumnsJson(s.column_text(17)));
  FP_ASSIGN_OR_RETURN(r.mapping_notes, ParseJsonStringArray(s.column_text(18), "files.mapping_notes"));
  FP_ASSIGN_OR_RETURN(out->counts, ParseFieldCountsJson(s.column_text(19)));
  r.sheet_name = std::string(s.column_text(20));
  r.rejects_not_listed = U64(s.column_int(21));
  for (Field f : layout->fields) out->columns.set(Index(f));
  return Status::Ok();
}

}  // namespace

std::string_view RunStatusName(RunStatus status) {
  switch (status) {
    case RunStatus::kRunning:
      return "running";
    case RunStatus::kCompleted:
      return "completed";
    case RunStatus::kFailed:
      return "failed";
    case RunStatus::kInterrupted:
      return "interrupted";
  }
  return "running";
}

Result<std::unique_ptr<RunStore>> RunStore::Open(const std::string& path, FileSystem* fs, Clock* clock,
                                                 const DatabaseOptions& options) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty() && !options.read_only) FP_RETURN_IF_ERROR(fs->CreateDirectories(parent));
  FP_ASSIGN_OR_RETURN(std::unique_ptr<Database> db, Database::Open(path, options));
  FP_RETURN_IF_ERROR(Migrate(db.get(), StoreMigrations()).status());
  DatabaseOptions read = options;
  read.read_only = true;
  FP_ASSIGN_OR_RETURN(std::unique_ptr<Database> reader, Database::Open(path, read));
  return std::make_unique<RunStore>(std::move(db), std::move(reader), clock);
}

Result<int64_t> RunStore::BeginRun(const RunStart& start) {
  std::lock_guard lock(mu_);
  if (liveness_ == nullptr) {
    FP_ASSIGN_OR_RETURN(liveness_, RunLiveness::Open(db_->path()));
  }
  // One transaction: nobody sees the new run before it holds its lock.
  FP_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_.get()));
  FP_RETURN_IF_ERROR(MarkAbandonedRuns(db_.get(), *liveness_).status());
  FP_ASSIGN_OR_RETURN(
      Statement insert,
      db_->Prepare("INSERT INTO runs (started_at, status, flexpipe_version, settings_fingerprint, "
                   "config) VALUES (?1, 'running', ?2, ?3, ?4)"));
  insert.Bind(1, start.started_at.empty() ? clock_->NowUtcIso() : start.started_at);
  insert.Bind(2, start.flexpipe_version).Bind(3, start.settings_fingerprint);
  insert.Bind(4, start.config_json.empty() ? std::string_view("{}") : std::string_view(start.config_json));
  FP_RETURN_IF_ERROR(insert.Run());
  const int64_t run_id = db_->last_insert_rowid();
  FP_RETURN_IF_ERROR(liveness_->Hold(run_id));
  if (Status s = tx.Commit(); !s.ok()) {
    liveness_->Release(run_id);
    return s;
  }
  return run_id;
}

Result<StoredFileRef> RunStore::CommitFile(int64_t run_id, const FileKey& key, const FileReport& report,
                                           const FieldCounts& counts, const CandidateSet* candidates,
                                           const ScoreColumns& columns) {
  std::lock_guard lock(mu_);
  auto committed = CommitFileLocked(run_id, key, report, counts, candidates, columns);
  if (!committed.ok()) {
    const Status& s = committed.status();
    return Status(s.code(), fmt::format("storing {}: {}", key.path, s.message()), s.location());
  }
  return committed;
}

Result<StoredFileRef> RunStore::CommitFileLocked(int64_t run_id, const FileKey& key, const FileReport& r,
                                                 const FieldCounts& counts, const CandidateSet* candidates,
                                                 const ScoreColumns& columns) {
  const CandidateSet* set = r.succeeded ? candidates : nullptr;
  FP_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_.get()));

  FP_ASSIGN_OR_RETURN(Statement file, db_->Prepare(kInsertFile));
  file.Bind(1, run_id).Bind(2, int64_t{r.ordinal}).Bind(3, key.path).Bind(4, key.sheet).Bind(5, r.format);
  file.Bind(6, I64(key.size_bytes)).Bind(7, key.mtime_ns).Bind(8, key.content_hash);
  file.Bind(9, key.settings_fingerprint).Bind(10, std::string_view(r.succeeded ? "ok" : "failed"));
  file.Bind(11, I64(r.rows_read)).Bind(12, I64(r.rows_scored)).Bind(13, I64(r.rows_set_aside));
  file.Bind(14, I64(set != nullptr ? set->size() : 0));
  file.Bind(15, I64(set != nullptr ? set->duplicates() : 0)).Bind(16, I64(r.ragged_rows));
  file.Bind(17, I64(r.value_problems)).Bind(18, r.seconds);
  file.BindTextOrNull(19, r.error_code)
      .BindTextOrNull(20, r.error_category)
      .BindTextOrNull(21, r.error_message);
  std::string passthrough_headers = "[]";
  if (set != nullptr) {
    passthrough_headers.clear();
    AppendJsonStringArray(set->layout().passthrough_headers, &passthrough_headers);
  }
  file.Bind(22, FieldNamesJson(set != nullptr ? set->layout().fields : std::vector<Field>{}));
  file.Bind(23, passthrough_headers).Bind(24, ColumnsJson(r.columns));
  std::string notes;
  AppendJsonStringArray(r.mapping_notes, &notes);
  file.Bind(25, notes).Bind(26, FieldCountsJson(counts)).Bind(27, clock_->NowUtcIso());
  file.Bind(28, r.sheet_name).Bind(29, I64(r.rejects_not_listed));
  FP_RETURN_IF_ERROR(file.Run());

  StoredFileRef ref;
  ref.file_id = db_->last_insert_rowid();
  if (set != nullptr && !set->empty()) {
    // Under the write lock nobody else inserts: the ids are ours.
    FP_ASSIGN_OR_RETURN(const int64_t last_id, db_->QueryInt("SELECT coalesce(max(id), 0) FROM properties"));
    ref.first_property_id = last_id + 1;
    ref.candidates = set->size();
    FP_RETURN_IF_ERROR(
        InsertCandidatesAndSnapshot(run_id, ref.file_id, ref.first_property_id, *set, columns));
  }
  FP_RETURN_IF_ERROR(InsertRejects(db_.get(), ref.file_id, r));
  FP_RETURN_IF_ERROR(InsertRunFile(db_.get(), run_id, r.ordinal, ref.file_id, /*reused=*/false));
  FP_RETURN_IF_ERROR(tx.Commit());
  return ref;
}

// PERF NOTES: one prepared single-row INSERT, re-bound per candidate inside
// the file's transaction; SQLite then costs a B-tree append per row and
// index. Fields the file lacks are bound NULL once per file, not per row.
// The snapshot's chunks are encoded and compressed on another thread
// (SnapshotChunks) while the rows they hold are inserted here; each chunk
// follows its rows.
Status RunStore::InsertCandidatesAndSnapshot(int64_t run_id, int64_t file_id, int64_t first_id,
                                             const CandidateSet& set, const ScoreColumns& columns) {
  if (!insert_property_) {
    FP_ASSIGN_OR_RETURN(Statement insert, db_->Prepare(InsertPropertySql()));
    insert_property_.emplace(std::move(insert));
  }
  FP_ASSIGN_OR_RETURN(Statement insert_chunk,
                      db_->Prepare("INSERT INTO candidate_snapshots (file_id, seq, format, rows, bytes) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5)"));
  PropertyWriter writer(&*insert_property_, set.layout(), columns);
  SnapshotChunks chunks(set, std::min(columns.components.size(), kMaxComponents));
  SnapshotChunks::Chunk chunk;
  std::string scratch;
  Candidate candidate;
  for (int64_t seq = 0; chunks.Next(&chunk); ++seq) {
    FP_RETURN_IF_ERROR(chunk.status);
    for (size_t i = chunk.begin; i < chunk.end; ++i) {
      FP_RETURN_IF_ERROR(set.Load(i, &scratch, &candidate));
      FP_RETURN_IF_ERROR(writer.Insert(first_id + static_cast<int64_t>(i), file_id, run_id, candidate));
    }
    insert_chunk.Bind(1, file_id).Bind(2, seq).Bind(3, int64_t{kSnapshotFormat});
    insert_chunk.Bind(4, static_cast<int64_t>(chunk.end - chunk.begin)).BindBlob(5, chunk.bytes);
    FP_RETURN_IF_ERROR(insert_chunk.Run());
  }
  return Status::Ok();
}

std::unique_lock<std::mutex> RunStore::LockReader(Database** db) {
  if (reader_ == nullptr) {
    *db = db_.get();
    return std::unique_lock(mu_);
  }
  *db = reader_.get();
  return std::unique_lock(read_mu_);
}

Result<std::optional<StoredFileRef>> RunStore::FindCommittedFile(const FileKey& key) {
  Database* db = nullptr;
  const auto lock = LockReader(&db);
  FP_ASSIGN_OR_RETURN(Statement find, db->Prepare(kFindFile));
  find.Bind(1, key.path).Bind(2, I64(key.size_bytes)).Bind(3, key.mtime_ns).Bind(4, key.content_hash);
  find.Bind(5, key.settings_fingerprint).Bind(6, key.sheet);
  FP_ASSIGN_OR_RETURN(const bool row, find.Step());
  if (!row) return std::optional<StoredFileRef>();
  return std::optional<StoredFileRef>(
      StoredFileRef{find.column_int(0), find.column_int(2), U64(find.column_int(1))});
}

Result<StoredFile> RunStore::LoadFile(int64_t file_id, uint32_t ordinal, bool deduplicate,
                                      const ScoreColumns& columns, LoadPath path, const SpillOptions& spill) {
  Database* db = nullptr;
  const auto lock = LockReader(&db);
  // One read transaction: the file and its candidates as of one moment.
  FP_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db, Transaction::Mode::kDeferred));
  StoredFile stored;
  stored.ref.file_id = file_id;
  FileOutcome& out = stored.outcome;
  CandidateLayout layout;
  {
    FP_ASSIGN_OR_RETURN(Statement file, db->Prepare(kSelectFile));
    file.Bind(1, file_id);
    FP_ASSIGN_OR_RETURN(const bool found, file.Step());
    if (!found) return Status(ErrorCode::kDatabaseError, fmt::format("no stored file with id {}", file_id));
    FP_RETURN_IF_ERROR(ReadFileRow(file, &out, &layout));
  }
  out.report.ordinal = ordinal;
  FP_ASSIGN_OR_RETURN(out.report.row_problems, LoadRejects(db, file_id, out.report.path));
  if (!out.report.succeeded) return stored;

  auto set = std::make_unique<CandidateSet>(layout, deduplicate, spill);
  const size_t components = std::min(columns.components.size(), kMaxComponents);
  bool from_snapshot = false;
  if (path == LoadPath::kSnapshot) {
    FP_ASSIGN_OR_RETURN(from_snapshot, LoadSnapshot(db, file_id, ordinal, components, set.get()));
  }
  if (from_snapshot) {
    FP_ASSIGN_OR_RETURN(
        stored.ref.first_property_id,
        db->QueryInt(fmt::format("SELECT coalesce(min(id), 0) FROM properties WHERE file_id = {}", file_id)));
  } else {
    set = std::make_unique<CandidateSet>(std::move(layout), deduplicate, spill);
    FP_RETURN_IF_ERROR(LoadRows(db, file_id, ordinal, columns, set.get(), &stored.ref.first_property_id));
  }
  if (set->size() != out.report.candidates) {
    return Status(ErrorCode::kDatabaseError, fmt::format("file {}: {} candidates stored, {} expected",
                                                         file_id, set->size(), out.report.candidates));
  }
  set->AddMergedOffers(out.report.duplicates_in_file);
  set->Seal();
  stored.ref.candidates = set->size();
  out.candidates = std::move(set);
  FP_RETURN_IF_ERROR(tx.Commit());
  return stored;
}

Result<bool> RunStore::LoadSnapshot(Database* db, int64_t file_id, uint32_t ordinal, size_t components,
                                    CandidateSet* set) {
  FP_ASSIGN_OR_RETURN(Statement select,
                      db->Prepare("SELECT format, rows, bytes FROM candidate_snapshots WHERE file_id = ?1 "
                                  "ORDER BY seq"));
  select.Bind(1, file_id);
  bool any = false;
  while (true) {
    FP_ASSIGN_OR_RETURN(const bool row, select.Step());
    if (!row) break;
    const int64_t format = select.column_int(0);
    if (format != kSnapshotFormat && format != kSnapshotFormatPlain) {
      if (any)
        return Status(ErrorCode::kDatabaseError, fmt::format("file {}: snapshot formats differ", file_id));
      return false;  // written by another build: read the rows
    }
    std::string inflated;
    std::string_view chunk = select.column_blob(2);
    if (format == kSnapshotFormat) {
      FP_ASSIGN_OR_RETURN(inflated, InflateSnapshotChunk(chunk));
      chunk = inflated;
    }
    FP_ASSIGN_OR_RETURN(const uint64_t n, ReadSnapshot(chunk, ordinal, components, set));
    if (n != static_cast<uint64_t>(select.column_int(1))) {
      return Status(ErrorCode::kDatabaseError, fmt::format("file {}: a snapshot chunk is short", file_id));
    }
    any = true;
  }
  return any;
}

Status RunStore::LoadRows(Database* db, int64_t file_id, uint32_t ordinal, const ScoreColumns& columns,
                          CandidateSet* set, int64_t* first_id) {
  FP_ASSIGN_OR_RETURN(Statement select, db->Prepare(SelectPropertiesSql()));
  select.Bind(1, file_id);
  PropertyReader reader(set->layout(), columns);
  PropertyRow row;
  *first_id = 0;
  while (true) {
    FP_ASSIGN_OR_RETURN(const bool more, select.Step());
    if (!more) break;
    FP_RETURN_IF_ERROR(reader.Read(select, &row));
    if (*first_id == 0) *first_id = row.id;
    if (row.id != *first_id + I64(set->size())) {
      return Status(ErrorCode::kDatabaseError,
                    fmt::format("file {}: property ids are not consecutive", file_id));
    }
    FP_RETURN_IF_ERROR(
        set->Add(RowId{ordinal, row.sheet, row.source_row}, row.result, row.packed_cells, row.key));
  }
  return Status::Ok();
}

Status RunStore::RecordReusedFile(int64_t run_id, uint32_t ordinal, int64_t file_id) {
  std::lock_guard lock(mu_);
  return InsertRunFile(db_.get(), run_id, ordinal, file_id, /*reused=*/true);
}

Status RunStore::FinishRun(int64_t run_id, const RunFinish& finish) {
  std::lock_guard lock(mu_);
  FP_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_.get()));
  FP_ASSIGN_OR_RETURN(
      Statement update,
      db_->Prepare("UPDATE runs SET finished_at = ?2, status = ?3, files_found = ?4, "
                   "files_succeeded = ?5, files_failed = ?6, files_reused = ?7, rows_read = ?8, "
                   "rows_scored = ?9, candidates_before_dedup = ?10, candidates_unique = ?11, "
                   "duplicates_removed = ?12, seconds = ?13, summary = ?14 WHERE id = ?1"));
  update.Bind(1, run_id).Bind(2, clock_->NowUtcIso()).Bind(3, RunStatusName(finish.status));
  if (const RunSummary* s = finish.summary; s != nullptr) {
    update.Bind(4, I64(s->files_found)).Bind(5, I64(s->files_succeeded)).Bind(6, I64(s->files_failed));
    update.Bind(8, I64(s->rows_read)).Bind(9, I64(s->rows_scored)).Bind(10, I64(s->candidates_before_dedup));
    update.Bind(11, I64(s->candidates_unique)).Bind(12, I64(s->duplicates_removed)).Bind(13, s->seconds);
  }
  update.Bind(7, I64(finish.files_reused)).BindTextOrNull(14, finish.summary_json);
  FP_RETURN_IF_ERROR(update.Run());
  if (!finish.ranked_property_ids.empty()) {
    FP_ASSIGN_OR_RETURN(
        Statement insert,
        db_->Prepare("INSERT INTO run_results (run_id, rank, property_id) VALUES (?1, ?2, ?3)"));
    int64_t rank = 0;
    for (int64_t id : finish.ranked_property_ids) {
      insert.Bind(1, run_id).Bind(2, ++rank).Bind(3, id);
      FP_RETURN_IF_ERROR(insert.Run());
    }
  }
  FP_RETURN_IF_ERROR(tx.Commit());
  if (liveness_ != nullptr) liveness_->Release(run_id);
  return Status::Ok();
}

}  // namespace flexpipe
