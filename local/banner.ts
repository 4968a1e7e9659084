import { relative } from 'node:path';
import type { LocalDemoUser, LocalFacts } from './local-facts';

const ROLE_ORDER = ['dsl', 'slt', 'admin', 'staff'] as const;
const ROLE_LABEL: Record<(typeof ROLE_ORDER)[number], string> = { dsl: 'DSL', slt: 'SLT', admin: 'Admin', staff: 'Staff' };

/** The few lines `npm start` prints once the local twin is ready. */
export function formatBanner(facts: LocalFacts, options: { startupSeconds: number; cwd?: string }): string {
  const where = (path: string) => {
    const shown = relative(options.cwd ?? process.cwd(), path);
    return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
  };
  const users = [...facts.users].sort((a, b) => rank(a) - rank(b));
  const emailWidth = Math.max(...users.map((user) => user.email.length));
  const lines = [
    '',
    `Lantern is running: ${facts.school.name} (local twin, ready in ${options.startupSeconds} s)`,
    `  Staff app ${facts.apiUrl}/   (sign in as a demo user below)`,
    `  API       ${facts.apiUrl}   (GET /health, /v1/openapi.json)`,
    `  Emails    ${facts.emails.url}   (JSON: ${facts.emails.storeUrl}; kept in memory, gone on restart)`,
    `  Events    ${facts.events.eventsUrl}`,
    `  Cognito   ${facts.cognito.endpoint}   pool ${facts.cognito.userPoolId}, client ${facts.cognito.clientId}`,
    `  Data      ${where(facts.dataDir)}   (facts for scripts: ${where(`${facts.dataDir}/local.json`)}; \`npm start -- --fresh\` wipes it)`,
    '',
    '  Demo users (every name is fictional):',
    ...users.map((user) => {
      const totp = user.totpSecret ? `   TOTP secret ${user.totpSecret}` : '';
      return `    ${roleOf(user).padEnd(5)} ${user.email.padEnd(emailWidth)}  ${user.password}   ${user.jobTitle}${totp}`;
    }),
    '',
    'Ctrl-C stops everything.',
    '',
  ];
  return lines.join('\n');
}

function roleOf(user: LocalDemoUser): string {
  const role = ROLE_ORDER.find((candidate) => user.groups.includes(candidate));
  return role ? ROLE_LABEL[role] : user.groups.join(',');
}

function rank(user: LocalDemoUser): number {
  const index = ROLE_ORDER.findIndex((candidate) => user.groups.includes(candidate));
  return index === -1 ? ROLE_ORDER.length : index;
}
