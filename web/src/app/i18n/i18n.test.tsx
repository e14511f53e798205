// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installedModules } from '../installedModules.ts';
import { dictionaries } from './dictionaries.ts';
import { I18nProvider, useT } from './I18nProvider.tsx';
import { languageStorageKey, readStoredLanguage } from './language.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { formatMessage } from './translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

const { zh, en } = dictionaries();

describe('message dictionaries (the shell and every installed module)', () => {
  it('have identical key sets', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('have no empty messages', () => {
    for (const [key, text] of [...Object.entries(zh), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(zh) as (keyof typeof zh)[])
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
  });

  it('take the messages of every module manifest, in both languages, each key from one module only', () => {
    const owners = new Map<string, string>();
    for (const module of installedModules()) {
      expect(Object.keys(module.messages.en).sort(), module.key).toEqual(Object.keys(module.messages.zh).sort());
      expect(Object.keys(module.messages.zh), module.key).toContain(module.label);
      for (const key of Object.keys(module.messages.zh)) {
        expect(owners.get(key), `${key} is declared by ${owners.get(key)} and ${module.key}`).toBeUndefined();
        owners.set(key, module.key);
        expect(zh[key as keyof typeof zh]).toBe(module.messages.zh[key]);
      }
    }
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('{name}（{code}）', { name: '炎陵县', code: '430225' })).toBe('炎陵县（430225）');
    expect(formatMessage('{name} and {missing}', { name: 'x' })).toBe('x and {missing}');
  });
});

function LoginTitle() {
  const t = useT();
  return <h1>{t('login.title')}</h1>;
}

function renderSwitch() {
  return render(
    <I18nProvider>
      <LanguageSwitch />
      <LoginTitle />
    </I18nProvider>,
  );
}

describe('language switch', () => {
  beforeEach(() => window.localStorage.clear());
  afterEach(cleanup);

  it('defaults to Chinese', () => {
    renderSwitch();
    expect(screen.getByRole('heading').textContent).toBe('用户登录');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('flips the texts to English and persists the choice', () => {
    renderSwitch();
    act(() => fireEvent.click(screen.getByText('English')));

    expect(screen.getByRole('heading').textContent).toBe('Sign in');
    expect(window.localStorage.getItem(languageStorageKey)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    cleanup();
    renderSwitch();
    expect(screen.getByRole('heading').textContent).toBe('Sign in');

    act(() => fireEvent.click(screen.getByText('中文')));
    expect(screen.getByRole('heading').textContent).toBe('用户登录');
    expect(window.localStorage.getItem(languageStorageKey)).toBe('zh');
  });

  it('carries the test id the end-to-end tests use', () => {
    renderSwitch();
    expect(screen.getByTestId('lang-switch')).toBeTruthy();
  });

  it('ignores a stored value that is not a language', () => {
    window.localStorage.setItem(languageStorageKey, 'fr');
    expect(readStoredLanguage()).toBe('zh');
  });
});
