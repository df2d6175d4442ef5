// Runs in the browser before the app's code (Next.js client instrumentation hook).
import { config } from 'zod';

// zod tests whether it may compile parsers with `new Function`, which the Content-Security-Policy forbids (no
// 'unsafe-eval'; see app/lib/server/content-security-policy.ts): the test fails harmlessly but reports a violation on
// every page. Without compiling, zod parses the same, and the dashboard's answers are small.
config({ jitless: true });
