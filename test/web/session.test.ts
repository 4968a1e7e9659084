import { describe, expect, it } from 'vitest';
import { needsRefresh, readSession, SESSION_KEY, sessionFromTokens, writeSession } from '../../web/src/auth/session-store';
import { IdleTimer } from '../../web/src/app/idle-timer';
import { isBlankScreenShortcut } from '../../web/src/app/blank-screen';
import { cognitoEndpoint } from '../../web/src/auth/cognito';
import { MemoryStorage } from './memory-storage';

describe('the signed-in session', () => {
  it('keeps tokens in the storage it is given (sessionStorage in the app) and reads them back', () => {
    // Prepare
    const storage = new MemoryStorage();
    const session = sessionFromTokens({ accessToken: 'access', idToken: 'id', refreshToken: 'refresh', expiresIn: 3600 }, 'sam.carter@oakfield.example', 1_000);

    // Act
    writeSession(storage, session);

    // Assess
    expect(readSession(storage)).toEqual({ accessToken: 'access', idToken: 'id', refreshToken: 'refresh', expiresAt: 3_601_000, email: 'sam.carter@oakfield.example' });
    expect([...storage.items.keys()]).toEqual([SESSION_KEY]);
  });

  it('refreshes a minute before the access token lapses', () => {
    // Prepare
    const session = sessionFromTokens({ accessToken: 'a', idToken: 'i', expiresIn: 3600 }, 'e', 0);

    // Act
    const early = needsRefresh(session, 3_600_000 - 61_000);
    const late = needsRefresh(session, 3_600_000 - 59_000);

    // Assess
    expect(early).toBe(false);
    expect(late).toBe(true);
  });

  it('signs out once the idle time passes with no activity, and activity postpones it', () => {
    // Prepare
    let now = 0;
    const timers = new Map<number, { at: number; run: () => void }>();
    let nextId = 1;
    const host = {
      setTimeout: (run: () => void, ms: number) => {
        timers.set(nextId, { at: now + ms, run });
        return nextId++;
      },
      clearTimeout: (id: number) => void timers.delete(id),
    };
    const advance = (ms: number) => {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at > now) continue;
        timers.delete(id);
        timer.run();
      }
    };
    let signedOut = 0;
    const idle = new IdleTimer(10 * 60_000, () => signedOut++, host);

    // Act
    idle.touch();
    advance(9 * 60_000);
    idle.touch();
    advance(9 * 60_000);
    const beforeIdle = signedOut;
    advance(60_000);

    // Assess
    expect(beforeIdle).toBe(0);
    expect(signedOut).toBe(1);
  });

  it('recognises Alt+Shift+B, and only that, as the blank-screen shortcut', () => {
    // Act
    const shortcut = isBlankScreenShortcut({ altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, code: 'KeyB' });
    const typing = isBlankScreenShortcut({ altKey: false, shiftKey: true, ctrlKey: false, metaKey: false, code: 'KeyB' });

    // Assess
    expect(shortcut).toBe(true);
    expect(typing).toBe(false);
  });

  it("uses the Cognito endpoint GET /v1/config gives, else the region's AWS endpoint", () => {
    // Act
    const local = cognitoEndpoint({ region: 'eu-west-2', cognitoEndpoint: 'http://127.0.0.1:9229' });
    const aws = cognitoEndpoint({ region: 'eu-west-2' });

    // Assess
    expect(local).toBe('http://127.0.0.1:9229');
    expect(aws).toBe('https://cognito-idp.eu-west-2.amazonaws.com/');
  });
});
