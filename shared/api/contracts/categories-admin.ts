import type { RouteContract } from '../route-contract';
import { CategoryChange, CategoryDetail, CategoryPath, NewCategory } from '../../schemas/categories-admin';

/** categories.create */
export const categoriesCreateContract = { body: NewCategory, success: { status: 201, description: 'Created', schema: CategoryDetail }, failures: [403, 409, 422] } as const satisfies RouteContract;

/** categories.update */
export const categoriesUpdateContract = { params: CategoryPath, body: CategoryChange, success: { status: 200, description: 'Changed', schema: CategoryDetail }, failures: [403, 404, 422] } as const satisfies RouteContract;
