import { describe, expect, it } from 'vitest';
import { allowedNextStates, isOpenTransferState, moveTransfer, transferStates, type TransferProgress, type TransferState } from '../../../../shared/domain/transfers/transfer-state';
import { ConflictError } from '../../../../shared/errors/lantern-error';

const pending: TransferProgress = { state: 'pending', history: [{ state: 'pending', at: '2026-11-02T09:00:00.000Z' }] };
const inState = (state: TransferState): TransferProgress => ({ state, history: [...pending.history, { state, at: '2026-11-02T10:00:00.000Z' }] });

const allowed: [TransferState, TransferState][] = [
  ['pending', 'delivered'],
  ['pending', 'expired'],
  ['delivered', 'viewed'],
  ['delivered', 'expired'],
  ['viewed', 'accepted'],
  ['viewed', 'rejected'],
  ['viewed', 'expired'],
];
const refused = transferStates.flatMap((from) => transferStates.map((to) => [from, to] as [TransferState, TransferState])).filter(([from, to]) => !allowed.some(([a, b]) => a === from && b === to));

describe('transfer states', () => {
  it('moves pending → delivered → viewed → accepted, keeping each step and when', () => {
    // Prepare
    const times = ['2026-11-02T10:00:00.000Z', '2026-11-03T08:30:00.000Z', '2026-11-03T09:00:00.000Z'];

    // Act
    const delivered = moveTransfer(pending, 'delivered', new Date(times[0]!));
    const viewed = moveTransfer(delivered, 'viewed', new Date(times[1]!));
    const accepted = moveTransfer(viewed, 'accepted', new Date(times[2]!));

    // Assess
    expect(accepted.state).toBe('accepted');
    expect(accepted.history).toEqual([pending.history[0], { state: 'delivered', at: times[0] }, { state: 'viewed', at: times[1] }, { state: 'accepted', at: times[2] }]);
    expect(pending.state).toBe('pending');
  });

  it.each(allowed)('allows %s → %s', (from, to) => {
    // Prepare
    const transfer = from === 'pending' ? pending : inState(from);

    // Act
    const moved = moveTransfer(transfer, to, new Date('2026-11-04T09:00:00Z'));

    // Assess
    expect(moved.state).toBe(to);
    expect(moved.history.at(-1)).toEqual({ state: to, at: '2026-11-04T09:00:00.000Z' });
  });

  it.each(refused)('refuses %s → %s with a conflict', (from, to) => {
    // Prepare
    const transfer = from === 'pending' ? pending : inState(from);

    // Act
    const attempt = () => moveTransfer(transfer, to, new Date('2026-11-04T09:00:00Z'));

    // Assess
    expect(attempt).toThrow(ConflictError);
    expect(attempt).toThrow(`a transfer that is ${from} cannot become ${to}`);
  });

  it('keeps accepted, rejected and expired final, and only those', () => {
    // Prepare: every state

    // Act
    const final = transferStates.filter((state) => !isOpenTransferState(state));

    // Assess
    expect(final).toEqual(['accepted', 'rejected', 'expired']);
    expect(final.map(allowedNextStates)).toEqual([[], [], []]);
  });
});
