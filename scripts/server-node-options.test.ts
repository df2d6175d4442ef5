import { describe, expect, it } from 'vitest';
import { serverNodeOptions } from './server-node-options.js';

describe('serverNodeOptions', () => {
  it('caps the heap the same way on every machine', () => {
    expect(serverNodeOptions(2)).toMatch(/^--max-old-space-size=256 --max-semi-space-size=16 /);
  });

  it("leaves a core free of V8's background threads on small machines", () => {
    expect(serverNodeOptions(1)).toContain('--v8-pool-size=1');
    expect(serverNodeOptions(2)).toContain('--v8-pool-size=1');
    expect(serverNodeOptions(3)).toContain('--v8-pool-size=2');
  });

  it("never starts more background threads than Node.js's own default of four", () => {
    expect(serverNodeOptions(5)).toContain('--v8-pool-size=4');
    expect(serverNodeOptions(64)).toContain('--v8-pool-size=4');
  });
});
