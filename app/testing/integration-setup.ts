import { inject } from 'vitest';

// Before any test module loads the Prisma client, point it at this run's database.
process.env.DATABASE_URL = inject('databaseUrl');

// Outside production the app would talk to its sandbox on PORT, which no test runs. Tests of the
// signing service set SIGNING_PROVIDER themselves, before anything reads the configuration.
process.env.SIGNING_PROVIDER = 'none';
