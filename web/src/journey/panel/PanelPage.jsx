// The Resource Allocation Group: the plans waiting for the panel as an agenda
// (one plan at a time or a compact list, each plan in full beside its decision),
// recording a meeting once with its members, and the meetings held.
import { useEffect, useState } from 'preact/hooks';
import { api, enc } from '../../shared/api.js';
import { ErrorMessage, Loading, PageTitle } from '../../shared/components.jsx';
import { useLoad } from '../../shared/data.js';
import { useDirectory } from '../../shared/directory.js';
import { formatDate } from '../../shared/format.js';
import { can } from '../../shared/permissions.js';
import { useRecordParts } from '../../shared/parts.js';
import { RequireAllowed } from '../../shared/RequireAllowed.jsx';
import { setQuery, useLocation } from '../../shared/router.js';
import { useSession } from '../../shared/session.js';
import { planVersionOf } from '../plan/PlanSummary.jsx';
import { MeetingForm } from './MeetingForm.jsx';

export function PanelPage() {
  return (
    <RequireAllowed action="panel.read_queue" title="Resource Allocation Group">
      <Panel />
    </RequireAllowed>
  );
}

// Each queued plan's record and saved version, by person id, as they arrive;
// `{hidden: true}` for each when the user's roles do not see plans (a finance
// officer sees the queue's amounts, not the plans), so nothing is asked that the
// server would refuse. Nothing until the roles' parts are known (`sees` null).
function usePlanDetails(plans, sees) {
  const [details, setDetails] = useState({});
  const seesPlan = sees ? sees('plan') : null;
  const key = `${seesPlan}:` + plans.map((plan) => `${plan.person_id}@${plan.plan_version}`).join(',');
  useEffect(() => {
    let live = true;
    setDetails({});
    if (seesPlan === null) return undefined;
    if (!seesPlan) {
      setDetails(Object.fromEntries(plans.map((plan) => [plan.person_id, { hidden: true }])));
      return undefined;
    }
    for (const plan of plans) {
      Promise.all([api.get(`/people/${enc(plan.person_id)}`), api.get(`/people/${enc(plan.person_id)}/plans`)]).then(
        ([person, saved]) => live && setDetails((previous) => ({ ...previous, [plan.person_id]: { person, plan: planVersionOf(saved.plans, plan.plan_version) } })),
        (error) => live && setDetails((previous) => ({ ...previous, [plan.person_id]: { error } })),
      );
    }
    return () => {
      live = false;
    };
  }, [key]);
  return details;
}

function Panel() {
  const { user } = useSession();
  const { userName } = useDirectory();
  const { query } = useLocation();
  const queue = useLoad(() => api.get('/panel/queue'), 'queue');
  const meetings = useLoad(() => (can(user, 'panel.read') ? api.get('/panel/meetings') : Promise.resolve({ meetings: [] })), 'meetings');
  const [recorded, setRecorded] = useState(null);
  const plans = queue.data && Array.isArray(queue.data.plans) ? queue.data.plans : [];
  const details = usePlanDetails(plans, useRecordParts());
  const view = query.get('view') === 'list' ? 'list' : 'one';
  const current = query.get('plan') || (plans[0] ? String(plans[0].person_id) : '');
  const held = meetings.data && Array.isArray(meetings.data.meetings) ? meetings.data.meetings : [];
  return (
    <>
      <PageTitle>Resource Allocation Group</PageTitle>
      <p class="lead">Plans above their indicative range, or with NHS funding, come here for a decision with council, NHS and housing colleagues.</p>
      {recorded && (
        <p class="success" role="status" data-testid="meeting-recorded">
          Meeting of {formatDate(recorded.held_on)} recorded with {recorded.decisions.length} {recorded.decisions.length === 1 ? 'decision' : 'decisions'}.
        </p>
      )}
      {queue.loading && <Loading what="Loading the queue" />}
      <ErrorMessage error={queue.error} title="The queue could not be loaded" />
      {queue.data && plans.length === 0 && <p>No plans are waiting for the panel.</p>}
      {queue.data && plans.length > 0 && (
        <>
          <fieldset class="view-switch no-print">
            <legend>Show the agenda</legend>
            <div class="radios radios--inline">
              {[
                ['one', 'One plan at a time'],
                ['list', 'As a compact list'],
              ].map(([code, label]) => (
                <div class="radio" key={code}>
                  <input type="radio" id={`view-${code}`} name="agenda-view" checked={view === code} onChange={() => setQuery({ view: code === 'list' ? 'list' : '' })} />
                  <label for={`view-${code}`}>{label}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <MeetingForm
            plans={plans}
            details={details}
            lastMeeting={held[0] || null}
            canRecord={can(user, 'panel.record')}
            view={view}
            current={current}
            onRecorded={(meeting) => {
              setRecorded(meeting);
              setQuery({ plan: '' });
              queue.reload();
              meetings.reload();
            }}
          />
        </>
      )}
      <h2>Meetings</h2>
      <ErrorMessage error={meetings.error} title="Meetings could not be loaded" />
      {meetings.data && held.length === 0 && <p class="muted">No meetings recorded yet.</p>}
      {meetings.data && held.length > 0 && (
        <ul data-testid="meetings">
          {held.slice(0, 10).map((meeting) => (
            <li key={meeting.id}>
              {formatDate(meeting.held_on)}: {(meeting.decisions || []).length} {(meeting.decisions || []).length === 1 ? 'decision' : 'decisions'}; present:{' '}
              {(meeting.members || []).map((member) => `${member.name} (${member.role}, ${member.agency})`).join('; ')}
              {meeting.recorded_by ? `; recorded by ${userName(meeting.recorded_by)}` : ''}
              {meeting.decisions_withheld > 0 && (
                <span class="hint">
                  {' '}
                  ({meeting.decisions_withheld} {meeting.decisions_withheld === 1 ? 'decision is' : 'decisions are'} about people outside your care teams and not shown)
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
