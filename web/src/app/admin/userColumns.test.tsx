// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { Table } from 'antd';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleAccount } from '../../test/adminSamples.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { storeLanguage } from '../i18n/language.ts';
import { translatorFor } from '../i18n/translate.ts';
import { baseUserColumns } from './userColumns.tsx';
import type { UserDto } from './users.ts';

afterEach(cleanup);

function renderUsers(users: UserDto[], language: 'zh' | 'en') {
  storeLanguage(language);
  render(
    <I18nProvider>
      <Table rowKey="id" columns={baseUserColumns(translatorFor(language))} dataSource={users} pagination={false} />
    </I18nProvider>,
  );
}

describe('the user list says why an account is disabled', () => {
  const byHand = sampleAccount({ id: 'a', status: 'disabled', disabledReason: null }) as UserDto;
  const inactive = sampleAccount({
    id: 'b',
    loginId: 'idle.one',
    status: 'disabled',
    disabledReason: 'inactive',
  }) as UserDto;

  it('shows 长期未登录 for an account the system disabled (AC-05), a plain 已停用 otherwise', () => {
    renderUsers([byHand, inactive], 'zh');
    const tags = screen.getAllByTestId('disabled-tag').map((tag) => tag.textContent);
    expect(tags).toEqual(['已停用', '长期未登录，已自动停用']);
  });

  it('in English too', () => {
    renderUsers([inactive], 'en');
    expect(within(screen.getByTestId('disabled-tag')).getByText('Disabled: no sign-in for too long')).toBeTruthy();
  });
});
