#include "allot/app/shared/audit_writer.h"

#include <atomic>
#include <map>

namespace allot::app {

struct AuditTicket::State {
  std::mutex mutex;
  std::condition_variable settled_cv;
  bool settled = false;
  std::optional<Issues> failure;
  std::function<void(bool)> done;

  void settle(std::optional<Issues> problem) {
    std::function<void(bool)> callback;
    {
      std::lock_guard lock(mutex);
      settled = true;
      failure = std::move(problem);
      callback = std::move(done);
    }
    settled_cv.notify_all();
    if (callback) callback(!failure);
  }
};

Result<Unit> AuditTicket::wait() const {
  if (!state_) return Unit{};
  std::unique_lock lock(state_->mutex);
  state_->settled_cv.wait(lock, [&] { return state_->settled; });
  if (state_->failure) return tl::unexpected<Issues>(*state_->failure);
  return Unit{};
}

void AuditTicket::on_done(std::function<void(bool written)> done) const {
  if (!state_) {
    done(true);
    return;
  }
  {
    std::lock_guard lock(state_->mutex);
    if (!state_->settled) {
      state_->done = std::move(done);
      return;
    }
  }
  done(!state_->failure);
}

std::shared_ptr<AuditWriter> AuditWriter::for_store(Store& store) {
  static std::mutex registry_mutex;
  static std::map<Store*, std::weak_ptr<AuditWriter>> registry;
  std::lock_guard lock(registry_mutex);
  std::weak_ptr<AuditWriter>& slot = registry[&store];
  std::shared_ptr<AuditWriter> writer = slot.lock();
  if (!writer) {
    writer = std::make_shared<AuditWriter>(store);
    slot = writer;
  }
  return writer;
}

AuditWriter::AuditWriter(Store& store) : store_(store), thread_([this] { run(); }) {}

AuditWriter::~AuditWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

AuditTicket AuditWriter::submit(NewAuditEntry entry, Timestamp at) {
  auto ticket = std::make_shared<AuditTicket::State>();
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(Pending{std::move(entry), at, ticket});
  }
  wake_.notify_one();
  return AuditTicket(ticket);
}

std::pair<std::int64_t, std::int64_t> AuditWriter::batches_and_entries() const {
  std::lock_guard lock(mutex_);
  return {batches_, written_};
}

void AuditWriter::run() {
  // One batch is whatever arrived while the previous one was being written: under
  // load the batches grow by themselves, and a lone request waits for one write.
  constexpr std::size_t kMaxBatch = 4096;
  while (true) {
    std::vector<Pending> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued is written
      while (!queue_.empty() && batch.size() < kMaxBatch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    std::vector<std::pair<NewAuditEntry, Timestamp>> entries;
    entries.reserve(batch.size());
    for (const Pending& pending : batch) entries.emplace_back(pending.entry, pending.at);
    std::optional<Issues> failure;
    try {
      Result<Unit> written = store_.run(Access::kWrite, [&](Transaction& tx) -> Result<Unit> {
        return tx.get<AuditRepository>().append_all(entries);
      });
      if (!written) failure = written.error();
    } catch (const std::exception& error) {
      failure = Issues{{ErrorCode::kInternal, "audit", error.what()}};
    }
    {
      std::lock_guard lock(mutex_);
      ++batches_;
      if (!failure) written_ += static_cast<std::int64_t>(batch.size());
    }
    for (Pending& pending : batch) pending.ticket->settle(failure);
  }
}

namespace {
thread_local AuditScope* t_scope = nullptr;
}  // namespace

AuditScope::AuditScope() { t_scope = this; }
AuditScope::~AuditScope() {
  if (t_scope == this) t_scope = nullptr;
}

AuditScope* current_audit_scope() { return t_scope; }

void when_all_written(std::vector<AuditTicket> tickets, std::function<void(bool written)> done) {
  if (tickets.empty()) {
    done(true);
    return;
  }
  struct Join {
    std::atomic<std::size_t> left;
    std::atomic<bool> all_written{true};
    std::function<void(bool)> done;
  };
  auto join = std::make_shared<Join>();
  join->left = tickets.size();
  join->done = std::move(done);
  for (const AuditTicket& ticket : tickets) {
    ticket.on_done([join](bool written) {
      if (!written) join->all_written = false;
      if (join->left.fetch_sub(1) == 1) join->done(join->all_written.load());
    });
  }
}

}  // namespace allot::app
