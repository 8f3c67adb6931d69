import { EventEmitter } from 'node:events';
import type { Authentication } from './authenticator.ts';

// Every cache in the process listens here; services announce changes after they commit.
const changes = new EventEmitter();
changes.setMaxListeners(0);

/**
 * Announces that a user's sessions, tokens, roles or status changed: every cache in this
 * process forgets what it knew of them at once. Call it after the change committed.
 */
export function credentialsChanged(userId: string): void {
  changes.emit('user', userId);
}

interface Entry {
  auth: Authentication;
  userId: string;
  /** When the entry stops being trusted. */
  freshUntil: number;
  /** The session's own limits, re-checked on every hit (Infinity for API tokens' idle time). */
  expiresAt: number;
  lastSeenAt: number;
  /** When last_seen_at / last_used_at was last written to the database. */
  touchedAt: number;
}

/**
 * Remembers resolved credentials for a few seconds so that an authenticated read costs no
 * database round trip. Changes made in this process take effect at once (credentialsChanged);
 * another process of a multi-node deployment sees them within `ttlSeconds`.
 */
export class CredentialCache {
  private readonly entries = new Map<string, Entry>();
  private readonly onChange = (userId: string) => {
    for (const [key, entry] of this.entries) if (entry.userId === userId) this.entries.delete(key);
  };

  constructor(private readonly ttlSeconds: number) {
    if (ttlSeconds > 0) changes.on('user', this.onChange);
  }

  get(key: string, idleMs: number, now = Date.now()): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now > entry.freshUntil || now > entry.expiresAt || now - entry.lastSeenAt > idleMs) {
      this.entries.delete(key);
      return undefined;
    }
    entry.lastSeenAt = now;
    return entry;
  }

  set(key: string, entry: Omit<Entry, 'freshUntil'>, now = Date.now()): void {
    if (this.ttlSeconds <= 0) return;
    // Bounded: a flood of distinct cookies must not grow memory without limit.
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(key, { ...entry, freshUntil: now + this.ttlSeconds * 1000 });
  }

  /** Stops listening; for apps that are closed while the process goes on (tests). */
  close(): void {
    changes.off('user', this.onChange);
    this.entries.clear();
  }
}
