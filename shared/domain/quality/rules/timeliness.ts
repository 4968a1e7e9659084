import type { QualityRule } from '../finding';

/**
 * Seed 002: "a timely log is created – information is added as soon as possible" and "the
 * correct date and time are included – time/date of the incident, and not when the entry
 * is being created". The school sets how late is late (`lateEntryHours`).
 */
export const timeliness: QualityRule = (_text, context) => {
  if (!context.draftOccurredAt) return [];
  const hoursLate = (context.now.getTime() - Date.parse(context.draftOccurredAt)) / 3_600_000;
  if (!(hoursLate >= context.lateEntryHours.advice)) return [];
  const severity = hoursLate >= context.lateEntryHours.important ? 'important' : 'advice';
  return [
    {
      rule: 'timeliness',
      severity,
      explanation: `This is being written ${describeDelay(hoursLate)} after it happened. Seed 002 asks that a log is made as soon as possible, while details are fresh.`,
      fix: 'Record concerns the same day. If this is late, say in the text why, and check the date and time field holds when it happened, not now.',
    },
  ];
};

function describeDelay(hours: number): string {
  if (hours < 48) return `about ${Math.round(hours)} hours`;
  const days = Math.round(hours / 24);
  return `about ${days} days`;
}
