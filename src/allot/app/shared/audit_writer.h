#pragma once
// Group commit for the audit log. Reads, searches and refusals each leave an
// audit entry; writing each in its own transaction would wait on the disk once
// per request (about 600 reads a second at best). Instead the entries go to one
// background thread that writes everything queued so far in one transaction (one
// durable write for many requests) and then tells each request that its entry is
// durable. A request's response is released only after that, so no audited read
// is answered without its record: nothing is lost, and the audit log is never
// switched off for speed.
//
// Thread-safety: submit() and the tickets may be used from any thread.

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "allot/app/shared/audit_log.h"
#include "allot/app/shared/store.h"

namespace allot::app {

// The promise that one entry will be written: wait() blocks until it is (or has
// failed); on_done() calls back, on the writer's thread, once it is.
class AuditTicket {
 public:
  struct State;
  AuditTicket() = default;
  explicit AuditTicket(std::shared_ptr<State> state) : state_(std::move(state)) {}
  // kInternal if the entry could not be written.
  Result<Unit> wait() const;
  // `done` runs exactly once: now, if the entry is already written, or later on
  // the writer's thread. It must not block.
  void on_done(std::function<void(bool written)> done) const;

 private:
  std::shared_ptr<State> state_;
};

class AuditWriter {
 public:
  // The one writer for this store, started on first use and shared by every
  // AuditService; it stops (after writing what is queued) when the last holder
  // lets go, which must be before the store is destroyed.
  static std::shared_ptr<AuditWriter> for_store(Store& store);

  explicit AuditWriter(Store& store);
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Queues one entry at `at`. The ticket is settled once the entry is durable.
  AuditTicket submit(NewAuditEntry entry, Timestamp at);

  // Transactions written and entries in them since start (for the benchmark notes).
  std::pair<std::int64_t, std::int64_t> batches_and_entries() const;

 private:
  struct Pending {
    NewAuditEntry entry;
    Timestamp at;
    std::shared_ptr<AuditTicket::State> ticket;
  };
  void run();

  Store& store_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::int64_t batches_ = 0;
  std::int64_t written_ = 0;
  std::thread thread_;
};

// Opened by the api around each request (on the thread handling it): names who is
// asking, for entries that carry only an Actor, and gathers the tickets of entries
// submitted while the request is handled, so the server can release the response
// once they are durable without holding a thread. Scopes do not nest.
class AuditScope {
 public:
  AuditScope();
  ~AuditScope();
  AuditScope(const AuditScope&) = delete;
  AuditScope& operator=(const AuditScope&) = delete;

  void set_roles(std::string roles) { roles_ = std::move(roles); }
  const std::string& roles() const { return roles_; }
  // Why the request is allowed outside the care team (break glass), written into
  // every entry of the request that names no reason of its own.
  void set_reason(std::string reason) { reason_ = std::move(reason); }
  const std::string& reason() const { return reason_; }
  void add(AuditTicket ticket) { tickets_.push_back(std::move(ticket)); }
  // The tickets gathered so far, moved out.
  std::vector<AuditTicket> take_tickets() { return std::move(tickets_); }

 private:
  std::string roles_;
  std::string reason_;
  std::vector<AuditTicket> tickets_;
};

// Calls `done` once every ticket is settled: true if all were written.
void when_all_written(std::vector<AuditTicket> tickets, std::function<void(bool written)> done);

}  // namespace allot::app
