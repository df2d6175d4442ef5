// Names and documents for simulated envelopes. Every character is in WinAnsi, the encoding of the
// standard PDF fonts the sandbox draws with, so accents such as "Müller" print as written.

const PEOPLE: readonly [givenName: string, surname: string][] = [
  ['Maria', 'Popescu'],
  ['Andrei', 'Ionescu'],
  ['Elena', 'Dumitrescu'],
  ['Mihai', 'Stoica'],
  ['Ioana', 'Constantin'],
  ['Jonas', 'Müller'],
  ['Lena', 'Schäfer'],
  ['Lukas', 'Becker'],
  ['Sofia', 'Rossi'],
  ['Marco', 'Bianchi'],
  ['Giulia', 'Ferrari'],
  ['Lucía', 'Sánchez'],
  ['Javier', 'Gómez'],
  ['Camille', 'Lefèvre'],
  ['Hugo', 'Moreau'],
  ['Emma', 'Johnson'],
  ['Oliver', 'Smith'],
  ['Charlotte', 'Brown'],
  ['Björn', 'Lindqvist'],
  ['Anna', 'Kowalska'],
  ['Tomasz', 'Nowak'],
  ['Zoë', "O'Connor"],
  ['Daniel', 'Petrov'],
  ['Ana', 'Ferreira'],
];

const DOCUMENTS: readonly { title: string; prefix: string }[] = [
  { title: 'Personal loan agreement', prefix: 'LN' },
  { title: 'Current account opening', prefix: 'AC' },
  { title: 'Mortgage offer', prefix: 'MG' },
  { title: 'Credit card agreement', prefix: 'CC' },
  { title: 'Car leasing contract', prefix: 'LS' },
  { title: 'Savings deposit terms', prefix: 'SD' },
  { title: 'Insurance policy', prefix: 'IP' },
];

// The customer signs first; the others are a co-signer and the bank's own signatory.
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];
const BANK_DOMAIN = 'bank.example';

export type InventedRecipient = { givenName: string; surname: string; email: string };

export type InventedEnvelope = {
  name: string;
  recipients: InventedRecipient[];
  /** The integrator's own references, as they would sit in the callback URL's query string. */
  customValues: Record<string, string>;
};

export function inventSandboxEnvelope(options: { random: () => number; recipientCount?: number }): InventedEnvelope {
  const { random } = options;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const count = options.recipientCount ?? weightedRecipientCount(random());
  const document = pick(DOCUMENTS);
  const reference = `${document.prefix}-2026-${String(Math.floor(random() * 90_000) + 10_000)}`;

  const used = new Set<number>();
  const recipients: InventedRecipient[] = [];
  for (let order = 1; order <= count; order++) {
    let index = Math.floor(random() * PEOPLE.length);
    while (used.has(index)) index = (index + 1) % PEOPLE.length;
    used.add(index);
    const [givenName, surname] = PEOPLE[index]!;
    const isBankSignatory = count > 1 && order === count;
    const domain = isBankSignatory ? BANK_DOMAIN : pick(EMAIL_DOMAINS);
    recipients.push({ givenName, surname, email: `${emailPart(givenName)}.${emailPart(surname)}@${domain}` });
  }

  const customer = recipients[0]!;
  return {
    name: `${document.title} ${reference} - ${customer.givenName} ${customer.surname}`,
    recipients,
    customValues: {
      contract: reference,
      customer: `C-${String(Math.floor(random() * 900_000) + 100_000)}`,
      source: 'sandbox',
    },
  };
}

function weightedRecipientCount(roll: number): number {
  if (roll < 0.3) return 1;
  if (roll < 0.8) return 2;
  return 3;
}

/** "Müller" → "muller", "O'Connor" → "oconnor": e-mail addresses stay plain ASCII. */
function emailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
