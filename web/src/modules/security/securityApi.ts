import { api } from '../../app/api.ts';

/** A role as the security administrator sees it (server: auth/admin/users-admin.schema.ts RoleSchema). */
export interface RoleDto {
  key: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
  builtin: boolean;
  /** 三员: which administrator this role is, if it is one. */
  adminKind: 'sys' | 'sec' | 'audit' | null;
  requiresMfa: boolean;
}

export interface ApiKeyDto {
  id: string;
  name: string;
  /** The key's first characters, to recognise it in a partner's configuration. */
  prefix: string;
  permissions: string[];
  /** Stored on the key but not in force: not an integration permission, so the key does not get it. */
  ineffectivePermissions: string[];
  scopeRegion: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface CreateApiKeyInput {
  name: string;
  permissions: string[];
  scopeRegion: string;
  expiresAt?: string;
}

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  minClasses: number;
  maxAgeDays: number;
  historyCount: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
}

export interface SecurityPolicy {
  policy: PasswordPolicy;
  absoluteHours: number;
  ipFailureLimit: number;
  ipWindowMinutes: number;
}

export const securityApi = {
  roles: (signal?: AbortSignal) => api.get<RoleDto[]>('/api/admin/roles', { signal }),
  apiKeys: (signal?: AbortSignal) => api.get<ApiKeyDto[]>('/api/admin/api-keys', { signal }),
  /** What a key may carry: the integration permissions (a person's powers never). */
  apiKeyPermissions: (signal?: AbortSignal) =>
    api.get<{ integration: string[] }>('/api/admin/api-keys/permissions', { signal }),
  createApiKey: (input: CreateApiKeyInput) =>
    api.post<{ apiKey: ApiKeyDto; key: string }>('/api/admin/api-keys', input),
  revokeApiKey: (id: string) => api.delete<void>(`/api/admin/api-keys/${encodeURIComponent(id)}`),
  policy: (signal?: AbortSignal) => api.get<SecurityPolicy>('/api/admin/security-policy', { signal }),
  savePolicy: (policy: SecurityPolicy) => api.put<SecurityPolicy>('/api/admin/security-policy', policy),
};
