import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { prisma } from '@/app/lib/db/prisma';
import { seedUser } from '@/app/testing/seed-user';

const PASSWORD = 'the right password 123';

async function load() {
  return import('../sign-in');
}

/** An address of its own per test, so the tests do not share buckets. */
function uniqueAddress() {
  const bytes = randomUUID().replace(/-/g, '');
  return `10.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}.${parseInt(bytes.slice(4, 6), 16)}`;
}

describe('the sign-in throttle, shared through the database', () => {
  it('lets a few typos from one address pass, then makes it wait, even with the right password', async () => {
    const now = new Date(); // one clock for the whole test: a slow machine must not outlast a 1 s wait
    const { signInWithPassword } = await load();
    const { email } = await seedUser({ role: 'viewer', password: PASSWORD });
    const sourceAddress = uniqueAddress();
    const attempt = (password: string) => signInWithPassword({ email, password, sourceAddress, userAgent: null, now });
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const result = await attempt('wrong password');
      waits.push(result.ok ? -1 : 'retryAfterSeconds' in result ? result.retryAfterSeconds : -2);
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 1]);
    expect(await attempt(PASSWORD)).toMatchObject({ ok: false, reason: 'too_many_attempts' });
    // Another address, another person: not slowed down by this one.
    const other = await seedUser({ role: 'viewer', password: PASSWORD });
    expect(
      await signInWithPassword({
        email: other.email,
        password: PASSWORD,
        sourceAddress: uniqueAddress(),
        userAgent: null,
        now,
      }),
    ).toMatchObject({ ok: true });
  });

  it('slows many addresses guessing one account, and clears both buckets on the right password', async () => {
    const now = new Date(); // one clock for the whole test: a slow machine must not outlast a 1 s wait
    const { signInWithPassword } = await load();
    const { email } = await seedUser({ role: 'admin', password: PASSWORD });
    for (let i = 0; i < 11; i++) {
      await signInWithPassword({ email, password: `guess ${i}`, sourceAddress: uniqueAddress(), userAgent: null, now });
    }
    const fresh = await signInWithPassword({
      email,
      password: PASSWORD,
      sourceAddress: uniqueAddress(),
      userAgent: null,
      now,
    });
    expect(fresh).toMatchObject({ ok: false, reason: 'too_many_attempts' });
    // The account's bucket waits 1 s after its 11th failure; then the owner gets in and the record is gone.
    await prisma.signInThrottle.update({
      where: { key: `account:${email}` },
      data: { blockedUntil: new Date(now.getTime() - 1) },
    });
    expect(
      await signInWithPassword({ email, password: PASSWORD, sourceAddress: uniqueAddress(), userAgent: null, now }),
    ).toMatchObject({
      ok: true,
    });
    expect(await prisma.signInThrottle.findUnique({ where: { key: `account:${email}` } })).toBeNull();
  });

  it('counts an unknown e-mail like a known one, so guessing which exist gains nothing', async () => {
    const now = new Date(); // one clock for the whole test: a slow machine must not outlast a 1 s wait
    const { signInWithPassword } = await load();
    const email = `nobody-${randomUUID()}@example.com`;
    for (let i = 0; i < 11; i++)
      await signInWithPassword({ email, password: 'x', sourceAddress: uniqueAddress(), userAgent: null, now });
    expect(
      await signInWithPassword({ email, password: 'x', sourceAddress: uniqueAddress(), userAgent: null, now }),
    ).toMatchObject({
      reason: 'too_many_attempts',
    });
  });

  it('holds its state in the database: a fresh instance (nothing in memory) still makes the address wait', async () => {
    const now = new Date(); // one clock for the whole test: a slow machine must not outlast a 1 s wait
    const { signInWithPassword } = await load();
    const { email } = await seedUser({ role: 'viewer', password: PASSWORD });
    const sourceAddress = uniqueAddress();
    for (let i = 0; i < 6; i++)
      await signInWithPassword({ email, password: 'wrong', sourceAddress, userAgent: null, now });
    vi.resetModules();
    const another = await load();
    expect(
      await another.signInWithPassword({ email, password: PASSWORD, sourceAddress, userAgent: null, now }),
    ).toMatchObject({
      ok: false,
      reason: 'too_many_attempts',
    });
  });

  it('lets no burst through: of many guesses sent at once, only the free ones and one more are checked', async () => {
    const now = new Date(); // one clock for the whole test: a slow machine must not outlast a 1 s wait
    const { signInWithPassword } = await load();
    const { email } = await seedUser({ role: 'viewer', password: PASSWORD });
    const sourceAddress = uniqueAddress();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        signInWithPassword({ email, password: `guess ${i}`, sourceAddress, userAgent: null, now }),
      ),
    );
    const checked = results.filter((result) => !result.ok && result.reason === 'wrong_password');
    expect(checked.length).toBeLessThanOrEqual(6);
    expect(
      results.filter((result) => !result.ok && result.reason === 'too_many_attempts').length,
    ).toBeGreaterThanOrEqual(14);
  });

  it('keeps a browser that signed in before out of the lock others cause at its address and its account', async () => {
    const now = new Date(); // one clock for the whole test: a slow machine must not outlast a 1 s wait
    const { signInWithPassword } = await load();
    const { email } = await seedUser({ role: 'admin', password: PASSWORD });
    const office = uniqueAddress();
    const first = await signInWithPassword({ email, password: PASSWORD, sourceAddress: office, userAgent: null, now });
    if (!first.ok) throw new Error('the first sign-in should work');
    // Someone guesses at the account from many addresses, and from the office's address too.
    for (let i = 0; i < 12; i++)
      await signInWithPassword({
        email,
        password: `guess ${i}`,
        sourceAddress: i % 2 ? office : uniqueAddress(),
        userAgent: null,
        now,
      });
    expect(
      await signInWithPassword({ email, password: PASSWORD, sourceAddress: office, userAgent: null, now }),
    ).toMatchObject({
      reason: 'too_many_attempts',
    });
    // The browser with its device cookie still gets in; a made-up cookie does not help.
    expect(
      await signInWithPassword({
        email,
        password: PASSWORD,
        sourceAddress: office,
        userAgent: null,
        now,
        deviceToken: first.deviceToken,
      }),
    ).toMatchObject({ ok: true, deviceToken: first.deviceToken });
    expect(
      await signInWithPassword({
        email,
        password: PASSWORD,
        sourceAddress: office,
        userAgent: null,
        now,
        deviceToken: 'x'.repeat(43),
      }),
    ).toMatchObject({ reason: 'too_many_attempts' });
  });

  it('counts an address written with a port as the address itself', async () => {
    const { signInThrottleKeys } = await import('./sign-in-throttle');
    const keyOf = (sourceAddress: string) => signInThrottleKeys({ sourceAddress, email: null }).address;
    expect(keyOf('192.0.2.7:51234')).toBe(keyOf('192.0.2.7'));
    expect(keyOf('[2001:db8::1]:443')).toBe(keyOf('2001:db8::1'));
    expect(keyOf('2001:db8::1')).toBe(keyOf('2001:db8:0:0:ffff::2'));
    // An IPv6 source also counts toward its /48; an IPv4 one has no such bucket.
    const networkOf = (sourceAddress: string) => signInThrottleKeys({ sourceAddress, email: null }).network;
    expect(networkOf('2001:db8:aa:1::1')).toBe('network:2001:db8:aa::/48');
    expect(networkOf('2001:db8:aa:ffff::9')).toBe(networkOf('2001:db8:aa:1::1'));
    expect(networkOf('192.0.2.7')).toBeNull();
  });

  it('slows a /48 that guesses from many /64s of its own', async () => {
    const now = new Date(); // one clock for the whole test: a slow machine must not outlast a 1 s wait
    const { signInWithPassword } = await load();
    const block = `2001:db8:${(Date.now() % 65_000).toString(16)}`;
    // 52 guesses at 52 unknown accounts, each from a /64 of its own: no address or account bucket ever waits.
    for (let i = 0; i < 52; i++)
      await signInWithPassword({
        email: `nobody-${i}-${randomUUID()}@example.com`,
        password: 'x',
        sourceAddress: `${block}:${i.toString(16)}::1`,
        userAgent: null,
        now,
      });
    const next = await signInWithPassword({
      email: `nobody-${randomUUID()}@example.com`,
      password: 'x',
      sourceAddress: `${block}:ff::1`,
      userAgent: null,
      now,
    });
    expect(next).toMatchObject({ ok: false, reason: 'too_many_attempts' });
  });
});
