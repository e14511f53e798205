import type { accountZh } from '../zh/account.ts';

/** The sign-in steps and the account page: one-time codes, authenticator enrolment, passwords, sessions. */
export const accountEn: Record<keyof typeof accountZh, string> = {
  'auth.sessionExpired': 'Your session has timed out. Please sign in again.',
  'login.otherAccount': 'Sign out and use another account',

  'mfa.title': 'Two-factor authentication',
  'mfa.code': 'One-time code',
  'mfa.codeHint': 'Open the authenticator app on your phone and enter the 6 digits it shows now.',
  'mfa.codeInvalid': 'Enter the 6-digit code',
  'mfa.verifyTitle': 'Enter your one-time code',
  'mfa.verifyIntro':
    'Your account uses two-factor authentication. Enter the code from your authenticator to finish signing in.',
  'mfa.verify': 'Verify and sign in',
  'mfa.enrolTitle': 'Set up an authenticator',
  'mfa.enrolWhy':
    'Your role requires two-factor authentication. Set up an authenticator on your phone first; then you can continue.',
  'mfa.enrolIntro':
    'Install an authenticator app on your phone (such as Tencent Authenticator, Microsoft Authenticator or Google Authenticator), then press the button below to get your key.',
  'mfa.enrolStart': 'Get my key',
  'mfa.enrolScan':
    'Scan the QR code below with the authenticator, or type the key in by hand. Then enter the 6 digits the app shows.',
  'mfa.qrLabel': 'Authenticator QR code',
  'mfa.manualKey': 'Key for manual entry',
  'mfa.uri': 'Setup link (for authenticators that accept one)',
  'mfa.enable': 'Finish setup',
  'mfa.enabled': 'On',
  'mfa.enabledHint':
    'Signing in asks for the code from your authenticator. If you lose your phone, contact the security administrator.',
  'mfa.enabledNow': 'Two-factor authentication is on',
  'mfa.disabled': 'Off',
  'mfa.disabledHint':
    'When it is on, signing in also asks for a code from the authenticator on your phone, which keeps your account safer.',

  'password.changeTitle': 'Change password',
  'password.whyTemporary':
    'You signed in with a temporary password from an administrator. Please set your own password first.',
  'password.whyExpired': 'Your password has expired. Please set a new one to continue.',
  'password.current': 'Current password',
  'password.currentRequired': 'Enter your current password',
  'password.new': 'New password',
  'password.newRequired': 'Enter a new password',
  'password.policyHint':
    'The security administrator sets the rules; easily guessed passwords (repeated chunks, pinyin names, birthdays, phone numbers, 520/1314) are refused, and you are told why.',
  'password.confirm': 'New password again',
  'password.confirmRequired': 'Enter the new password again',
  'password.mismatch': 'The two new passwords do not match',
  'password.signOutOthers': 'Also sign me out on my other devices',
  'password.submit': 'Change password',
  'password.changed': 'Your password has been changed',

  'account.menu': 'My account',
  'account.title': 'My account',
  'account.intro': 'Your details, your password, two-factor authentication and where you are signed in.',
  'account.profile': 'Profile',
  'account.displayName': 'Name',
  'account.username': 'Username',
  'account.roles': 'Roles',
  'account.scope': 'Data scope',
  'account.department': 'Department',
  'account.passwordExpires': 'Password valid until',
  'account.never': 'No expiry',

  'sessions.title': 'Signed-in devices',
  'sessions.device': 'Device',
  'sessions.unknownDevice': 'Unknown device',
  'sessions.current': 'This device',
  'sessions.ip': 'IP address',
  'sessions.createdAt': 'Signed in',
  'sessions.lastSeenAt': 'Last active',
  'sessions.expiresAt': 'Ends at the latest',
  'sessions.end': 'End this session',
  'sessions.endConfirm': 'Sign this device out?',
  'sessions.ended': 'The device has been signed out',
};
