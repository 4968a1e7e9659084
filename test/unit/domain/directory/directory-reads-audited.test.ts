import { describe, expect, it } from 'vitest';
import { searchStaff } from '../../../../shared/domain/directory/search-staff';
import { listCategories } from '../../../../shared/domain/directory/list-categories';
import { schoolDeps } from '../../support/school-deps';
import { callerFor, requestOrigin, staffOf } from '../../support/school-cast';

/** Issue 8 item 6: the staff directory and the category tree are reads, audited before the answer. */
describe('directory reads', () => {
  it('audits an administrator listing accounts, saying account details were shown', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const listed = await searchStaff(deps, callerFor(staffOf.officeManager), undefined, requestOrigin);

    // Assess
    expect(listed.staff[0]).toHaveProperty('email');
    expect(deps.audit.events).toEqual([
      expect.objectContaining({
        action: 'staff.list',
        outcome: 'allowed',
        recordType: 'staff',
        staffId: staffOf.officeManager.id,
        requestId: requestOrigin.requestId,
        detail: { query: '', results: String(listed.staff.length), accountDetails: 'shown' },
      }),
    ]);
  });

  it('audits a teacher searching staff to alert, without account details', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    const listed = await searchStaff(deps, callerFor(staffOf.author), 'Hu', requestOrigin);

    // Assess
    expect(listed.staff[0]).not.toHaveProperty('email');
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'staff.list', detail: { query: 'hu', results: '1', accountDetails: 'not shown' } })]);
  });

  it('audits reading the category tree', async () => {
    // Prepare
    const deps = schoolDeps();

    // Act
    await listCategories(deps, callerFor(staffOf.author), requestOrigin);

    // Assess
    expect(deps.audit.events).toEqual([expect.objectContaining({ action: 'category.list', outcome: 'allowed', recordType: 'category', staffId: staffOf.author.id })]);
  });
});
