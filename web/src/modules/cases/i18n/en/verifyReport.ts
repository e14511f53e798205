import type { caseVerifyReportZh } from '../zh/verifyReport.ts';

export const caseVerifyReportEn: Record<keyof typeof caseVerifyReportZh, string> = {
  'cases.status.verifying': 'Awaiting on-site check',
  'cases.queue.verify_report': 'To check on site',
  'cases.clockStage.verify_report': 'On-site check',
  'cases.photoStage.verify_report': 'On-site check photos',

  'cases.event.send_to_verify': 'Sent for an on-site check (registered by the intake once confirmed)',
  'cases.event.confirm_report': 'Confirmed on site: back to the intake to register',
  'cases.event.refute_report': 'Not confirmed on site',

  'cases.action.sendToVerify': 'Send for on-site check',
  'cases.done.sendToVerify':
    'Sent for an on-site check. Once confirmed, the case comes back to the intake to be registered; if not, it is rejected.',
  'cases.action.verifyReport': 'Check on site',
  'cases.withheld.verifyReport': 'You reported this case, so another inspector must check it on site.',
  'cases.form.verifyReportResult': 'Finding',
  'cases.form.confirmed': 'Confirmed: to the intake to register',
  'cases.form.refuted': 'Not confirmed: reject the report',
  'cases.form.finding': 'What was found',
  'cases.form.findingRequired': 'Say what was found (the reporter is told)',
  'cases.form.sendToVerifyNote': 'What the inspector should check',
  'cases.form.verifyReportPhotos': 'Photos of the spot',
  'cases.form.verifyReportPhotosRequired': 'Add at least one photo of the spot',
  'cases.form.verifyReportPosition': 'Where you checked on site',
  'cases.form.verifyReportPositionFound': 'Position found (about ±{accuracy} m); it goes with the on-site finding.',

  'cases.settings.verifyReport.title': 'On-site check before registering',
  'cases.settings.verifyReport.intro':
    'Reports from the sources ticked go first to “Awaiting on-site check”: an inspector of the township checks them on site; confirmed reports go to the intake to register, the others are rejected. Cases already reported are not affected.',
  'cases.settings.verifyReport.source.citizen': 'Residents’ reports',
  'cases.settings.verifyReport.source.hotline': '12345 hotline',
  'cases.settings.verifyReport.source.open311': 'Partner systems (Open311)',
  'cases.settings.verifyReport.source.patrol': 'Inspectors on patrol',
  'cases.settings.verifyReport.source.volunteer': 'Volunteers',
  'cases.settings.verifyReport.source.other': 'Other staff',
  'cases.settings.verifyReport.save': 'Save',
  'cases.settings.verifyReport.saved': 'Saved: new reports go to the on-site check as set here',
  'cases.settings.verifyReport.loadFailed': 'Could not read the setting',
  'cases.settings.open': 'Case settings',
};
