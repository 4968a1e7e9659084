import { describe, expect, it } from 'vitest';
import type { Student } from '../../../shared/domain/students/student';
import { pupilsOf } from '../support/school-cast';
import { incidentInput } from '../support/incident-input';

/** NewIncident's limit on linked pupils; DynamoDB Local proves the largest write fits one transaction (test/integration/dynamo). */
const MOST_LINKED_PUPILS = 30;

const classOf = (size: number): Student[] =>
  Array.from({ length: size }, (_, index) => ({ ...pupilsOf.classmate, id: `student-class-${index}`, givenName: 'Pupil', familyName: `Number ${index}` }));

describe('the largest writes the API accepts fit one DynamoDB transaction', () => {
  it('takes no more linked pupils than that count allows', () => {
    // Prepare
    const oneTooMany = classOf(MOST_LINKED_PUPILS + 1).map((pupil) => ({ studentId: pupil.id, role: 'involved' as const }));

    // Act
    const parse = () => incidentInput({ linkedStudents: oneTooMany });

    // Assess
    expect(parse).toThrow();
  });
});
