/**
 * Column names that suggest personal information (PI-01). The catalog test asks, for every column of the
 * database, whether its name matches; a match must be either registered in the PI registry or reviewed as not
 * personal. False positives cost one line in the not-personal list; a false negative is an unregistered
 * phone number, so the lists err towards matching.
 *
 * Names are snake_case. Short words ('ip', 'age', 'sex', 'tel', 'name') match only as a whole word between
 * underscores, so 'description', 'page' and 'hotel' do not trip them; distinctive stems match anywhere.
 */

/** Whole words: `source_ip`, `name_zh`, `age_group`, `guardian_tel`. */
const words = [
  'name',
  'ip',
  'tel',
  'age',
  'sex',
  'addr',
  'cert',
  'email',
  'mail',
  'wechat',
  'qq',
  'dob',
  'gps',
  'lat',
  'lng',
  'nation',
  'ethnic',
  'ethnicity',
  'religion',
  'guardian',
  'spouse',
  'income',
  'salary',
  'photo',
  'face',
  'secret',
];

/**
 * Several words in a row: `id_card`, `holder_id_no`, `user_agent`, `account_no`. Credentials by their storage
 * names only: 'password' and 'mfa' alone would flag account-state flags such as `must_change_password`.
 */
const phrases = [
  'password_hash',
  'password_history',
  'id_card',
  'id_no',
  'id_number',
  'account_no',
  'account_number',
  'card_no',
  'user_agent',
  'plate_no',
];

/** Stems that match anywhere in the name: `phone_enc`, `idcard`, `birth_date`, `diagnosis_code`. */
const stems = [
  'phone',
  'mobile',
  'idcard',
  'idno',
  'address',
  'birth',
  'diagnos',
  'disease',
  'illness',
  'health',
  'medical',
  'patient',
  'insured',
  'disab',
  'pregnan',
  'bank',
  'gender',
  'passport',
  'realname',
  'fullname',
  'nickname',
  'username',
  'person',
  'resident',
  'household',
  'citizen',
  'contact',
  'location',
  'latitude',
  'longitude',
  'fingerprint',
  'biometric',
  'licence',
  'license',
  'minor',
  'child',
];

const pattern = new RegExp(
  [
    ...words.map((word) => `(?:^|_)${word}(?:_|$)`),
    ...phrases.map((phrase) => `(?:^|_)${phrase}(?:_|$)`),
    ...stems,
  ].join('|'),
);

export function looksPersonal(column: string): boolean {
  return pattern.test(column.toLowerCase());
}
