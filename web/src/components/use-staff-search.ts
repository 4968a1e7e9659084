import { useCallback } from 'react';
import { useSession } from '../app/session';
import type { StaffRef } from '../record/draft';
import type { Option } from './Typeahead';

/** A Typeahead search over GET /v1/staff: "Name — Job title", choosing the member's id and name. */
export function useStaffSearch(): (text: string) => Promise<Option<StaffRef>[]> {
  const { api } = useSession();
  return useCallback(
    async (text: string) => (await api.searchStaff(text)).map((member) => ({ key: member.id, label: `${member.name} — ${member.jobTitle}`, value: { id: member.id, name: member.name } })),
    [api],
  );
}
