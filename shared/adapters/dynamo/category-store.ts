import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../../domain/audit/audit-event';
import type { CategoryCatalogue } from '../../domain/ports';
import { auditPuts } from './audit-trail';
import type { Category } from '../../domain/categories/category';
import { CATEGORY_PARTITION, CATEGORY_PREFIX, categoryKey } from './keys';
import { queryAll, withoutKeys } from './pagination';
import { sendTransaction } from './send-transaction';

const ITEM_TYPE = 'Category';

/** The school's category tree: one small partition, read whole. */
export class DynamoCategoryStore implements CategoryCatalogue {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly auditTableName: string,
  ) {}

  async list(): Promise<Category[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': CATEGORY_PARTITION, ':prefix': CATEGORY_PREFIX },
    });
    return items.map((item) => withoutKeys(item) as unknown as Category).sort((left, right) => left.order - right.order);
  }

  async put(category: Category): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: categoryItem(category) }));
  }

  async save(category: Category, audit: AuditEvent): Promise<void> {
    await sendTransaction(this.client, { TransactItems: [{ Put: { TableName: this.tableName, Item: categoryItem(category) } }, ...auditPuts(this.auditTableName, audit)] });
  }
}

function categoryItem(category: Category) {
  return { ...categoryKey(category.id), type: ITEM_TYPE, ...category };
}
