import type { BodyOf, ItemOf, ResponseOf } from '../../api/types.ts';
import { apiClient, dataOf } from '../../app/apiClient.ts';

/**
 * The security administrator's API. The shapes are the server's own (generated from its route schemas by
 * `npm run gen:api`): a role's `adminKind` says which of the 三员 it is; a key's `ineffectivePermissions` are
 * stored on it but not in force (not integration permissions); `prefix` recognises it in a partner's settings.
 */
export type RoleDto = ItemOf<ResponseOf<'/api/admin/roles', 'get'>>;
export type ApiKeyDto = ItemOf<ResponseOf<'/api/admin/api-keys', 'get'>>;
export type CreateApiKeyInput = BodyOf<'/api/admin/api-keys', 'post'>;
/** What a key may carry, with each permission in words. */
export type GrantableDto = ResponseOf<'/api/admin/api-keys/permissions', 'get'>;
export type SecurityPolicy = ResponseOf<'/api/admin/security-policy', 'get'>;
export type PasswordPolicy = SecurityPolicy['policy'];

export const securityApi = {
  roles: (signal?: AbortSignal) => dataOf(apiClient.GET('/api/admin/roles', { signal })),
  apiKeys: (signal?: AbortSignal) => dataOf(apiClient.GET('/api/admin/api-keys', { signal })),
  /** What a key may carry: the integration permissions (a person's powers never). */
  apiKeyPermissions: (signal?: AbortSignal) => dataOf(apiClient.GET('/api/admin/api-keys/permissions', { signal })),
  createApiKey: (input: CreateApiKeyInput) => dataOf(apiClient.POST('/api/admin/api-keys', { body: input })),
  revokeApiKey: (id: string) =>
    dataOf(apiClient.DELETE('/api/admin/api-keys/{id}', { params: { path: { id } } })) as Promise<void>,
  policy: (signal?: AbortSignal) => dataOf(apiClient.GET('/api/admin/security-policy', { signal })),
  savePolicy: (policy: SecurityPolicy) => dataOf(apiClient.PUT('/api/admin/security-policy', { body: policy })),
};
