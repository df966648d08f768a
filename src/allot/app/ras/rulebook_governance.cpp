// How a rulebook version goes live: drafted, proposed with an effective date and
// a simulation, approved by a second person (or rejected with a reason). Each
// step is checked against the access policy inside its transaction, kept in the
// rulebook's history and written to the audit log.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "allot/app/ras/rulebook_service.h"
#include "allot/app/shared/access_policy.h"

namespace allot::app {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxReasonLength = 2000;

Result<Unit> allowed(const Principal& by, std::string_view action) {
  if (Result<tl::monostate> checked = AccessPolicy::standard().check(by, action); !checked) {
    return tl::unexpected<Issues>(std::move(checked.error()));
  }
  return Unit{};
}

std::string subject_of(std::string_view rulebook_id, int version) {
  return fmt::format("rulebook:{}/{}", rulebook_id, version);
}

// "29 Nov 2026", as people read dates in messages.
std::string uk_date(Date date) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::string iso = date.to_string();  // YYYY-MM-DD
  const int month = std::stoi(iso.substr(5, 2));
  return fmt::format("{} {} {}", std::stoi(iso.substr(8, 2)), kMonths[month - 1], iso.substr(0, 4));
}

Result<Unit> keep_step(Transaction& tx, const RulebookStep& step, std::string_view audit_action, std::string what) {
  Result<RulebookStep> kept = tx.get<DraftVersionRepository>().add_step(step);
  if (!kept) return tl::unexpected<Issues>(kept.error());
  Result<AuditEntry> audited = tx.get<AuditRepository>().append(
      NewAuditEntry{step.by, std::string(audit_action), subject_of(step.rulebook_id, step.version), std::move(what)},
      step.at);
  if (!audited) return tl::unexpected<Issues>(audited.error());
  return Unit{};
}

// The draft a decision is about, which must be proposed; and the decider must not
// be the person who proposed it.
Result<DraftVersion> proposed_for_decision(Transaction& tx, std::string_view rulebook_id, int version,
                                           const Principal& by, std::string_view verb) {
  if (Result<Unit> checked = allowed(by, "rulebooks.approve"); !checked) return tl::unexpected<Issues>(checked.error());
  Result<DraftVersion> draft = tx.get<DraftVersionRepository>().get(rulebook_id, version);
  if (!draft) return draft;
  if (draft->status != DraftStatus::kProposed) {
    return fail(ErrorCode::kConflict, "status",
                fmt::format("version {} of rulebook \"{}\" is {}, not proposed; only a proposed version can be {}",
                            version, rulebook_id, draft_status_name(draft->status), verb));
  }
  if (draft->proposed_by == by.username) {
    return fail(ErrorCode::kForbidden, "proposed_by",
                fmt::format("you proposed version {} of rulebook \"{}\"; another person with the approving role must "
                            "decide on it",
                            version, rulebook_id));
  }
  return draft;
}

}  // namespace

Date RulebookService::today() const {
  return Date(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock_.now())));
}

Result<DraftVersion> RulebookService::add_draft(std::string_view document, DraftOrigin origin, std::string_view note,
                                                const Principal& by) {
  Result<RulebookHeader> header = read_rulebook_header(document);
  if (!header) return tl::unexpected<Issues>(header.error());
  const Timestamp now = clock_.now();
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<DraftVersion> {
    if (Result<Unit> checked = allowed(by, "rulebooks.draft"); !checked) return tl::unexpected<Issues>(checked.error());
    auto& published = tx.get<RulebookRepository>();
    auto& drafts = tx.get<DraftVersionRepository>();
    Result<RulebookVersion> latest = published.latest(header->id);
    if (!latest && latest.error().front().code != ErrorCode::kNotFound) return tl::unexpected<Issues>(latest.error());
    Result<int> drafted = drafts.highest_version(header->id);
    if (!drafted) return tl::unexpected<Issues>(drafted.error());
    const int next = std::max(latest ? latest->version : 0, *drafted) + 1;
    const bool is_published = published.get(header->id, header->version).has_value();
    const bool is_drafted = drafts.get(header->id, header->version).has_value();
    if (is_published || is_drafted) {
      return fail(ErrorCode::kConflict, "version",
                  fmt::format("version {} of rulebook \"{}\" is {} already; give this one version {}", header->version,
                              header->id, is_published ? "published" : "a draft", next));
    }
    DraftVersion draft{header->id, header->version, header->title, origin, std::string(document),
                       DraftStatus::kDraft, std::nullopt, "", by.username, now, "", 1};
    Result<DraftVersion> added = drafts.add(draft);
    if (!added) return added;
    if (Result<Unit> kept = keep_step(tx, RulebookStep{0, header->id, header->version, GovernanceStep::kDrafted,
                                                       by.actor(), now, std::nullopt, std::string(note)},
                                      "draft_rulebook", header->title);
        !kept) {
      return tl::unexpected<Issues>(kept.error());
    }
    return added;
  });
}

