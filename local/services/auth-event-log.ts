import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One sign-in, in the shape AdminListUserAuthEvents answers (CreationDate in epoch ms here). */
export interface RecordedSignIn {
  readonly EventId: string;
  readonly EventType: 'SignIn';
  readonly CreationDate: number;
  readonly EventResponse: 'Pass' | 'Fail' | 'InProgress';
  readonly ChallengeResponses: readonly { readonly ChallengeName: 'Password' | 'Mfa'; readonly ChallengeResponse: 'Success' | 'Failure' }[];
}

interface LogFile {
  /** Sign-ins by the user's `sub`, oldest first. */
  readonly signIns: Record<string, RecordedSignIn[]>;
  /** The sign-in a refresh token came from, with its `auth_time`: a refresh keeps both, as Cognito does. */
  readonly refreshTokens: Record<string, { readonly eventId: string; readonly authTime: number }>;
  /** Sign-ins waiting at a challenge, by the Session handed out with it. */
  readonly sessions: Record<string, { readonly sub: string; readonly eventId: string }>;
}

export function authEventLogFile(cognitoDirectory: string): string {
  return join(cognitoDirectory, 'auth-events.json');
}

/**
 * The sign-in history cognito-local does not keep: what the Plus tier's user activity log
 * records in AWS. A JSON file in the data directory, read and written whole on every change
 * (a handful of demo users), so it survives restarts and test files can read it too.
 */
export class AuthEventLog {
  constructor(private readonly file: string) {}

  signInsOf(sub: string): RecordedSignIn[] {
    return [...(this.read().signIns[sub] ?? [])];
  }

  record(sub: string, signIn: RecordedSignIn, session?: string): void {
    this.change((log) => {
      log.signIns[sub] = [...(log.signIns[sub] ?? []), signIn];
      if (session) log.sessions[session] = { sub, eventId: signIn.EventId };
    });
  }

  /** The sign-in a challenge's Session belongs to. */
  sessionOf(session: string): { sub: string; eventId: string } | undefined {
    return this.read().sessions[session];
  }

  forgetSession(session: string): void {
    this.change((log) => {
      delete log.sessions[session];
    });
  }

  /** A challenge answered with another challenge: the next Session belongs to the same sign-in. */
  continueSession(previous: string, next: string): void {
    this.change((log) => {
      const pending = log.sessions[previous];
      delete log.sessions[previous];
      if (pending) log.sessions[next] = pending;
    });
  }

  /** Ends (or, on a wrong code, marks) a sign-in that waited at a challenge. */
  settle(sub: string, eventId: string, outcome: 'Pass' | 'Fail', challenge?: RecordedSignIn['ChallengeResponses'][number]): void {
    this.change((log) => {
      log.signIns[sub] = (log.signIns[sub] ?? []).map((signIn) =>
        signIn.EventId === eventId ? { ...signIn, EventResponse: outcome, ChallengeResponses: challenge ? [...signIn.ChallengeResponses, challenge] : signIn.ChallengeResponses } : signIn,
      );
    });
  }

  rememberRefreshToken(refreshToken: string, origin: { eventId: string; authTime: number }): void {
    this.change((log) => {
      log.refreshTokens[refreshToken] = origin;
    });
  }

  originOf(refreshToken: string): { eventId: string; authTime: number } | undefined {
    return this.read().refreshTokens[refreshToken];
  }

  /** Moves a user's whole sign-in history by `ms` (tests that pretend it all happened earlier). */
  shift(sub: string, ms: number): void {
    this.change((log) => {
      log.signIns[sub] = (log.signIns[sub] ?? []).map((signIn) => ({ ...signIn, CreationDate: signIn.CreationDate + ms }));
    });
  }

  /** Records a copy of one of a user's sign-ins as a new one at `at` (tests that need an old sign-in); returns its id. */
  copyAt(sub: string, eventId: string, at: number): string | undefined {
    const original = this.signInsOf(sub).find((signIn) => signIn.EventId === eventId);
    if (!original) return undefined;
    const copy: RecordedSignIn = { ...original, EventId: randomUUID(), CreationDate: at };
    this.record(sub, copy);
    return copy.EventId;
  }

  private read(): LogFile {
    if (!existsSync(this.file)) return { signIns: {}, refreshTokens: {}, sessions: {} };
    return JSON.parse(readFileSync(this.file, 'utf8')) as LogFile;
  }

  private change(edit: (log: { signIns: Record<string, RecordedSignIn[]>; refreshTokens: Record<string, { eventId: string; authTime: number }>; sessions: Record<string, { sub: string; eventId: string }> }) => void): void {
    const log = structuredClone(this.read()) as Parameters<typeof edit>[0];
    edit(log);
    // Write then rename, so a reader never sees half a file.
    const partial = `${this.file}.partial`;
    writeFileSync(partial, JSON.stringify(log), { mode: 0o600 });
    renameSync(partial, this.file);
  }
}
