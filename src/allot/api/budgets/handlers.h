#pragma once
// The handlers of integrated budgets' routes (routes.cpp beside this file). Each
// reads its request, validates it (every problem at once), calls
// app::BudgetService and maps the answer to JSON and a status.

#include "allot/api/shared/router.h"

namespace allot::api::budgets_api {

HttpResponse list_funds(RequestContext& context);
HttpResponse create_fund(RequestContext& context);
HttpResponse list_budgets(RequestContext& context);
HttpResponse create_budget(RequestContext& context);
HttpResponse get_budget(RequestContext& context);
HttpResponse monitoring(RequestContext& context);
HttpResponse post_payment(RequestContext& context);
HttpResponse import_payments(RequestContext& context);
HttpResponse list_payments(RequestContext& context);
HttpResponse unmatched_payments(RequestContext& context);
HttpResponse settlement(RequestContext& context);
HttpResponse protection(RequestContext& context);
HttpResponse balance_of_care(RequestContext& context);
HttpResponse list_fast_access(RequestContext& context);
HttpResponse fast_access_budgets(RequestContext& context);
HttpResponse request_fast_access(RequestContext& context);
HttpResponse decide_fast_access(RequestContext& context);
HttpResponse refresh_commitments(RequestContext& context);
HttpResponse new_against_previous(RequestContext& context);
HttpResponse my_locality(RequestContext& context);
HttpResponse alerts(RequestContext& context);

}  // namespace allot::api::budgets_api