Result<std::vector<DraftVersion>> RulebookService::drafts(const Principal& by) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<DraftVersion>> {
    if (Result<Unit> checked = allowed(by, "rulebooks.read_drafts"); !checked) {
      return tl::unexpected<Issues>(checked.error());
    }
    return tx.get<DraftVersionRepository>().list();
  });
}

Result<DraftVersion> RulebookService::draft(std::string_view rulebook_id, int version, const Principal& by) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<DraftVersion> {
    if (Result<Unit> checked = allowed(by, "rulebooks.read_drafts"); !checked) {
      return tl::unexpected<Issues>(checked.error());
    }
    return tx.get<DraftVersionRepository>().get(rulebook_id, version);
  });
}

Result<DraftVersion> RulebookService::propose(std::string_view rulebook_id, int version, Date effective_from,
                                              std::string_view simulation, const Principal& by) {
  const Timestamp now = clock_.now();
  const Date on = today();
  if (effective_from < on) {
    return fail(ErrorCode::kInvalidValue, "effective_from",
                fmt::format("must be today ({}) or later; {} has passed", uk_date(on), uk_date(effective_from)));
  }
  const json report = json::parse(simulation, nullptr, /*allow_exceptions=*/false);
  if (!report.is_object()) return fail(ErrorCode::kInvalidValue, "simulation", "must be a simulation's result");
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<DraftVersion> {
    if (Result<Unit> checked = allowed(by, "rulebooks.propose"); !checked) return tl::unexpected<Issues>(checked.error());
    auto& drafts = tx.get<DraftVersionRepository>();
    Result<DraftVersion> draft = drafts.get(rulebook_id, version);
    if (!draft) return draft;
    if (draft->status == DraftStatus::kProposed || draft->status == DraftStatus::kApproved) {
      return fail(ErrorCode::kConflict, "status",
                  fmt::format("version {} of rulebook \"{}\" is {} already", version, rulebook_id,
                              draft_status_name(draft->status)));
    }
    // The published document carries the date it takes effect, never a date
    // copied from the version it was made from.
    json document = json::parse(draft->document, nullptr, /*allow_exceptions=*/false);
    if (!document.is_object()) return fail(ErrorCode::kInternal, "rulebook", "a stored draft is not a JSON object");
    document["effective_from"] = effective_from.to_string();
    draft->document = document.dump(2);
    draft->status = DraftStatus::kProposed;
    draft->effective_from = effective_from;
    draft->simulation = std::string(simulation);
    draft->proposed_by = by.username;
    Result<DraftVersion> saved = drafts.update(*draft);
    if (!saved) return saved;
    if (Result<Unit> kept = keep_step(tx, RulebookStep{0, draft->rulebook_id, version, GovernanceStep::kProposed,
                                                       by.actor(), now, effective_from, ""},
                                      "propose_rulebook", fmt::format("effective from {}", effective_from.to_string()));
        !kept) {
      return tl::unexpected<Issues>(kept.error());
    }
    return saved;
  });
}

