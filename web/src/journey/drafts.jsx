// Drafts of an assessment or a support plan, saved as the user types, and the
// draft's status with what to do after a conflict.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, enc } from '../shared/api.js';
import { formatDate } from '../shared/format.js';

// A draft ("assessment" or "plan") saved as the user types: a debounced PUT with
// the row_version last read or written. A copy is also kept in this browser, so a
// sign-in that timed out or a lost connection never loses what was typed.
// status: loading | clean | unsaved | saving | saved | conflict | failed
export function useDraft(personId, kind, { delay = 800 } = {}) {
  const storageKey = `allot-draft:${personId}:${kind}`;
  const [status, setStatus] = useState('loading');
  const [initial, setInitial] = useState(undefined);
  const [info, setInfo] = useState({ savedAt: null, updatedBy: null, error: null });
  const rowVersion = useRef(null);
  const pending = useRef(null);
  const timer = useRef(null);
  const busy = useRef(false);
  const conflicted = useRef(false);

  const remember = (document) => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify({ base: rowVersion.current, document }));
    } catch {
      // storage full or refused: the server copy still counts
    }
  };
  const forget = () => {
    try {
      sessionStorage.removeItem(storageKey);
    } catch {
      // nothing to do
    }
  };

  const fetchDraft = async () => {
    try {
      return await api.get(`/people/${enc(personId)}/drafts/${kind}`);
    } catch (error) {
      if (error.status === 404) return null;
      throw error;
    }
  };

  useEffect(() => {
    let live = true;
    fetchDraft().then(
      (draft) => {
        if (!live) return;
        rowVersion.current = draft ? draft.row_version : null;
        let local = null;
        try {
          local = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
        } catch {
          local = null;
        }
        // Typing not yet saved on top of the version the server still has: keep it.
        if (local && local.document && local.base === rowVersion.current) {
          setInitial({ document: local.document, restored: true });
          pending.current = local.document;
          setStatus('unsaved');
          timer.current = setTimeout(flush, 50);
        } else {
          setInitial({ document: draft ? draft.document : null, restored: false });
          setStatus(draft ? 'saved' : 'clean');
          if (draft) setInfo({ savedAt: draft.updated_at, updatedBy: draft.updated_by, error: null });
        }
      },
      (error) => {
        if (!live) return;
        setInitial({ document: null, restored: false });
        setStatus('failed');
        setInfo({ savedAt: null, updatedBy: null, error });
      },
    );
    return () => {
      live = false;
      clearTimeout(timer.current);
    };
  }, [personId, kind]);

  async function flush() {
    if (busy.current || conflicted.current || pending.current === null) return;
    const document = pending.current;
    pending.current = null;
    busy.current = true;
    setStatus('saving');
    try {
      const saved = await api.put(`/people/${enc(personId)}/drafts/${kind}`, { row_version: rowVersion.current, document });
      rowVersion.current = saved.row_version;
      if (pending.current === null) {
        forget();
        setStatus('saved');
      }
      setInfo({ savedAt: saved.updated_at, updatedBy: saved.updated_by, error: null });
    } catch (error) {
      if (pending.current === null) pending.current = document;
      remember(pending.current);
      if (error.status === 409) {
        conflicted.current = true;
        setStatus('conflict');
        const theirs = await fetchDraft().catch(() => null);
        setInfo({ savedAt: theirs && theirs.updated_at, updatedBy: theirs && theirs.updated_by, error });
      } else {
        setStatus('failed');
        setInfo((previous) => ({ ...previous, error }));
      }
    } finally {
      busy.current = false;
    }
    if (pending.current !== null && !conflicted.current) timer.current = setTimeout(flush, delay);
  }

  const change = (document) => {
    pending.current = document;
    remember(document);
    if (conflicted.current) return;
    setStatus('unsaved');
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, delay);
  };

  // After a conflict: save what is on this page over the newer draft.
  const keepMine = async () => {
    const theirs = await fetchDraft();
    rowVersion.current = theirs ? theirs.row_version : null;
    conflicted.current = false;
    remember(pending.current);
    await flush();
  };

  // After a conflict: the newer draft; the caller keeps what was typed to put back.
  const loadTheirs = async () => {
    const theirs = await fetchDraft();
    rowVersion.current = theirs ? theirs.row_version : null;
    conflicted.current = false;
    pending.current = null;
    forget();
    setStatus('saved');
    setInfo({ savedAt: theirs && theirs.updated_at, updatedBy: theirs && theirs.updated_by, error: null });
    return theirs ? theirs.document : null;
  };

  const retry = () => {
    clearTimeout(timer.current);
    flush();
  };

  // Before completing: stop autosaving (a save in flight after the step would
  // bring the draft back); `change` starts it again if the step is refused.
  const pause = () => {
    clearTimeout(timer.current);
    pending.current = null;
  };

  // A completed assessment or a saved plan removes the server's draft.
  const finished = () => {
    clearTimeout(timer.current);
    pending.current = null;
    conflicted.current = false;
    rowVersion.current = null;
    forget();
    setStatus('clean');
  };

  return { status, initial, info, change, keepMine, loadTheirs, retry, finished, pause };
}

// "Saved", "Saving…", the conflict and failures, announced politely; and what to
// do when someone else saved the draft first: save
// ours over theirs, or load theirs (`onTheirs(document)`) keeping ours (`current`)
// to put back with `onRestore(document)`.
export function DraftStatus({ draft, current, onTheirs, onRestore, restoreLabel }) {
  const { status, info } = draft;
  const [mine, setMine] = useState(null);
  // Theirs goes on the page first; only then is there anything to put back.
  const loadTheirs = async () => {
    const kept = current;
    onTheirs(await draft.loadTheirs());
    setMine(kept);
  };
  let text = '';
  if (status === 'saving') text = 'Saving…';
  else if (status === 'unsaved') text = 'Changes not saved yet';
  else if (status === 'saved') text = info.savedAt ? `Draft saved ${formatDate(info.savedAt)}` : 'Draft saved';
  else if (status === 'clean') text = 'Nothing typed yet';
  return (
    <div class="draft-status no-print" data-testid="draft-status" data-status={status}>
      <p aria-live="polite" class="small">
        {text}
      </p>
      {status === 'conflict' && (
        <div class="notice" role="alert" data-testid="draft-conflict">
          <p>
            Someone else{info.updatedBy ? ` (${info.updatedBy})` : ''} saved this draft{info.savedAt ? ` at ${formatDate(info.savedAt)}` : ''} after you opened it. What you typed is still
            on this page and kept in this browser.
          </p>
          <p>
            <button type="button" class="button" onClick={() => draft.keepMine()}>
              Save mine over theirs
            </button>{' '}
            <button type="button" class="button button--secondary" onClick={loadTheirs}>
              Load their draft (you can put yours back)
            </button>
          </p>
        </div>
      )}
      {status === 'failed' && (
        <div class="notice" role="alert">
          <p>
            The draft could not be saved{info.error ? `: ${info.error.message}` : ''}. What you typed is kept in this browser{info.error && info.error.status === 401 ? '; sign in again in another tab, then' : ','} try again.
          </p>
          <button type="button" class="button button--secondary" onClick={draft.retry}>
            Try saving again
          </button>
        </div>
      )}
      {mine && (
        <p class="notice">
          Their draft is loaded.{' '}
          <button
            type="button"
            class="button button--small"
            onClick={() => {
              onRestore(mine);
              setMine(null);
            }}
          >
            {restoreLabel}
          </button>
        </p>
      )}
    </div>
  );
}
