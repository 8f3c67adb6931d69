// Renders the role × permission matrix as Markdown for docs/access.md. A test checks that the
// file equals what this renders, so the document cannot drift from the code.
import { everyUserPermissions, permissions, roleDefinitions, roles } from './permissions.ts';

const scopeText = { global: 'everything', country: 'one State', organisation: 'one organisation' } as const;

export function renderAccessMatrix(): string {
  const lines: string[] = [
    '# Access: roles, scopes and permissions',
    '',
    '<!-- Generated from server/platform/access/permissions.ts by `npm run docs:access`; a test fails when it is out of date. -->',
    '',
    'Permissions are checked in one place (`server/platform/access/policy.ts`). A route declares what it',
    'needs (`config.access`: public, signed in, or a permission); the service then checks the record\'s',
    'scope: a grant scoped to one State reaches only that State\'s records, a grant scoped to one',
    'organisation only that organisation\'s. A record outside the actor\'s scope is answered as not found.',
    'Anonymous visitors see only what is published (routes marked public).',
    '',
    '## Roles',
    '',
    '| Role | Scope | Two-factor required | What it is for |',
    '|---|---|---|---|',
    ...roles.map((r) => {
      const d = roleDefinitions[r];
      return `| \`${r}\` | ${scopeText[d.scope]} | ${d.requiresTwoFactor ? 'yes' : 'no'} | ${d.description} |`;
    }),
    '',
    '## Permissions by role',
    '',
    `| Permission | ${roles.map((r) => `\`${r}\``).join(' | ')} |`,
    `|---|${roles.map(() => ':-:').join('|')}|`,
    ...permissions.map((p) => `| \`${p}\` | ${roles.map((r) => (roleDefinitions[r].permissions.includes(p) ? '✔' : '')).join(' | ')} |`),
    '',
    `Every signed-in user holds ${everyUserPermissions.map((p) => `\`${p}\``).join(' and ')} on their own account, with or without a role.`,
    'An API token acts for its owner, optionally limited to a subset of the owner\'s permissions; it',
    'never adds any. Until a session has passed the second factor (required by the roles marked above,',
    'or chosen by the user), it holds nothing but `account.manage_own`.',
    '',
  ];
  return lines.join('\n');
}
