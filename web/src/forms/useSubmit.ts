import { useCallback, useState, type FormEvent } from 'react';

export interface Submission {
  pending: boolean;
  error: unknown;
  /** Bumped on every failure, so the alert is re-announced even when the text is unchanged. */
  attempt: number;
  onSubmit: (event?: FormEvent) => void;
  reset: () => void;
}

/** Runs `action` on submit: one request at a time, its failure kept for the form to show. */
export function useSubmit(action: () => Promise<void>): Submission {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  const onSubmit = useCallback(
    (event?: FormEvent) => {
      event?.preventDefault();
      if (pending) return;
      setPending(true);
      setError(null);
      action().then(
        () => setPending(false),
        (failure: unknown) => {
          setPending(false);
          setError(failure);
          setAttempt((n) => n + 1);
        },
      );
    },
    [action, pending],
  );

  const reset = useCallback(() => setError(null), []);
  return { pending, error, attempt, onSubmit, reset };
}
