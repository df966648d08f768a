// A long job on the server (docs/api.md, "Jobs": a simulation, a visit schedule):
// start it, follow GET /jobs/{id} until it ends, stop it. One hook for every page
// that runs one.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, enc } from './api.js';
import { jobError } from './errors.js';

export const jobRunning = (job) => !!job && (job.status === 'running' || job.status === 'queued');

// pollMs: how often to ask; failed: the message when a failed job gives none;
// stopOnLeave: stop a job still running when the page goes (nothing could show
// its result, and the server runs only a few at once).
// Returns {job, busy, running, error, setError, start, stop}; `error` is the
// page's to use for its other problems too.
export function useJob({ pollMs = 400, failed = 'The job failed.', stopOnLeave = false } = {}) {
  const [job, setJob] = useState(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const timer = useRef(null);
  const current = useRef(null);
  const live = useRef(true);

  useEffect(
    () => () => {
      live.current = false;
      clearTimeout(timer.current);
      if (stopOnLeave && current.current) api.del(`/jobs/${enc(current.current)}`).catch(() => {});
    },
    [],
  );

  const ended = () => {
    current.current = null;
    setBusy(false);
  };

  const follow = (jobId) => {
    timer.current = setTimeout(async () => {
      try {
        const state = await api.get(`/jobs/${enc(jobId)}`);
        if (!live.current) return;
        setJob(state);
        if (jobRunning(state)) follow(jobId);
        else {
          ended();
          if (state.status === 'failed') setError(jobError(state, failed));
        }
      } catch (caught) {
        if (!live.current) return;
        ended();
        setError(caught);
      }
    }, pollMs);
  };

  // `send()` asks the server to start the job and answers {job_id}; `first` is
  // the job shown until then.
  const start = async (send, first = { status: 'queued', progress: {} }) => {
    clearTimeout(timer.current);
    setBusy(true);
    setJob(first);
    try {
      const started = await send();
      current.current = started.job_id;
      setJob({ ...first, id: started.job_id, status: 'running' });
      follow(started.job_id);
    } catch (caught) {
      setBusy(false);
      setJob(null);
      setError(caught);
    }
  };

  // Asks the server to stop the job; the next poll shows how it ended.
  const stop = async () => {
    if (!job || !job.id) return;
    try {
      await api.del(`/jobs/${enc(job.id)}`);
    } catch (caught) {
      // 409: it had already ended; the next poll shows how.
      if (caught.status !== 409) setError(caught);
    }
  };

  return { job, busy, running: jobRunning(job), error, setError, start, stop };
}
