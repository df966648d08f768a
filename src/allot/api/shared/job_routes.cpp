// Handlers for the job routes that every capability's long work shares.
#include "allot/api/shared/job_routes.h"

#include <fmt/format.h>

#include "allot/api/shared/respond.h"
#include "allot/api/shared/state.h"

namespace allot::api {

HttpResponse get_job(RequestContext& context) {
  std::optional<JobSnapshot> job = context.state.jobs.get(context.param("job_id"));
  // Someone else's job is reported as missing: its existence is not theirs to know.
  if (!job || job->owner != context.principal->user.username) {
    return error_response(404, ErrorCode::kNotFound, "no such job", {{ErrorCode::kNotFound, "job_id", "unknown job"}});
  }
  return json_response(200, job_to_json(*job));
}

HttpResponse cancel_job(RequestContext& context) {
  std::optional<JobSnapshot> job = context.state.jobs.get(context.param("job_id"));
  // Someone else's job is reported as missing, as for GET.
  if (!job || job->owner != context.principal->user.username) {
    return error_response(404, ErrorCode::kNotFound, "no such job", {{ErrorCode::kNotFound, "job_id", "unknown job"}});
  }
  if (job->status != JobStatus::kQueued && job->status != JobStatus::kRunning) {
    return error_response(409, ErrorCode::kConflict, "the job has already ended",
                          {{ErrorCode::kConflict, "job_id", fmt::format("the job is {}", job_status_name(job->status))}});
  }
  context.state.jobs.cancel(job->id);
  job = context.state.jobs.get(job->id);
  return json_response(202, job ? job_to_json(*job) : nlohmann::json{{"id", context.param("job_id")}});
}

const std::vector<Route>& job_routes() {
  static const std::vector<Route> kRoutes = {
      {.method = Method::kGet,
       .pattern = "/api/v1/jobs/{job_id}",
       .access = Access::kSignedIn,
       .handler = &get_job,
       .summary = "a job's progress and result"},
      {.method = Method::kDelete,
       .pattern = "/api/v1/jobs/{job_id}",
       .access = Access::kSignedIn,
       .handler = &cancel_job,
       .summary = "cancel a job (a solver job ends with its best solution so far)"},
  };
  return kRoutes;
}

}  // namespace allot::api
