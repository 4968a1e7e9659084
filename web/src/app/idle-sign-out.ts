import { useEffect } from 'react';
import { DEFAULT_IDLE_MINUTES, IdleTimer } from './idle-timer';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'input'] as const;

/** Signs out after the school's idle time (from GET /v1/school), or the default until it is known. */
export function useIdleSignOut(active: boolean, schoolMinutes: number | undefined, signOut: (reason: string) => void): void {
  const minutes = schoolMinutes ?? DEFAULT_IDLE_MINUTES;
  useEffect(() => {
    if (!active) return;
    const timer = new IdleTimer(minutes * 60_000, () => signOut(`You were signed out after ${minutes} minutes without use.`), window);
    const touch = () => timer.touch();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true });
    timer.touch();
    return () => {
      timer.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch);
    };
  }, [active, minutes, signOut]);
}
