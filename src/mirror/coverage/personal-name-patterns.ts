/**
 * Column names that suggest personal data, as data. Each phrase is matched against the words of a
 * column name (split on `_`, `-`, spaces, digits and camelCase, lower-cased) as consecutive words,
 * or, without its spaces, as one word (`first name` matches `first_name`, `firstName` and `firstname`).
 */
export interface PersonalNamePattern {
  /** What the column seems to hold, for the reason text: "name looks like <what> column". */
  what: string;
  phrases: string[];
  /** A phrase does not count right after one of these words (`table_name` is not a person's name). */
  notAfter?: string[];
}

export const PERSONAL_NAME_PATTERNS: PersonalNamePattern[] = [
  { what: 'an e-mail', phrases: ['email', 'e mail', 'mail', 'correo'] },
  { what: 'a phone', phrases: ['phone', 'tel', 'telephone', 'mobile', 'cell', 'celular', 'telefono', 'movil', 'fax', 'whatsapp'] },
  {
    what: "a person's name",
    phrases: ['name', 'first name', 'last name', 'full name', 'surname', 'username', 'nickname', 'nombre', 'apellido', 'apellidos'],
    notAfter: [
      'table', 'column', 'schema', 'database', 'db', 'file', 'host', 'domain', 'server', 'index', 'constraint', 'type', 'class',
      'queue', 'job', 'event', 'bucket', 'branch', 'tag', 'role', 'key', 'field', 'metric', 'service', 'app', 'device',
      'package', 'module', 'method', 'function', 'template', 'plan', 'feature', 'setting', 'param', 'parameter', 'attribute',
    ],
  },
  {
    what: 'an identity document',
    phrases: ['document', 'documento', 'dni', 'nie', 'nif', 'cif', 'cuit', 'cuil', 'cpf', 'rut', 'curp', 'ssn', 'passport', 'pasaporte', 'tax id', 'national id', 'id number'],
  },
  { what: 'an address', phrases: ['address', 'direccion', 'domicilio', 'street', 'calle', 'zip', 'zipcode', 'postal', 'postcode', 'codigo postal'] },
  { what: 'a secret', phrases: ['token', 'secret', 'api key', 'password', 'passwd', 'pass hash', 'pwd', 'salt', 'otp', 'totp'] },
  { what: 'a birth date', phrases: ['birth', 'birthday', 'birthdate', 'dob', 'nacimiento', 'fecha nacimiento'] },
  { what: 'an IP address', phrases: ['ip', 'ip address', 'ipaddr', 'remote addr'] },
  { what: 'a bank or card number', phrases: ['iban', 'swift', 'bic', 'card', 'card number', 'pan', 'cvv', 'account number', 'cbu'] },
];
