#include "pipeline/store_session.h"

#include <fmt/format.h>

#include "config/config_json.h"
#include "score/profile.h"
#include "store/content_hash.h"
#include "store/sha256.h"
#include "write/json_summary.h"

namespace flexpipe {

std::string SettingsFingerprint(const PipelineOptions& options, const RunSummary& summary,
                                std::string_view profile_text) {
  std::string text;
  auto line = [&text](std::string_view key, std::string_view value) {
    fmt::format_to(std::back_inserter(text), "{}={}\n", key, value);
  };
  line("flexpipe", FlexpipeVersion());
  line("model", summary.model);
  line("profile_sha256", Sha256Hex(profile_text));
  line("as_of", summary.as_of);
  line("min_flex_score", fmt::format("{}", options.filtering.min_flex_score));
  line("deduplication", options.filtering.enable_deduplication ? "true" : "false");
  line("duplicate_fields", fmt::format("{}", fmt::join(summary.duplicate_fields, ",")));
  // How keys are built (aggregate/dedup_key.h); stored keys of another form
  // must not meet this run's. 2: Unicode lower case, '|' escaped.
  line("dedup_key_form", "2");
  for (const auto& [field, header] : options.columns) line("columns." + field, header);
  line("sheet", options.input.sheet);
  line("header_row", fmt::format("{}", options.input.header_row));
  line("max_rejects_per_file", fmt::format("{}", options.output.max_rejects_per_file));
  line("strict_rows", options.processing.strict_rows ? "true" : "false");
  return Sha256Hex(text);
}

Result<std::unique_ptr<StoreSession>> StartStoreSession(const PipelineOptions& options,
                                                        const RunContext& context, const Scorer& scorer,
                                                        const RunSummary& summary,
                                                        const FileTaskContext& task, FileSystem* fs,
                                                        Clock* clock) {
  if (options.store.empty()) return std::unique_ptr<StoreSession>();
  std::string profile = DefaultScoringProfileYaml();
  if (!options.scoring.profile_file.empty()) {
    FP_ASSIGN_OR_RETURN(profile, ReadSmallFile(fs, options.scoring.profile_file));
  }
  StoreSessionOptions session;
  session.path = options.store;
  session.reuse = context.reuse_stored_files;
  session.config_json = EffectiveConfigJson(options);
  session.settings_fingerprint = SettingsFingerprint(options, summary, profile);
  session.deduplicate = task.deduplicate;
  session.spill = task.spill;
  return StoreSession::Start(session, scorer, summary.started_at, fs, clock);
}

StoreSession::StoreSession(std::unique_ptr<RunStore> store, const StoreSessionOptions& options,
                           const Scorer& scorer, FileSystem* fs, Clock* clock)
    : store_(std::move(store)),
      options_(options),
      columns_{scorer.component_names(), scorer.flag_names()},
      fs_(fs),
      clock_(clock) {}

StoreSession::~StoreSession() {
  if (!finished_) (void)Finish(RunStatus::kFailed);
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_.notify_all();
  if (writer_.joinable()) writer_.join();
}

Result<std::unique_ptr<StoreSession>> StoreSession::Start(const StoreSessionOptions& options,
                                                          const Scorer& scorer, const std::string& started_at,
                                                          FileSystem* fs, Clock* clock) {
  FP_ASSIGN_OR_RETURN(std::unique_ptr<RunStore> store, RunStore::Open(options.path, fs, clock));
  FP_ASSIGN_OR_RETURN(const int64_t run_id,
                      store->BeginRun(RunStart{started_at, std::string(FlexpipeVersion()),
                                               options.settings_fingerprint, options.config_json}));
  std::unique_ptr<StoreSession> session(new StoreSession(std::move(store), options, scorer, fs, clock));
  session->run_id_ = run_id;
  session->writer_ = std::thread([s = session.get()] { s->WriterLoop(); });
  return session;
}

void StoreSession::Fail(const Status& status) {
  std::lock_guard lock(mu_);
  if (error_.ok()) error_ = status;
}

double StoreSession::seconds() const {
  std::lock_guard lock(mu_);
  return seconds_;
}

std::optional<StoredFile> StoreSession::FindReusable(const FileKey& key, uint32_t ordinal) {
  auto found = store_->FindCommittedFile(key);
  if (!found.ok()) {
    Fail(found.status());
    return std::nullopt;
  }
  if (!found->has_value()) return std::nullopt;
  auto loaded = store_->LoadFile((*found)->file_id, ordinal, options_.deduplicate, columns_,
                                 RunStore::LoadPath::kSnapshot, options_.spill);
  if (!loaded.ok()) {
    Fail(loaded.status());  // the file is read instead
    return std::nullopt;
  }
  return std::move(loaded).value();
}

FileOutcome StoreSession::ProcessOrReuse(const InputUnit& unit, uint32_t ordinal,
                                         const FileTaskContext& task) {
  const double t0 = clock_->MonotonicSeconds();
  FileKey key;
  key.path = unit.name;
  key.sheet = unit.sheet;
  key.size_bytes = unit.file.size;
  key.mtime_ns = unit.file.mtime_ns;
  key.settings_fingerprint = options_.settings_fingerprint;
  // A file that cannot be hashed cannot be read either: ProcessFile says why.
  if (auto hash = HashFileContent(fs_, unit.file.path); hash.ok()) key.content_hash = std::move(hash).value();

  std::optional<StoredFile> stored;
  if (options_.reuse && !key.content_hash.empty()) stored = FindReusable(key, ordinal);
  const double t1 = clock_->MonotonicSeconds();
  if (stored) {
    FileOutcome outcome = std::move(stored->outcome);
    outcome.report.reused = true;
    outcome.report.seconds = t1 - t0;
    reused_.fetch_add(1);
    std::lock_guard lock(mu_);
    seconds_ += t1 - t0;
    if (first_property_.size() <= ordinal) first_property_.resize(ordinal + 1, 0);
    first_property_[ordinal] = stored->ref.first_property_id;
    CommitJob record;
    record.report.ordinal = ordinal;
    record.reused_file_id = stored->ref.file_id;
    jobs_.push_back(std::move(record));
    work_.notify_one();
    return outcome;
  }

  FileOutcome outcome = ProcessFile(unit, ordinal, task);
  std::lock_guard lock(mu_);
  seconds_ += t1 - t0;
  // A file stopped half-way is not a result: the resumed run reads it again.
  if (outcome.report.error_code != ErrorCodeName(ErrorCode::kCancelled)) {
    jobs_.push_back(CommitJob{std::move(key), outcome.report, outcome.counts, outcome.candidates.get()});
    work_.notify_one();
  }
  return outcome;
}

void StoreSession::WriterLoop() {
  std::unique_lock lock(mu_);
  while (true) {
    work_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty()) return;  // stopping, nothing left
    CommitJob job = std::move(jobs_.front());
    jobs_.pop_front();
    writing_ = true;
    lock.unlock();
    Commit(job);
    lock.lock();
    writing_ = false;
    idle_.notify_all();
  }
}

