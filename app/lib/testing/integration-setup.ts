import { inject } from 'vitest';

// Before any test module loads the Prisma client, point it at this run's database.
process.env.DATABASE_URL = inject('databaseUrl');
