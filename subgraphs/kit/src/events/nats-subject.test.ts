import { describe, expect, it } from 'vitest';
import { subjectOf } from './nats-subject.ts';

const VALID_SUBJECT = /^[A-Za-z0-9_=-]+(\.[A-Za-z0-9_=-]+)*$/;

describe('subjectOf', () => {
  it('turns a topic’s parts into subject tokens under the prefix', () => {
    expect(subjectOf('ionflux.events', 'workspace:7f0c-11:notifications')).toBe(
      'ionflux.events.workspace.7f0c-11.notifications',
    );
  });

  it('escapes NATS’s separators, wildcards, spaces, other bytes and empty parts into valid tokens', () => {
    expect(subjectOf('p', 'a.b:*:>: x:é:')).toBe('p.a=2Eb.=2A.=3E.=20x.=C3=A9.=');
    for (const topic of ['a.b', '*', '>', 'a b', 'tab\tnew\nline', '::', 'ünïcödé', '=41', '%']) {
      expect(subjectOf('ionflux.events', topic)).toMatch(VALID_SUBJECT);
    }
  });

  it('never gives two topics one subject', () => {
    const topics = [
      'a:b',
      'a.b',
      'a=2Eb',
      'a::b',
      'a:=:b',
      ':',
      '',
      '=',
      'A',
      'a',
      'a:b:',
      ':a:b',
      'é',
      '=C3=A9',
    ];
    const subjects = topics.map((topic) => subjectOf('p', topic));
    expect(new Set(subjects).size).toBe(topics.length);
  });

  it('names a topic too long to spell out by its hash', () => {
    const long = `workspace:${'x'.repeat(450)}`;
    expect(subjectOf('p', long)).toMatch(/^p\.=H\.[0-9a-f]{64}$/);
    expect(subjectOf('p', long)).not.toBe(subjectOf('p', `${long}y`));
    expect(subjectOf('p', '☃'.repeat(200))).toMatch(/^p\.=H\./);
  });
});
