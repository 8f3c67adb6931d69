import { useCallback, useState } from 'react';

/** A button's request (revoke, resend, ...): pending while it runs, its failure kept to show. */
export function useAction(): { pending: boolean; error: unknown; run: (action: () => Promise<unknown>) => void } {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback((action: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    action().then(
      () => setPending(false),
      (failure: unknown) => {
        setPending(false);
        setError(failure);
      },
    );
  }, []);
  return { pending, error, run };
}