Result<RulebookVersion> RulebookService::approve(std::string_view rulebook_id, int version, const Principal& by) {
  const Timestamp now = clock_.now();
  const Date on = today();
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<RulebookVersion> {
    Result<DraftVersion> draft = proposed_for_decision(tx, rulebook_id, version, by, "approved");
    if (!draft) return tl::unexpected<Issues>(draft.error());
    if (!draft->effective_from || *draft->effective_from < on) {
      return fail(ErrorCode::kConflict, "effective_from",
                  fmt::format("the proposed effective date{} has passed; the analyst must propose it again with a date "
                              "from today ({})",
                              draft->effective_from ? " " + uk_date(*draft->effective_from) : "", uk_date(on)));
    }
    RulebookVersion published{draft->rulebook_id, version, draft->title, *draft->effective_from, draft->document,
                              by.username,        now};
    if (Result<Unit> stored = tx.get<RulebookRepository>().publish(published); !stored) {
      return tl::unexpected<Issues>(stored.error());
    }
    draft->status = DraftStatus::kApproved;
    if (Result<DraftVersion> saved = tx.get<DraftVersionRepository>().update(*draft); !saved) {
      return tl::unexpected<Issues>(saved.error());
    }
    if (Result<Unit> kept = keep_step(tx, RulebookStep{0, draft->rulebook_id, version, GovernanceStep::kApproved,
                                                       by.actor(), now, draft->effective_from, ""},
                                      "approve_rulebook",
                                      fmt::format("in force from {}", draft->effective_from->to_string()));
        !kept) {
      return tl::unexpected<Issues>(kept.error());
    }
    return published;
  });
}

Result<DraftVersion> RulebookService::reject(std::string_view rulebook_id, int version, std::string_view reason,
                                             const Principal& by) {
  const std::size_t first = reason.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return fail(ErrorCode::kInvalidValue, "reason", "must say why the version is rejected");
  }
  if (reason.size() > kMaxReasonLength) {
    return fail(ErrorCode::kInvalidValue, "reason",
                fmt::format("must be at most {} characters; found {}", kMaxReasonLength, reason.size()));
  }
  for (char c : reason) {
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f) {
      return fail(ErrorCode::kInvalidValue, "reason", "must not contain control characters");
    }
  }
  const Timestamp now = clock_.now();
  return in_transaction(store_, Access::kWrite, [&](Transaction& tx) -> Result<DraftVersion> {
    Result<DraftVersion> draft = proposed_for_decision(tx, rulebook_id, version, by, "rejected");
    if (!draft) return draft;
    draft->status = DraftStatus::kRejected;
    Result<DraftVersion> saved = tx.get<DraftVersionRepository>().update(*draft);
    if (!saved) return saved;
    if (Result<Unit> kept = keep_step(tx, RulebookStep{0, draft->rulebook_id, version, GovernanceStep::kRejected,
                                                       by.actor(), now, draft->effective_from, std::string(reason)},
                                      "reject_rulebook", std::string(reason));
        !kept) {
      return tl::unexpected<Issues>(kept.error());
    }
    return saved;
  });
}

Result<std::vector<RulebookStep>> RulebookService::history(std::string_view rulebook_id, const Principal& by) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::vector<RulebookStep>> {
    if (Result<Unit> checked = allowed(by, "rulebooks.read_drafts"); !checked) {
      return tl::unexpected<Issues>(checked.error());
    }
    return tx.get<DraftVersionRepository>().steps(rulebook_id);
  });
}

Result<std::optional<RulebookVersion>> RulebookService::in_force(std::string_view rulebook_id, Date on) {
  return in_transaction(store_, Access::kRead, [&](Transaction& tx) -> Result<std::optional<RulebookVersion>> {
    Result<RulebookVersion> found = tx.get<RulebookRepository>().in_force(rulebook_id, on);
    if (found) return std::optional<RulebookVersion>(std::move(*found));
    if (found.error().front().code == ErrorCode::kNotFound) return std::optional<RulebookVersion>();
    return tl::unexpected<Issues>(found.error());
  });
}

}  // namespace allot::app
