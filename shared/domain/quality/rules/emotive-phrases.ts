/**
 * The maintained list of emotive or loaded phrases (seed 002: "eg. ‘kicked off’, ‘having a
 * tantrum’, ‘he really hurt me’, ‘she couldn’t care less’"), each with what to write
 * instead. Whole words only; never flagged inside a direct quote. Add to it here.
 */
export interface EmotivePhrase {
  readonly phrases: readonly string[];
  readonly instead: string;
}

const describeBehaviour = 'describe what you saw and heard, e.g. "shouting and tipping over classroom chairs"';

export const emotivePhrases: readonly EmotivePhrase[] = [
  { phrases: ['kicking off', 'kicked off', 'kicks off', 'kick off', 'kicked-off'], instead: describeBehaviour },
  { phrases: ['tantrum', 'tantrums', 'having a tantrum', 'threw a tantrum'], instead: 'describe the behaviour, e.g. "displayed dysregulated behaviour: lying on the floor and screaming"' },
  { phrases: ['absolutely wild', 'went wild', 'wild'], instead: describeBehaviour },
  { phrases: ["couldn't care less", 'could not care less', 'not bothered', "didn't care", 'did not care'], instead: 'write what the pupil did or said, e.g. "he carried on running and did not look back"' },
  { phrases: ['flew out', 'flew off', 'stormed out', 'stormed off'], instead: 'say how they left, e.g. "Derek left the classroom"' },
  { phrases: ['really upset me', 'really hurt me', 'upset me', 'made me so angry'], instead: 'keep to the facts about the pupil; how it affected you is not part of the record' },
  { phrases: ['lost it', 'lost the plot', 'went mental', 'went berserk', 'went crazy', 'went ballistic', 'flipped out', 'meltdown', 'hysterical'], instead: describeBehaviour },
  { phrases: ['naughty', 'vile', 'horrible', 'spoilt', 'brat', 'feral', 'little madam', 'a nightmare', 'monster'], instead: 'describe the behaviour, not the child' },
  { phrases: ['attention seeking', 'attention-seeking', 'manipulative', 'out of control', 'time and time again', 'just ignores me'], instead: 'write what happened this time, with what was seen and heard' },
];
