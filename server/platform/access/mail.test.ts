import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../db/database.ts';
import { testDatabase } from '../../../test/helpers/database.ts';
import { sendMail } from './mail.ts';
import { invitationMail, passwordResetMail } from './mail.messages.ts';
import { languages } from '../i18n.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

let database: Database;
let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];

before(async () => {
  database = await testDatabase();
  // A real SMTP server on a loopback port: the client under test speaks the actual protocol to it.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

after(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.close();
});

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The Subject header, with RFC 2047 encoded words decoded. */
function subjectOf(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return header.replace(/\r?\n[ \t]/g, '').replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

/** The decoded text body of a received message (nodemailer sends UTF-8 quoted-printable or base64). */
function bodyOf(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return decodeQuotedPrintable(body);
  return body;
}

test('with SMTP configured, the mail reaches the server and the outbox records it as sent, without the secret', async () => {
  const secret = 'secret-token-abc123';
  const mail = invitationMail('fr', { displayName: 'Amina Diallo', organisationName: 'UNODC', link: `https://hub.example.org/accept-invitation?token=${secret}`, days: 7 });
  const result = await sendMail(database.db, { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, mailFrom: 'TIP Hub <hub@example.org>' }, { to: 'amina@example.org', subject: mail.subject, text: mail.text, secrets: [secret] });

  assert.deepEqual({ transport: result.transport, sent: result.sent, error: result.error }, { transport: 'smtp', sent: true, error: null });
  assert.equal(received.length, 1);
  const message = received[0]!;
  assert.equal(message.from, 'hub@example.org');
  assert.deepEqual(message.to, ['amina@example.org']);
  assert.equal(subjectOf(message.data), 'Votre invitation à TIP Hub');
  const body = bodyOf(message.data);
  assert.match(body, /Vous êtes invité\(e\)/);
  assert.ok(body.includes(`token=${secret}`), 'the recipient gets the working link');

  const row = await database.db.selectFrom('mail_outbox').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow();
  assert.equal(row.transport, 'smtp');
  assert.ok(row.sent_at);
  assert.equal(row.error, null);
  assert.ok(!row.body_text.includes(secret), 'the stored copy of a sent mail does not keep the token');
  assert.match(row.body_text, /\[redacted\]/);
});

test('an unreachable SMTP server is recorded as an error, not thrown', async () => {
  // Port 1 on loopback: nothing listens there, the connection is refused at once.
  const result = await sendMail(database.db, { smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'hub@example.org' }, { to: 'x@example.org', subject: 'S', text: 'T' });
  assert.equal(result.sent, false);
  assert.ok(result.error);
  const row = await database.db.selectFrom('mail_outbox').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow();
  assert.equal(row.sent_at, null);
  assert.ok(row.error);
});

test('without SMTP, the mail stays in the outbox whole, for an administrator', async () => {
  const before = received.length;
  const result = await sendMail(database.db, { smtpUrl: undefined, mailFrom: 'hub@example.org' }, { to: 'b@example.org', subject: 'Hello', text: 'link token=xyz', secrets: ['xyz'] });
  assert.deepEqual({ transport: result.transport, sent: result.sent }, { transport: 'outbox', sent: false });
  assert.equal(received.length, before);
  const row = await database.db.selectFrom('mail_outbox').selectAll().where('id', '=', result.id).executeTakeFirstOrThrow();
  assert.equal(row.transport, 'outbox');
  assert.equal(row.body_text, 'link token=xyz');
});

test('invitation and password-reset mails exist in the six UN languages and carry the link', () => {
  const subjects = new Set<string>();
  for (const language of languages) {
    const invite = invitationMail(language, { displayName: 'N', organisationName: 'O', link: 'https://x/accept?token=T', days: 7 });
    const reset = passwordResetMail(language, { displayName: 'N', link: 'https://x/reset?token=R', minutes: 60 });
    assert.ok(invite.text.includes('https://x/accept?token=T') && invite.text.includes('7'), language);
    assert.ok(reset.text.includes('https://x/reset?token=R') && reset.text.includes('60'), language);
    subjects.add(invite.subject);
    subjects.add(reset.subject);
  }
  assert.equal(subjects.size, 12, 'every language has its own wording');
});
