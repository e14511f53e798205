import dayjs from 'dayjs';
import { FormDialog } from '../../app/FormDialog.tsx';
import { useT } from '../../app/i18n/I18nProvider.tsx';
import { type UpdateUserInput, type UserDto, usersApi } from '../../app/admin/users.ts';
import { expiryFromIso, expiryToIso, UserFormFields, type UserFormValues } from './UserFormFields.tsx';

/** Only what changed is sent; an empty phone keeps the stored number (the list only ever sees it masked). */
function changes(user: UserDto, values: UserFormValues): UpdateUserInput {
  const input: UpdateUserInput = {};
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) input.displayName = displayName;
  if (values.scopeRegion !== user.scopeRegion) input.scopeRegion = values.scopeRegion;
  const department = values.department?.trim() || null;
  if (department !== user.department) input.department = department;
  if (values.phone) input.phone = values.phone;
  const sameExpiry = values.expiresAt
    ? user.expiresAt !== null && values.expiresAt.isSame(dayjs(user.expiresAt), 'day')
    : user.expiresAt === null;
  if (!sameExpiry) input.expiresAt = expiryToIso(values.expiresAt) ?? null;
  return input;
}

export function EditUserDialog({
  user,
  onCancel,
  onSaved,
}: {
  user: UserDto | undefined;
  onCancel: () => void;
  onSaved: (user: UserDto) => void;
}) {
  const t = useT();
  return (
    <FormDialog<UserFormValues>
      open={user !== undefined}
      title={user ? t('users.editTitle', { name: user.displayName }) : ''}
      okText={t('app.save')}
      onCancel={onCancel}
      initialValues={
        user && {
          displayName: user.displayName,
          scopeRegion: user.scopeRegion,
          department: user.department ?? undefined,
          expiresAt: expiryFromIso(user.expiresAt),
        }
      }
      onSubmit={async (values) => {
        if (!user) return;
        const input = changes(user, values);
        onSaved(Object.keys(input).length === 0 ? user : await usersApi.update(user.id, input));
      }}
      testId="edit-user"
    >
      <UserFormFields phonePlaceholder={user?.phone ? t('users.phoneKeep', { phone: user.phone }) : undefined} />
    </FormDialog>
  );
}
