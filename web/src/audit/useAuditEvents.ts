import { useCallback, useEffect, useRef, useState } from 'react';
import { listAuditEvents, type AuditEvent, type AuditFilters } from './auditApi.ts';

export interface AuditPages {
  events: AuditEvent[];
  /** Cursor for the next (older) page; null when there is none. */
  nextBefore: number | null;
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  loadMore: () => void;
  retry: () => void;
}

const pageSize = 50;

/** Newest events first for `filters`; "load more" appends the next older page. */
export function useAuditEvents(filters: AuditFilters): AuditPages {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [status, setStatus] = useState<AuditPages['status']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(
    (before: number | undefined) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setStatus('loading');
      listAuditEvents(filters, before, pageSize, current.signal).then(
        (page) => {
          if (current.signal.aborted) return;
          setEvents((previous) => (before ? [...previous, ...page.events] : page.events));
          setNextBefore(page.nextBefore);
          setStatus('ready');
        },
        (failure: unknown) => {
          if (current.signal.aborted) return;
          setError(failure);
          setStatus('error');
        },
      );
    },
    [filters],
  );

  useEffect(() => {
    setEvents([]);
    load(undefined);
    return () => controller.current?.abort();
  }, [load, attempt]);

  return {
    events,
    nextBefore,
    status,
    error,
    loadMore: () => nextBefore && load(nextBefore),
    retry: () => setAttempt((n) => n + 1),
  };
}
