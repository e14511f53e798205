import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../api/types.ts';
import { api, withQuery } from '../api.ts';

/**
 * Staff accounts as the administration API shows them. The shapes are the server's own (generated from its route
 * schemas by `npm run gen:api`): `phone` is masked (138****5678), the full number only through a reveal with a
 * reason; a role grant's warnings (maker ≠ checker) went through but deserve a second look.
 */
export type UserDto = ItemOf<ResponseOf<'/api/admin/users', 'get'>['items']>;
export type RoleGrantWarning = ItemOf<ResponseOf<'/api/admin/users/{id}/roles', 'put'>['warnings']>;
export type UserQuery = QueryOf<'/api/admin/users', 'get'> & { page: number; pageSize: number };
export type CreateUserInput = BodyOf<'/api/admin/users', 'post'>;
export type UpdateUserInput = BodyOf<'/api/admin/users/{id}', 'patch'>;

/** A page of a list, as every paged route answers it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const userPath = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (query: UserQuery, signal?: AbortSignal) =>
    api.get<Page<UserDto>>(withQuery('/api/admin/users', { ...query }), { signal }),
  create: (input: CreateUserInput) => api.post<ResponseOf<'/api/admin/users', 'post'>>('/api/admin/users', input),
  update: (id: string, input: UpdateUserInput) => api.patch<UserDto>(userPath(id), input),
  resetPassword: (id: string) =>
    api.post<ResponseOf<'/api/admin/users/{id}/reset-password', 'post'>>(`${userPath(id)}/reset-password`),
  unlock: (id: string) => api.post<void>(`${userPath(id)}/unlock`),
  setRoles: (id: string, roles: string[]) =>
    api.put<ResponseOf<'/api/admin/users/{id}/roles', 'put'>>(`${userPath(id)}/roles`, { roles }),
};
