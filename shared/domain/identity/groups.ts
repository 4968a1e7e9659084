/** Cognito groups, from DESIGN.md section 1. */
export const groups = ['staff', 'slt', 'dsl', 'admin'] as const;
export type Group = (typeof groups)[number];

export function isGroup(value: string): value is Group {
  return (groups as readonly string[]).includes(value);
}

/** Groups whose members may elevate with an authenticator. */
export const elevatableGroups: readonly Group[] = ['dsl', 'slt'];
