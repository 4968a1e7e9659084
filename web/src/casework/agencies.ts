/** The agencies a referral goes to, as a DSL names them (the API's `agency` values). */
export const AGENCIES = [
  ['childrens_social_care', "Children's social care / MASH"],
  ['early_help', 'Early help'],
  ['police', 'Police'],
  ['camhs', 'CAMHS'],
  ['prevent', 'Prevent / Channel'],
  ['lado', 'LADO'],
  ['other', 'Other'],
] as const;

const names = new Map<string, string>(AGENCIES);
export const agencyName = (agency: string) => names.get(agency) ?? agency;

const STATE_NAMES: Record<string, string> = { made: 'awaiting a response', acknowledged: 'acknowledged', outcome: 'outcome recorded' };
export const referralStateName = (state: string) => STATE_NAMES[state] ?? state;
