import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FoundStudent, StudentDirectory, StudentSummary } from '../../domain/ports';
import type { Student, StudentStatus } from '../../domain/students/student';
import { ARCHIVED_STUDENT_SEARCH_PARTITION, STUDENT_ROLL_PARTITION, STUDENT_SEARCH_PARTITION, archivedStudentSearchKey, studentKey, studentNhsLookupKey, studentRollKey, studentSearchKey } from './keys';
import { batchGet } from './batch-get';
import { queryAll, withoutKeys } from './pagination';
import { sendTransaction } from './send-transaction';

const ITEM_TYPE = 'Student';
const SEARCH_TYPE = 'StudentSearchToken';
const ROLL_TYPE = 'StudentRollEntry';

/** The fields the roll entry's `digest` is made of: what an import compares. */
const ROLL_FIELDS = ['id', 'upn', 'givenName', 'familyName', 'legalGivenName', 'legalFamilyName', 'dateOfBirth', 'gender', 'yearGroup', 'className', 'status', 'leavingDate'] as const;

/** A pupil's state as one string, so an import's write is conditional on the pupil being as it planned. */
export function rollDigest(student: Student): string {
  return JSON.stringify(ROLL_FIELDS.map((field) => student[field] ?? null));
}

/** Pupils and their recording-search tokens, written together. */
export class DynamoStudentRecords implements StudentDirectory {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(studentId: string): Promise<Student | undefined> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: studentKey(studentId) }));
    return result.Item ? toStudent(result.Item) : undefined;
  }

  async getMany(studentIds: readonly string[]): Promise<Map<string, Student>> {
    const items = await batchGet(this.client, this.tableName, [...new Set(studentIds)].map(studentKey));
    return new Map(items.map((item) => [String(item.id), toStudent(item)]));
  }

  async byUpn(upn: string): Promise<Student | undefined> {
    // The roll entry, written with every pupil, is the UPN index (UPNs are upper case).
    return this.byLookup(studentRollKey(upn.toUpperCase()));
  }

  async byNhsNumber(nhsNumber: string): Promise<Student | undefined> {
    return this.byLookup(studentNhsLookupKey(nhsNumber));
  }

  private async byLookup(key: { pk: string; sk: string }): Promise<Student | undefined> {
    const lookup = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key }));
    return typeof lookup.Item?.studentId === 'string' ? this.get(lookup.Item.studentId) : undefined;
  }

  async search(prefix: string, limit: number): Promise<StudentSummary[]> {
    return (await this.searchPartition(STUDENT_SEARCH_PARTITION, prefix, limit)).map(({ status: _status, ...summary }) => summary);
  }

  /** The recording search's pupils with their status, and with `includeArchived` the leavers' too (a second Query, alongside). */
  async searchWithStatus(prefix: string, limit: number, options: { readonly includeArchived: boolean }): Promise<FoundStudent[]> {
    const partitions = options.includeArchived ? [STUDENT_SEARCH_PARTITION, ARCHIVED_STUDENT_SEARCH_PARTITION] : [STUDENT_SEARCH_PARTITION];
    const pages = await Promise.all(partitions.map((partition) => this.searchPartition(partition, prefix, limit)));
    return sortedBySurname(pages.flat()).slice(0, limit);
  }

  private async searchPartition(partition: string, prefix: string, limit: number): Promise<FoundStudent[]> {
    // '#' separates the name from the id in the sort key: never let a query cross it.
    const words = prefix.toLowerCase().replaceAll('#', '').split(/\s+/).filter(Boolean);
    const cleaned = words[0];
    if (!cleaned) return [];
    // "ava thor": find by the first word, keep those whose names start with every word.
    const matchesEveryWord = (summary: StudentSummary) =>
      words.every((word) => summary.givenName.toLowerCase().startsWith(word) || summary.familyName.toLowerCase().startsWith(word));
    const fallbackStatus: StudentStatus = partition === ARCHIVED_STUDENT_SEARCH_PARTITION ? 'archived' : 'on_roll';
    const found = new Map<string, FoundStudent>();
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': partition, ':prefix': cleaned },
          Limit: limit * 2,
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const summary = { ...summaryOf(item), status: (item.status as StudentStatus | undefined) ?? fallbackStatus };
        if (!found.has(summary.id) && matchesEveryWord(summary)) found.set(summary.id, summary);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && found.size < limit);
    return sortedBySurname([...found.values()]).slice(0, limit);
  }

  /** One Query per forename, on the recording-search key (`ava#…`), keeping exact forename matches. */
  async withForenames(forenames: readonly string[]): Promise<StudentSummary[]> {
    const names = [...new Set(forenames.map((name) => name.toLowerCase().replaceAll('#', '')).filter(Boolean))];
    const pages = await Promise.all(names.map((name) => this.tokensStartingWith(`${name}#`)));
    return distinct(pages.flat().filter((summary) => names.includes(summary.givenName.toLowerCase())));
  }

  /** One Query per first letter, keeping pupils whose forename and surname start as the initials do. */
  async withInitials(initials: readonly string[]): Promise<StudentSummary[]> {
    const wanted = [...new Set(initials.map((letters) => letters.toUpperCase()).filter((letters) => letters.length >= 2))];
    const firstLetters = [...new Set(wanted.map((letters) => letters[0]!.toLowerCase()))].filter((letter) => letter !== '#');
    const pages = await Promise.all(firstLetters.map((letter) => this.tokensStartingWith(letter)));
    const matches = (summary: StudentSummary) =>
      wanted.some((letters) => summary.givenName[0]?.toUpperCase() === letters[0] && summary.familyName[0]?.toUpperCase() === letters[letters.length - 1]);
    return distinct(pages.flat().filter(matches));
  }

  private async tokensStartingWith(prefix: string): Promise<StudentSummary[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': STUDENT_SEARCH_PARTITION, ':prefix': prefix },
    });
    return items.map(summaryOf);
  }

  /**
   * Writes the pupil and replaces their search tokens in one transaction, so search never
   * finds a pupil that is not there, nor misses one that is. An archived pupil's tokens move
   * to the leavers' partition (out of the recording search, still found by elevated DSLs).
   */
  async put(student: Student): Promise<void> {
    await sendTransaction(this.client, { TransactItems: this.writeItems(student, await this.get(student.id)) });
  }

  /** Every pupil on the roll (one paged, strongly consistent Query of the roll partition). */
  async roll(): Promise<Student[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': STUDENT_ROLL_PARTITION },
      ConsistentRead: true,
    });
    return items.map((item) => item.student as Student);
  }

  /**
   * The transaction items that write the pupil, their roll entry and replace `previous`'s
   * search tokens (for callers adding their own, e.g. an audit event, who have read the
   * pupil already). `conditional`: the roll entry must still be `previous` (or absent for a
   * new pupil), as an import planned it.
   */
  writeItems(student: Student, previous: Student | undefined, options: { readonly conditional?: boolean } = {}) {
    const tokensFor = (pupil: Student | undefined) =>
      pupil ? [...new Set([pupil.givenName.toLowerCase(), pupil.familyName.toLowerCase()])].map((name) => ({ name, key: (pupil.status === 'archived' ? archivedStudentSearchKey : studentSearchKey)(name, pupil.id) })) : [];
    const newTokens = tokensFor(student);
    const staleTokens = tokensFor(previous).filter((token) => !newTokens.some((kept) => kept.key.pk === token.key.pk && kept.key.sk === token.key.sk));
    const condition = !options.conditional
      ? {}
      : previous
        ? { ConditionExpression: 'studentId = :id AND digest = :digest', ExpressionAttributeValues: { ':id': previous.id, ':digest': rollDigest(previous) } }
        : { ConditionExpression: 'attribute_not_exists(pk)' };
    const staleRoll = previous && previous.upn !== student.upn ? [{ Delete: { TableName: this.tableName, Key: studentRollKey(previous.upn) } }] : [];
    return [
      { Put: { TableName: this.tableName, Item: { ...studentKey(student.id), type: ITEM_TYPE, ...student } } },
      { Put: { TableName: this.tableName, Item: { ...studentRollKey(student.upn), type: ROLL_TYPE, studentId: student.id, digest: rollDigest(student), student }, ...condition } },
      ...staleRoll,
      ...staleTokens.map((token) => ({ Delete: { TableName: this.tableName, Key: token.key } })),
      ...newTokens.map((token) => ({
        Put: {
          TableName: this.tableName,
          Item: {
            ...token.key,
            type: SEARCH_TYPE,
            studentId: student.id,
            givenName: student.givenName,
            familyName: student.familyName,
            yearGroup: student.yearGroup,
            className: student.className,
            status: student.status,
          },
        },
      })),
    ];
  }
}

function summaryOf(item: Record<string, unknown>): StudentSummary {
  return { id: String(item.studentId), givenName: String(item.givenName), familyName: String(item.familyName), yearGroup: String(item.yearGroup), className: String(item.className) };
}

function sortedBySurname<T extends StudentSummary>(summaries: readonly T[]): T[] {
  return [...summaries].sort((left, right) => left.familyName.localeCompare(right.familyName) || left.givenName.localeCompare(right.givenName));
}

function distinct(summaries: readonly StudentSummary[]): StudentSummary[] {
  return [...new Map(summaries.map((summary) => [summary.id, summary])).values()];
}

function toStudent(item: Record<string, unknown>): Student {
  return withoutKeys(item) as unknown as Student;
}
