import { describe, expect, it } from 'vitest';
import { APPEAL_STATUSES } from '../../../../shared/appeals/enums';
import type { AppError } from '../../../../shared/errors';
import { ACTIONS, allowedActions, assertTransition, FINAL_STATUSES } from '../../../../shared/status';

const code = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (err) {
    return (err as AppError).code;
  }
};

describe('status machine', () => {
  it('registers drafts and received appeals, and nothing else', () => {
    expect(assertTransition('register', { status: 'draft', source: 'post' }, ['clerk'])).toBe('registered');
    expect(assertTransition('register', { status: 'received', source: 'portal' }, ['clerk'])).toBe('registered');
    expect(code(() => assertTransition('register', { status: 'registered', source: 'post' }, ['clerk']))).toBe(
      'ILLEGAL_TRANSITION',
    );
  });

  it('checks the role before the status', () => {
    expect(code(() => assertTransition('register', { status: 'draft', source: 'post' }, ['head']))).toBe('NOT_ALLOWED');
    expect(code(() => assertTransition('createResolution', { status: 'registered', source: 'post' }, ['clerk']))).toBe(
      'NOT_ALLOWED',
    );
    expect(assertTransition('createResolution', { status: 'registered', source: 'post' }, ['clerk', 'head'])).toBe(
      'under_resolution',
    );
  });

  it('refuses to redirect an oral appeal from a direct phone line [4.6]', () => {
    const err = code(() => assertTransition('redirect', { status: 'registered', source: 'phone_line' }, ['clerk']));
    expect(err).toBe('ILLEGAL_TRANSITION');
    expect(allowedActions({ status: 'registered', source: 'phone_line' }, ['clerk'])).not.toContain('redirect');
    expect(allowedActions({ status: 'registered', source: 'reception' }, ['clerk'])).toContain('redirect');
  });

  it('has no way out of a final status, and withdrawal from every other non-draft one', () => {
    for (const status of APPEAL_STATUSES) {
      const actions = allowedActions({ status, source: 'post' }, ['clerk', 'head', 'signer', 'authorised']);
      // Nothing leads out of a final status: what remains (the controller's instruction after a redirect
      // on control [4.9], the ЭЦП on an answer or a decision) keeps the status.
      if (FINAL_STATUSES.has(status)) for (const action of actions) expect(ACTIONS[action].to, action).toBeNull();
      else if (status !== 'draft') expect(actions, status).toContain('withdraw');
    }
  });

  it('every action leads to a known status or keeps it', () => {
    for (const spec of Object.values(ACTIONS)) {
      if (spec.to !== null) expect(APPEAL_STATUSES).toContain(spec.to);
      for (const from of spec.from) expect(FINAL_STATUSES.has(from) && spec.to !== null).toBe(false);
    }
  });
});
