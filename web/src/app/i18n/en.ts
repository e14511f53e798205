import type { ShellMessageKey } from './zh.ts';
import { accountEn } from './en/account.ts';
import { adminEn } from './en/admin.ts';
import { homeEn } from './en/home.ts';
import { importsEn } from './en/imports.ts';
import { inboxEn } from './en/inbox.ts';
import { verifyEn } from './en/verify.ts';

/** English messages: the switch language. Same keys as `zh.ts`, enforced by the type below and by a test. */
export const en: Record<ShellMessageKey, string> = {
  'app.name': 'Wenming',
  // The emblem is the logo's character, the same in every language.
  'app.emblem': '文',
  'app.brand': 'Wenming · {county} Civilized City & Public Services',
  'app.brandWithoutCounty': 'Wenming · Civilized City & Public Services',
  'app.tagline': 'One platform for the civilized-city campaign and public services',
  'app.loading': 'Loading…',
  'app.retry': 'Retry',
  'app.backHome': 'Back to home',

  'lang.label': 'Interface language',
  'lang.zh': '中文',
  'lang.en': 'English',

  'nav.label': 'Navigation',
  'nav.business': 'Modules',
  'nav.admin': 'Administration',
  'nav.openMenu': 'Open navigation menu',
  'nav.home': 'Home',

  'comingSoon.status': 'Coming soon',
  'comingSoon.hint': 'This module is being built and will appear here when it goes live.',

  'status.ready': 'Live',
  'status.coming': 'Coming soon',

  'home.welcome': 'Welcome to Wenming',
  'home.intro': 'The civilized-city campaign and public services platform of {county}.',
  'home.systemTitle': 'System information',
  'home.modulesTitle': 'Modules',
  'home.openModule': 'Open {module}',

  'meta.county': 'County',
  'meta.countyValue': '{name} ({code})',
  'meta.database': 'Database',
  'meta.engine.pglite': 'PGlite (embedded)',
  'meta.engine.postgres': 'PostgreSQL',
  'meta.version': 'Version',
  'meta.demo': 'Demo mode',
  'meta.demoOn': 'On (demo data)',
  'meta.demoOff': 'Off',
  'meta.loadFailed': 'Could not load system information',

  'auth.previewNotice': 'Sign-in will be enabled in the next release',
  'auth.previewDescription':
    'You are viewing an anonymous preview of the platform shell; sign-in and permissions will be required once they go live.',
  'auth.dismissNotice': 'Dismiss notice',
  'auth.anonymous': 'Anonymous preview',
  'auth.signIn': 'Sign in',
  'auth.logout': 'Sign out',
  'auth.userMenu': 'User menu',
  'auth.unavailable': 'Cannot reach the server',
  'auth.unavailableHint': 'Please check your network connection and try again.',

  'login.title': 'Sign in',
  'login.subtitle': 'Use your own account',
  'login.username': 'Username',
  'login.usernameRequired': 'Please enter your username',
  'login.password': 'Password',
  'login.passwordRequired': 'Please enter your password',
  'login.showPassword': 'Show password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.help': "Forgot your password? Contact your unit's system administrator.",
  'login.residents': 'For residents, no account needed',
  'login.staffBelow': 'Staff: sign in below',

  'error.network': 'Network error. Please check your connection and try again.',
  'error.unexpected': 'The server returned an error ({status}). Please try again later.',

  'notFound.title': 'Page not found',
  'notFound.description': 'The page you asked for does not exist or has moved.',

  'app.cancel': 'Cancel',
  'app.save': 'Save',
  'app.saved': 'Saved',
  'app.edit': 'Edit',
  'app.loadFailed': 'Could not load the data',

  'table.actions': 'Actions',
  'table.total': '{total} in total',

  'forbidden.title': 'No access',
  'forbidden.description': 'Your account may not open this page. Ask the security administrator if you need it.',

  ...accountEn,
  ...adminEn,
  ...homeEn,
  ...inboxEn,
  ...importsEn,
  ...verifyEn,
};
