import type { Generated } from 'kysely';
import type { Language } from '../i18n.ts';
import type { Permission, Role } from './permissions.ts';

export type UserStatus = 'invited' | 'active' | 'suspended';
export type OneTimePurpose = 'invitation' | 'password_reset';

export interface AccessTables {
  users: {
    id: Generated<string>;
    /** Stored lower-case; unique. */
    email: string;
    display_name: string;
    organisation_id: string;
    preferred_language: Language;
    status: UserStatus;
    /** argon2id; null until the invitation is accepted. */
    password_hash: string | null;
    /** TOTP secret sealed with the master key (see platform/crypto); null when not enrolled. */
    totp_secret_sealed: string | null;
    totp_enabled_at: Date | null;
    /** The last 30-second step a code was accepted for (replay protection); see access-2.migration. */
    totp_last_step: number | null;
    last_sign_in_at: Date | null;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  role_grants: {
    id: Generated<string>;
    user_id: string;
    role: Role;
    /** For country-scoped roles (state_focal_point). */
    country_iso3: string | null;
    /** For organisation-scoped roles (agency_focal_point, ngo_contributor, donor). */
    organisation_id: string | null;
    granted_by: string | null;
    is_demo: Generated<boolean>;
    created_at: Generated<Date>;
  };
  sessions: {
    /** SHA-256 of the cookie's token: a stolen table does not give working cookies. */
    id: string;
    user_id: string;
    /** Sent back in the X-CSRF-Token header on cookie-authenticated writes. */
    csrf_token: string;
    two_factor_passed: boolean;
    ip: string | null;
    user_agent: string | null;
    created_at: Generated<Date>;
    last_seen_at: Generated<Date>;
    /** Absolute expiry; idle expiry is last_seen_at + the idle timeout. */
    expires_at: Date;
    revoked_at: Date | null;
  };
  api_tokens: {
    id: Generated<string>;
    user_id: string;
    name: string;
    /** The first characters, to recognise a token in lists; never enough to use it. */
    prefix: string;
    token_hash: string;
    /** Null: everything the owner may do; else only these (never more than the owner's). */
    permissions: Permission[] | null;
    expires_at: Date;
    revoked_at: Date | null;
    last_used_at: Date | null;
    created_at: Generated<Date>;
  };
  one_time_tokens: {
    id: Generated<string>;
    purpose: OneTimePurpose;
    user_id: string;
    token_hash: string;
    expires_at: Date;
    used_at: Date | null;
    created_at: Generated<Date>;
  };
  recovery_codes: {
    id: Generated<string>;
    user_id: string;
    code_hash: string;
    used_at: Date | null;
  };
  /** Failed sign-ins per key (`account:<email>` or `address:<ip>`), for throttling with back-off. */
  sign_in_throttle: {
    key: string;
    failures: number;
    window_started_at: Date;
    locked_until: Date | null;
  };
  mail_outbox: {
    id: Generated<string>;
    to_address: string;
    subject: string;
    body_text: string;
    /** 'smtp' when sent through the configured server, 'outbox' when kept here for an administrator. */
    transport: 'smtp' | 'outbox';
    sent_at: Date | null;
    error: string | null;
    created_at: Generated<Date>;
  };
}
