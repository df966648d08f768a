// Reviews due: active budgets with a review due by a date, soonest first; each
// links to the person's page where the review is recorded.
import { useState } from 'preact/hooks';
import { api } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { ExportButtons } from '../../shared/ExportButtons.jsx';
import { formatDate, formatPence, todayIso } from '../../shared/format.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { navigate, useLocation } from '../../shared/router.js';
import { personPath } from '../records.jsx';

export function ReviewsPage() {
  return (
    <RequireAllowed action="reviews.read" title="Reviews due">
      <Reviews />
    </RequireAllowed>
  );
}

export const reviewsTable = (reviews, by) => ({
  name: 'reviews-due',
  title: 'Reviews due',
  notes: [`Due on or before ${formatDate(by)}`],
  columns: [
    { title: 'Due', kind: 'date', value: (row) => row.review_due },
    { title: 'Person id', kind: 'number', value: (row) => row.person_id },
    { title: 'Given name', kind: 'text', value: (row) => row.given_name },
    { title: 'Family name', kind: 'text', value: (row) => row.family_name },
    { title: 'Locality', kind: 'text', value: (row) => row.locality },
    { title: 'Team', kind: 'text', value: (row) => row.team },
    { title: 'Review', kind: 'code', value: (row) => (row.first_review ? 'First review (6 to 8 weeks)' : 'Yearly review') },
    { title: 'Agreed a year', kind: 'money', value: (row) => row.agreed_annual_pence },
  ],
  rows: reviews,
});

function Reviews() {
  const { query } = useLocation();
  const by = query.get('by') || '';
  const [value, setValue] = useState(by || todayIso(28));
  const due = useLoad(() => api.get(`/reviews/due${by ? `?by=${encodeURIComponent(by)}` : ''}`), by);
  const reviews = due.data && Array.isArray(due.data.reviews) ? due.data.reviews : [];
  const today = todayIso();
  return (
    <>
      <PageTitle>Reviews due</PageTitle>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(`/reviews?by=${encodeURIComponent(value)}`);
        }}
      >
        <div class="field field--inline">
          <label for="reviews-by">Due on or before</label>
          <input id="reviews-by" type="date" class="input--short" value={value} onInput={(event) => setValue(event.currentTarget.value)} />
          <button type="submit" class="button button--small">
            Show
          </button>
        </div>
      </form>
      {due.loading && <Loading what="Finding reviews due" />}
      <ErrorMessage error={due.error} title="Reviews due could not be loaded" />
      {due.data && (
        <>
          <p role="status">
            {reviews.length} {reviews.length === 1 ? 'review is' : 'reviews are'} due by {formatDate(due.data.by)}.
          </p>
          {reviews.length > 0 && <ExportButtons table={reviewsTable(reviews, due.data.by)} what="these reviews" />}
          {reviews.length > 0 && (
            <TableWrap label="Reviews due">
              <table class="data" data-testid="reviews-due">
                <caption class="visually-hidden">Reviews due, soonest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Due</th>
                    <th scope="col">Person</th>
                    <th scope="col">Locality, team</th>
                    <th scope="col">Review</th>
                    <th scope="col" class="num">Agreed a year</th>
                  </tr>
                </thead>
                <tbody>
                  {reviews.map((review) => (
                    <tr key={review.person_id}>
                      <td>
                        {formatDate(review.review_due)}
                        {review.review_due < today ? <strong class="tag"> overdue</strong> : null}
                      </td>
                      <td>
                        <a href={personPath(review.person_id)}>
                          {review.given_name} {review.family_name}
                        </a>
                      </td>
                      <td>
                        {review.locality}, {review.team}
                      </td>
                      <td>{review.first_review ? 'First review (6 to 8 weeks)' : 'Yearly review'}</td>
                      <td class="num">{formatPence(review.agreed_annual_pence)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      )}
    </>
  );
}
