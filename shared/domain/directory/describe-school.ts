import type { Deps } from '../deps';

/** What the recording form needs to know of the school: its locations and sessions. */
export async function describeSchool(deps: Pick<Deps, 'school' | 'schoolProfile'>) {
  const profile = await deps.schoolProfile.get();
  return {
    id: deps.school.id,
    name: deps.school.name,
    timezone: deps.school.timezone,
    locations: [...profile.locations],
    timetable: { ...profile.timetable },
    idleSignOutMinutes: profile.idleSignOutMinutes,
  };
}
