import { configReadRoute } from '../../../shared/api/routes';
import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { signInConfiguration } from '../../../shared/domain/identity/sign-in-configuration';
import { configReadContract } from '../../../shared/api/contracts/sign-in';

export const handler = apiRoute(configReadRoute, { contract: configReadContract, adapters: {} }).handle(async ({ config }) => ok(signInConfiguration(config)));
