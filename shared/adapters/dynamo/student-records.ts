import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Student } from '../../domain/students/student';
import { studentKey, studentSearchKey } from './keys';

const ITEM_TYPE = 'Student';
const SEARCH_TYPE = 'StudentSearchToken';

/** Pupils and their recording-search tokens, written together. */
export class DynamoStudentRecords {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(studentId: string): Promise<Student | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: studentKey(studentId) }));
    return result.Item ? toStudent(result.Item) : undefined;
  }

  /**
   * Writes the pupil and replaces their search tokens in one transaction, so search never
   * finds a pupil that is not there, nor misses one that is.
   */
  async put(student: Student): Promise<void> {
    const previous = await this.get(student.id);
    const tokensFor = (pupil: Student | undefined) =>
      pupil && pupil.status !== 'archived' ? [...new Set([pupil.givenName, pupil.familyName])] : [];
    const newTokens = tokensFor(student);
    const staleTokens = tokensFor(previous).filter((name) => !newTokens.some((token) => token.toLowerCase() === name.toLowerCase()));
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...studentKey(student.id), type: ITEM_TYPE, ...student } } },
          ...staleTokens.map((name) => ({ Delete: { TableName: this.tableName, Key: studentSearchKey(name, student.id) } })),
          ...newTokens.map((name) => ({
            Put: {
              TableName: this.tableName,
              Item: {
                ...studentSearchKey(name, student.id),
                type: SEARCH_TYPE,
                studentId: student.id,
                givenName: student.givenName,
                familyName: student.familyName,
                yearGroup: student.yearGroup,
                className: student.className,
              },
            },
          })),
        ],
      }),
    );
  }
}

function toStudent(item: Record<string, unknown>): Student {
  const { pk: _pk, sk: _sk, type: _type, ...student } = item;
  return student as unknown as Student;
}

