import { fakeDeps, InMemoryAlertGroupDirectory, InMemoryStaffDirectory, InMemoryStudentDirectory } from './fake-deps';
import { everyAlertGroup, everyPupil, everyStaffMember } from './school-cast';

/** In-memory deps holding the school cast: its staff, pupils and alert groups. */
export function schoolDeps() {
  return fakeDeps({
    staff: new InMemoryStaffDirectory(everyStaffMember),
    students: new InMemoryStudentDirectory(everyPupil),
    alertGroups: new InMemoryAlertGroupDirectory([...everyAlertGroup]),
  });
}

export type SchoolDeps = ReturnType<typeof schoolDeps>;
