import { api, withQuery } from '../api.ts';

/** A staff account as the administration API shows it (server: auth/admin/users-admin.schema.ts). */
export interface UserDto {
  id: string;
  loginId: string;
  displayName: string;
  scopeRegion: string;
  scopeRegionName: string;
  department: string | null;
  status: 'active' | 'disabled';
  roles: string[];
  locked: boolean;
  mfaEnabled: boolean;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
  expiresAt: string | null;
  /** Masked (138****5678); the full number only through a reveal with a reason. */
  phone: string | null;
  createdAt: string;
}

/** A role grant that went through but deserves a second look (server: users-admin.service.ts). */
export interface RoleGrantWarning {
  code: 'maker_checker';
  step: string;
  /** In the user's language, naming both sides and the roles that give them. */
  message: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserQuery {
  q?: string;
  status?: 'active' | 'disabled';
  page: number;
  pageSize: number;
}

export interface CreateUserInput {
  loginId: string;
  displayName: string;
  scopeRegion: string;
  department?: string;
  phone?: string;
  expiresAt?: string;
}

export type UpdateUserInput = Partial<{
  displayName: string;
  scopeRegion: string;
  department: string | null;
  phone: string | null;
  status: 'active' | 'disabled';
  expiresAt: string | null;
}>;

const userPath = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (query: UserQuery, signal?: AbortSignal) =>
    api.get<Page<UserDto>>(withQuery('/api/admin/users', { ...query }), { signal }),
  create: (input: CreateUserInput) => api.post<{ user: UserDto; temporaryPassword: string }>('/api/admin/users', input),
  update: (id: string, input: UpdateUserInput) => api.patch<UserDto>(userPath(id), input),
  resetPassword: (id: string) => api.post<{ temporaryPassword: string }>(`${userPath(id)}/reset-password`),
  unlock: (id: string) => api.post<void>(`${userPath(id)}/unlock`),
  setRoles: (id: string, roles: string[]) =>
    api.put<UserDto & { warnings: RoleGrantWarning[] }>(`${userPath(id)}/roles`, { roles }),
};
