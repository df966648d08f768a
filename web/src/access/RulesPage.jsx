// Who may see what, as the server decides it (GET /api/v1/access/rules): for
// each role, whose records it reaches and which parts of a record it sees, then
// the limits the council sets.
import { ErrorMessage, Loading, PageTitle, TableWrap } from '../shared/components.jsx';
import { formatNumber, words } from '../shared/format.js';
import { RequireAllowed } from '../shared/RequireAllowed.jsx';
import { partText, reachText, RECORD_PARTS, useRules } from './access.js';

export function RulesPage() {
  return (
    <RequireAllowed action="access.read_rules" title="Who may see what">
      <Rules />
    </RequireAllowed>
  );
}

const roleText = (role) => {
  const text = words(role);
  return text.charAt(0).toUpperCase() + text.slice(1);
};

function Rules() {
  const loaded = useRules();
  if (loaded.loading) return <Loading what="Loading who may see what" />;
  if (loaded.error) return <ErrorMessage error={loaded.error} title="The rules could not be loaded" />;
  const rules = loaded.data;
  return (
    <>
      <PageTitle>Who may see what</PageTitle>
      <p class="lead">Each role reaches some people’s records, and sees only some parts of them. The server applies these rules to every request.</p>
      <h2>Records and their parts, by role</h2>
      <TableWrap label="Record parts by role">
        <table class="data" data-testid="rules">
          <caption>Which parts of a record each role sees (✓ sees, – does not)</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Whose records</th>
              {RECORD_PARTS.map((part) => (
                <th scope="col" key={part}>
                  {partText(part)}
                </th>
              ))}
              <th scope="col">May break glass</th>
            </tr>
          </thead>
          <tbody>
            {rules.roles.map((rule) => (
              <tr key={rule.role} data-role-rule={rule.role}>
                <th scope="row">{roleText(rule.role)}</th>
                <td>{reachText(rule.reach)}</td>
                {RECORD_PARTS.map((part) => {
                  const sees = rule.parts.includes(part);
                  return (
                    <td key={part} class="center" data-part={part}>
                      <span aria-hidden="true">{sees ? '✓' : '–'}</span>
                      <span class="visually-hidden">{sees ? 'sees' : 'does not see'}</span>
                    </td>
                  );
                })}
                <td>{rule.may_break_glass ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>What each role sees, in words</h2>
      <dl class="rules-words">
        {rules.roles.map((rule) => (
          <div key={rule.role}>
            <dt>{roleText(rule.role)}</dt>
            <dd>{rule.sees}</dd>
          </div>
        ))}
      </dl>
      <h2>Sharing with partner agencies</h2>
      <p>{rules.sharing.charAt(0).toUpperCase() + rules.sharing.slice(1)}.</p>
      <h2>Limits</h2>
      <ul data-testid="limits">
        <li>Break glass lasts {formatNumber(rules.break_glass_hours)} hours and needs a reason of at least {formatNumber(rules.break_glass_reason_min)} characters.</li>
        <li>A list shows at most {formatNumber(rules.page_cap)} records at a time.</li>
        <li>Reading more than {formatNumber(rules.unusual_people_per_hour)} people’s records in one hour is shown to the data protection officer.</li>
      </ul>
    </>
  );
}
