import { ConflictError } from '../../errors/lantern-error';

/**
 * Where a child-protection file transfer stands. The sender creates it `pending`; the
 * receiving school's system (or the receipt page) marks it `delivered`, a receiving DSL
 * opening it `viewed`, and their decision `accepted` or `rejected`. A transfer nobody
 * completes in time (the receipt link's 10 days, say) is `expired`. The last three are final.
 */
export const transferStates = ['pending', 'delivered', 'viewed', 'accepted', 'rejected', 'expired'] as const;
export type TransferState = (typeof transferStates)[number];

const nextStates: Readonly<Record<TransferState, readonly TransferState[]>> = {
  pending: ['delivered', 'expired'],
  delivered: ['viewed', 'expired'],
  // Accepting or rejecting needs a DSL to have opened it first: a decision is made on what was seen.
  viewed: ['accepted', 'rejected', 'expired'],
  accepted: [],
  rejected: [],
  expired: [],
};

/** The states a transfer in `from` may move to. */
export const allowedNextStates = (from: TransferState): readonly TransferState[] => nextStates[from];

export const mayMoveTo = (from: TransferState, to: TransferState): boolean => nextStates[from].includes(to);

/** True until the transfer is accepted, rejected or expired: the deadline clock still runs. */
export const isOpenTransferState = (state: TransferState): boolean => nextStates[state].length > 0;

export interface TransferStep {
  readonly state: TransferState;
  readonly at: string;
}

/** The part of a transfer its state machine reads and writes. */
export interface TransferProgress {
  readonly state: TransferState;
  /** Every state it has been in, oldest first, the first being `pending`. */
  readonly history: readonly TransferStep[];
}

/**
 * The transfer moved to `to` at `at`, or a ConflictError naming both states when the move is
 * not allowed (a receipt for a state it has passed, say). Moving to the state it is already
 * in is also refused: a repeated receipt must not add a step.
 */
export function moveTransfer<T extends TransferProgress>(transfer: T, to: TransferState, at: Date): T {
  if (!mayMoveTo(transfer.state, to)) {
    throw new ConflictError(`a transfer that is ${transfer.state} cannot become ${to}`);
  }
  return { ...transfer, state: to, history: [...transfer.history, { state: to, at: at.toISOString() }] };
}
