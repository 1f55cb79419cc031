import { describe, expect, it } from 'vitest';
import { nameWords, personalNameMatch } from './match-column-name.js';
import { classifyValues } from './sample-values.js';

describe('personalNameMatch', () => {
  it.each([
    ['email', 'an e-mail'],
    ['contactEMail', 'an e-mail'],
    ['e_mail', 'an e-mail'],
    ['mobile_phone', 'a phone'],
    ['telefono', 'a phone'],
    ['firstName', "a person's name"],
    ['full_name', "a person's name"],
    ['Apellido', "a person's name"],
    ['name', "a person's name"],
    ['dni', 'an identity document'],
    ['tax_id', 'an identity document'],
    ['street_address', 'an address'],
    ['zip', 'an address'],
    ['api_key', 'a secret'],
    ['passwordHash', 'a secret'],
    ['date_of_birth', 'a birth date'],
    ['fecha_nacimiento', 'a birth date'],
    ['last_ip', 'an IP address'],
    ['iban', 'a bank or card number'],
  ])('flags %s as %s', (column, what) => {
    expect(personalNameMatch(column)).toBe(what);
  });

  it.each(['id', 'table_name', 'file_name', 'hostname', 'status', 'amount', 'created_at', 'user_id', 'description', 'shipping_method'])(
    'leaves %s alone',
    (column) => {
      expect(personalNameMatch(column)).toBeUndefined();
    },
  );

  it('splits names on case changes, separators and digits, without accents', () => {
    expect(nameWords('HTTPStatus_dirección2Envío')).toEqual(['http', 'status', 'direccion', 'envio']);
  });
});

describe('classifyValues', () => {
  it('says what most values look like', () => {
    expect(classifyValues(['a@b.io', 'c@d.org', 'n/a'])).toEqual({ what: 'e-mail addresses', count: 2 });
    expect(classifyValues(['+34 600 123 456', '(011) 4000-1234', 'x'])).toEqual({ what: 'phone numbers', count: 2 });
  });

  it('does not take ids, amounts or half-matches for phones or addresses', () => {
    expect(classifyValues(['12345678', '20260101', '99.50'])).toBeUndefined();
    expect(classifyValues(['a@b.io', 'plain', 'text', 'more'])).toBeUndefined();
    expect(classifyValues([])).toBeUndefined();
  });
});
