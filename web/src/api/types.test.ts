import { describe, expectTypeOf, it } from 'vitest';
import type { AccountSession, ChangePasswordInput, MfaSetup } from '../app/auth/account.ts';
import type { CreateUserInput, RoleGrantWarning, UpdateUserInput, UserDto, UserQuery } from '../app/admin/users.ts';
import type { AuditEvent, AuditFilters, ChainVerification } from '../modules/audit/auditApi.ts';
import type {
  ActionBody,
  CaseDetail,
  CaseFilters,
  CasePage,
  Catalogue,
  Department,
  NearbyCase,
} from '../modules/cases/casesApi.ts';
import type { PublicForm, Reported, ReportBody, Tracking } from '../modules/cases/citizen/citizenApi.ts';
import type { ApiKeyDto, RoleDto, SecurityPolicy } from '../modules/security/securityApi.ts';
import type { UploadedPhoto } from '../modules/cases/uploads/photoUpload.ts';
import type { RevealRequest } from '../app/pii/pii.ts';
import type { Region } from '../app/regions/regions.ts';
import type { ResponseOf } from './types.ts';

/**
 * A route renamed or a status changed on the server would turn a derived type into `never`, which TypeScript
 * accepts everywhere without a word. These assertions are checked by `tsc` (npm run typecheck).
 */
describe('the web types derived from the generated schema', () => {
  it('name real shapes', () => {
    expectTypeOf<CasePage['items']>().not.toBeNever();
    expectTypeOf<CaseDetail['events']>().not.toBeNever();
    expectTypeOf<CaseFilters>().not.toBeNever();
    expectTypeOf<Catalogue['categories']>().not.toBeNever();
    expectTypeOf<Department['key']>().not.toBeNever();
    expectTypeOf<NearbyCase['distanceM']>().toEqualTypeOf<number>();
    expectTypeOf<ActionBody<'verify'>['revision']>().toEqualTypeOf<number>();
    expectTypeOf<PublicForm['categories']>().not.toBeNever();
    expectTypeOf<ReportBody['photos']>().not.toBeNever();
    expectTypeOf<Reported['trackingToken']>().toEqualTypeOf<string>();
    expectTypeOf<Tracking['steps']>().not.toBeNever();
    expectTypeOf<AuditEvent['hash']>().toEqualTypeOf<string>();
    expectTypeOf<AuditFilters>().not.toBeNever();
    expectTypeOf<ChainVerification['ok']>().toEqualTypeOf<boolean>();
    expectTypeOf<ApiKeyDto['prefix']>().toEqualTypeOf<string>();
    expectTypeOf<RoleDto['permissions']>().not.toBeNever();
    expectTypeOf<SecurityPolicy['policy']>().not.toBeNever();
    expectTypeOf<UserDto['loginId']>().toEqualTypeOf<string>();
    expectTypeOf<RoleGrantWarning['message']>().toEqualTypeOf<string>();
    expectTypeOf<UserQuery['page']>().toEqualTypeOf<number>();
    expectTypeOf<CreateUserInput['loginId']>().toEqualTypeOf<string>();
    expectTypeOf<UpdateUserInput>().not.toBeNever();
    expectTypeOf<MfaSetup['uri']>().toEqualTypeOf<string>();
    expectTypeOf<ChangePasswordInput['newPassword']>().toEqualTypeOf<string>();
    expectTypeOf<AccountSession['current']>().toEqualTypeOf<boolean>();
    expectTypeOf<Region['code']>().toEqualTypeOf<string>();
    expectTypeOf<RevealRequest['reason']>().toEqualTypeOf<string>();
    expectTypeOf<UploadedPhoto['uploadId']>().toEqualTypeOf<string>();
    // One type serves both upload routes: they must keep answering the same shape.
    expectTypeOf<ResponseOf<'/api/cases/photo-uploads', 'post'>>().toEqualTypeOf<UploadedPhoto>();
  });
});
