import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireInstanceLock } from './instance-lock.ts';

describe('acquireInstanceLock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ionflux-lock-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const holder = { pid: process.pid, gatewayUrl: 'http://127.0.0.1:4000', startedAt: '2026-11-25T10:00:00Z' };

  it('is held by one instance at a time and names the holder to the next', () => {
    const file = path.join(dir, 'ionflux.lock');
    const first = acquireInstanceLock(file, holder);
    expect(first.ok).toBe(true);
    const second = acquireInstanceLock(file, { ...holder, gatewayUrl: 'http://127.0.0.1:5000' });
    expect(second).toEqual({ ok: false, holder });
    if (first.ok) first.release();
    expect(existsSync(file)).toBe(false);
    expect(acquireInstanceLock(file, holder).ok).toBe(true);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const file = path.join(dir, 'ionflux.lock');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid ?? 0;
    writeFileSync(file, JSON.stringify({ ...holder, pid: dead }));
    expect(acquireInstanceLock(file, holder).ok).toBe(true);
  });
});
