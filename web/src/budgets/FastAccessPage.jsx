// The joint fast-access budget (seed 000): ask for money within the limit per
// request; the named approver approves or refuses within the day.
import { useState } from 'preact/hooks';
import { api } from '../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatDate, formatPence, parsePounds } from '../shared/format.js';
import { can } from '../shared/permissions.js';
import { SignInPrompt } from '../shared/SignInPrompt.jsx';
import { useSession } from '../shared/session.js';
import { ExportButtons, money } from './exports.jsx';

const requestsTable = (requests) => ({
  name: 'fast-access-requests',
  header: ['Asked on', 'Asked by', 'For', 'Amount (£)', 'Decision', 'Decided by', 'Decided on', 'Reason'],
  rows: requests.map((r) => [formatDate(r.requested_at), r.requested_by, r.purpose, money(r.amount_pence), r.decision || (r.overdue ? 'overdue' : 'awaiting a decision'), r.decided_by || '', r.decided_at ? formatDate(r.decided_at) : '', r.reason || '']),
});

export function FastAccessPage() {
  const session = useSession();
  if (session.loading) return <Loading what="Checking your sign-in" />;
  if (!session.user) return <SignInPrompt title="Fast-access budget" />;
  if (!['budgets.read', 'budgets.request_fast_access', 'budgets.decide_fast_access'].some((action) => can(session, action))) {
    return <SignInPrompt title="Fast-access budget" notAllowed="ask or decide on the fast-access budget" />;
  }
  return <FastAccess session={session} />;
}

function FastAccess({ session }) {
  const budgets = useLoad(() => api.get('/fast-access-budgets'), 'fast-access-budgets');
  if (budgets.loading) return <Loading what="Loading the fast-access budget" />;
  if (budgets.error) return <ErrorMessage error={budgets.error} title="The fast-access budget could not be loaded" />;
  return (
    <>
      <PageTitle>Fast-access budget</PageTitle>
      {(budgets.data.budgets || []).map((budget) => (
        <Budget key={budget.id} budget={budget} session={session} />
      ))}
    </>
  );
}

function Budget({ budget, session }) {
  const requests = useLoad(() => api.get(`/budgets/${budget.id}/fast-access`), `fast-access-${budget.id}`);
  const [purpose, setPurpose] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState(null);
  const approver = session.user.username === budget.approver && can(session, 'budgets.decide_fast_access');
  const ask = async (event) => {
    event.preventDefault();
    setError(null);
    try {
      await api.post(`/budgets/${budget.id}/fast-access`, { purpose, amount_pence: parsePounds(amount) });
      setPurpose('');
      setAmount('');
      requests.reload();
    } catch (problem) {
      setError(problem);
    }
  };
  const decide = async (request, decision) => {
    setError(null);
    const reason = decision === 'refused' ? window.prompt('Why is it refused?') || '' : '';
    try {
      await api.post(`/budgets/${budget.id}/fast-access/${request.id}/decision`, { decision, reason });
      requests.reload();
    } catch (problem) {
      setError(problem);
    }
  };
  return (
    <section>
      <h2>{budget.name}</h2>
      <p>
        {formatPence(budget.total_pence)} for {budget.financial_year_label}; at most {formatPence(budget.request_limit_pence)} a request; decided within the day by {budget.approver}.
      </p>
      {error ? <ErrorMessage error={error} title="That did not work" labels={{ amount_pence: 'Amount', purpose: 'What it is for' }} /> : null}
      {can(session, 'budgets.request_fast_access') ? (
        <form onSubmit={ask} class="no-print">
          <div class="field">
            <label for={`purpose-${budget.id}`}>What it is for</label>
            <input id={`purpose-${budget.id}`} value={purpose} onInput={(event) => setPurpose(event.currentTarget.value)} />
          </div>
          <div class="field">
            <label for={`amount-${budget.id}`}>Amount (£)</label>
            <input id={`amount-${budget.id}`} inputMode="decimal" value={amount} onInput={(event) => setAmount(event.currentTarget.value)} />
          </div>
          <button type="submit" class="button">
            Ask
          </button>
        </form>
      ) : null}
      {requests.loading ? <Loading what="Loading requests" /> : null}
      {requests.error ? <ErrorMessage error={requests.error} title="Requests could not be loaded" /> : null}
      {requests.data ? <ExportButtons table={requestsTable(requests.data.requests)} label="Export requests" /> : null}
      {requests.data ? (
        <TableWrap label="Requests">
          <table class="data" data-testid="fast-access-requests">
            <caption>Requests</caption>
            <thead>
              <tr>
                <th scope="col">Asked by</th>
                <th scope="col">For</th>
                <th scope="col" class="num">Amount</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {requests.data.requests.map((request) => (
                <tr key={request.id}>
                  <td>{request.requested_by}</td>
                  <td>{request.purpose}</td>
                  <td class="num">{formatPence(request.amount_pence)}</td>
                  <td>
                    {request.decision ? `${request.decision} by ${request.decided_by}${request.reason ? `: ${request.reason}` : ''}` : request.overdue ? <span class="budgets-over">overdue</span> : 'awaiting a decision'}
                    {!request.decision && approver ? (
                      <>
                        {' '}
                        <button type="button" class="button button--secondary" onClick={() => decide(request, 'approved')}>
                          Approve
                        </button>{' '}
                        <button type="button" class="button button--secondary" onClick={() => decide(request, 'refused')}>
                          Refuse
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
    </section>
  );
}
