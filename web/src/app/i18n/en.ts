import type { MessageKey } from './zh.ts';
import { accountEn } from './en/account.ts';
import { adminEn } from './en/admin.ts';
import { auditEn } from './en/audit.ts';
import { casesEn } from './en/cases.ts';
import { citizenEn } from './en/citizen.ts';

/** English messages: the switch language. Same keys as `zh.ts`, enforced by the type below and by a test. */
export const en: Record<MessageKey, string> = {
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

  'module.dashboard.label': 'Dashboard',
  'module.dashboard.description': 'Campaign indicators and work briefings, computed live from the records.',
  'module.cases.label': 'Urban cases',
  'module.cases.description':
    'The closed loop for urban-appearance violations such as street occupation, mobile vendors, illegal posters and illegal structures: report, register, dispatch, handle, feedback, verify, close, evaluate.',
  'module.merchants.label': 'Merchants & duties',
  'module.merchants.description':
    'Shop records and frontage-duty responsibility agreements, compliance scoring, star merchants and the red-black list.',
  'module.inspections.label': 'Market inspections',
  'module.inspections.description':
    'Special campaigns of the market inspection groups at markets, restaurants and school surroundings, with rectification and re-inspection.',
  'module.volunteers.label': 'Volunteer service',
  'module.volunteers.description':
    'Volunteers, teams and activities, service hours and star levels, order-dispatch-accept-rate requests and service certificates.',
  'module.courtyards.label': 'Courtyard awards',
  'module.courtyards.description':
    'Quarterly household evaluation against the four criteria, cadre contracting, public notice and objections.',
  'module.service-desk.label': 'Special-groups desk',
  'module.service-desk.description':
    'Guided, assisted-proxy, home-visit, appointment and authorised services for elderly, pregnant, disabled and military people.',
  'module.insurance.label': 'Medical insurance',
  'module.insurance.description':
    'Certification of hypertension and diabetes outpatient medication guarantee, remote-care filing and direct settlement, clearing and reconciliation.',
  'module.projects.label': 'Demonstration park',
  'module.projects.description': 'Progress, funds and results of the rural-revitalisation demonstration park project.',
  'module.system.label': 'System administration',
  'module.system.description':
    'Staff accounts: create, edit, disable and reset passwords; run by the system administrator (separation of duties).',
  'module.security.label': 'Security administration',
  'module.security.description':
    'Roles, unlocking, API keys and the password and sign-in policy; run by the security administrator (separation of duties).',
  'module.audit.label': 'Audit administration',
  'module.audit.description':
    'Search, verify and export the tamper-evident audit trail; run by the audit administrator (separation of duties).',

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
  ...auditEn,
  ...casesEn,
  ...citizenEn,
};
