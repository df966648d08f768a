// The published charging rules: capital limits, tariff, minimum income
// guarantee, disregarded income and allowable expenses, in words.
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { useLoad } from '../shared/data.js';
import { formatDate, formatPence, todayIso } from '../shared/format.js';
import { rulesInForce } from './rules.js';

export function ChargingRulesPage() {
  const rules = useLoad(() => rulesInForce(todayIso()), 'charging-rules-page');
  if (rules.loading) return <Loading what="Loading the charging rules" />;
  if (rules.error) return <ErrorMessage error={rules.error} title="The charging rules could not be loaded" />;
  if (!rules.data) return <p>No charging rules are published yet.</p>;
  const doc = rules.data.document;
  const mig = doc.minimum_income_guarantee || {};
  return (
    <>
      <PageTitle>Charging rules</PageTitle>
      <p class="lead">
        {doc.title}, version {doc.version}, in force from {formatDate(doc.effective_from)}.
      </p>
      {doc.note && <p>{doc.note}</p>}
      <ul>
        <li>Capital above {formatPence(doc.capital.upper_limit_pence)}: the person pays the full cost of their care.</li>
        <li>Capital up to {formatPence(doc.capital.lower_limit_pence)} is ignored.</li>
        <li>
          Between the two: {formatPence(doc.capital.tariff.weekly_pence_per_band)} a week of tariff income for every {formatPence(doc.capital.tariff.band_pence)} or part of{' '}
          {formatPence(doc.capital.tariff.band_pence)}.
        </li>
        <li>Nobody pays more than the cost of their care.</li>
      </ul>
      <TableWrap label="Minimum income guarantee">
        <table class="data">
          <caption>Minimum income guarantee (a week)</caption>
          <tbody>
            {[...(mig.age_bands || []), ...(mig.premiums || [])].map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.label}</th>
                <td>{formatPence(row.weekly_pence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>Income</h2>
      <ul>
        {(doc.income_types || []).map((type) => (
          <li key={type.id}>
            {type.label}: {type.disregarded ? 'disregarded' : 'counted'}
          </li>
        ))}
      </ul>
      <h2>Allowable expenses</h2>
      <ul>
        {(doc.allowable_expenses || []).map((type) => (
          <li key={type.id}>
            {type.label}
            {type.weekly_limit_pence ? `, up to ${formatPence(type.weekly_limit_pence)} a week` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}
