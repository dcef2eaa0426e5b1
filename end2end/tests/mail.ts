// What the portal emailed: the outbox folder stands in for the council's mail server.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The path (and query) of the newest link beginning with `path` in an email to `to`. */
export function emailedLink(to: string, path: string): string {
  const outbox = join(process.env.PORTAL_DATA_DIR!, 'outbox');
  const mails = readdirSync(outbox)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => readFileSync(join(outbox, f), 'utf8'))
    .filter((m) => m.includes(`To: ${to.toLowerCase()}`));
  for (const mail of mails.reverse()) {
    const found = mail.match(new RegExp(`${path}\\S*`));
    if (found) return found[0];
  }
  throw new Error(`no email to ${to} with a link to ${path}`);
}