void StoreSession::Commit(const CommitJob& job) {
  if (job.reused_file_id != 0) {
    if (Status s = store_->RecordReusedFile(run_id_, job.report.ordinal, job.reused_file_id); !s.ok())
      Fail(s);
    return;
  }
  const double t0 = clock_->MonotonicSeconds();
  auto committed = store_->CommitFile(run_id_, job.key, job.report, job.counts, job.candidates, columns_);
  const double t1 = clock_->MonotonicSeconds();
  if (!committed.ok()) Fail(committed.status());
  std::lock_guard lock(mu_);
  seconds_ += t1 - t0;
  const uint32_t ordinal = job.report.ordinal;
  if (first_property_.size() <= ordinal) first_property_.resize(ordinal + 1, 0);
  if (committed.ok()) first_property_[ordinal] = committed->first_property_id;
}

void StoreSession::AwaitCommits() {
  std::unique_lock lock(mu_);
  idle_.wait(lock, [this] { return jobs_.empty() && !writing_; });
}

Status StoreSession::Finish(RunStatus status, const RunSummary* summary, const MergeResult* merged) {
  AwaitCommits();
  finished_ = true;
  RunFinish finish;
  finish.status = status;
  finish.summary = summary;
  finish.files_reused = files_reused();
  Status error;
  {
    std::lock_guard lock(mu_);
    error = error_;
    if (status == RunStatus::kCompleted && !error.ok()) finish.status = RunStatus::kFailed;
    if (merged != nullptr && finish.status == RunStatus::kCompleted) {
      for (const CandidateRef& c : merged->ranked) {
        const int64_t first = c.set < first_property_.size() ? first_property_[c.set] : 0;
        if (first == 0) {  // cannot happen: every candidate's file was committed or loaded
          error = Status(ErrorCode::kInternal, "a ranked candidate is not in the store");
          finish.status = RunStatus::kFailed;
          finish.ranked_property_ids.clear();
          break;
        }
        finish.ranked_property_ids.push_back(first + c.index);
      }
    }
  }
  if (summary != nullptr) finish.summary_json = SummaryToJson(*summary);
  Status s = store_->FinishRun(run_id_, finish);
  return error.ok() ? s : error;
}

}  // namespace flexpipe
