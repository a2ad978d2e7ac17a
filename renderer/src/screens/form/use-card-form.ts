import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/appeals';
import type { ValidationIssue } from '../../../../shared/errors';
import { api } from '../../api';
import { useNotify } from '../../app/toasts';
import { errorCode, errorMessage, reportIfUnauthenticated, validationIssues } from '../../lib/api-errors';
import { navigate } from '../../lib/router';
import { clientIssues, fieldIssues } from './client-checks';
import {
  type ApplicantField,
  DEFAULT_ANSWER_FORM,
  DEFAULT_SOURCE,
  emptyForm,
  type FormState,
  fromCard,
  toDraft,
} from './form-model';
import { displayField, replaceIssuesAt } from './issues';

export type LoadState = { phase: 'loading' } | { phase: 'ready' } | { phase: 'failed'; message: string };

/** State and actions of the registration card form. Never clears what the clerk typed. */
export function useCardForm(initialId: string | null) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [state, setState] = useState<FormState>(() => emptyForm());
  const [load, setLoad] = useState<LoadState>(initialId ? { phase: 'loading' } : { phase: 'ready' });
  const [saved, setSaved] = useState<{ id: string | null; version: number | null }>({ id: initialId, version: null });
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  /** The summary at the top appears once a save or registration was refused (not for on-blur hints). */
  const [summaryShown, setSummaryShown] = useState(false);
  const [busy, setBusy] = useState<'save' | 'register' | null>(null);
  const [topError, setTopError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const touched = useRef({ source: initialId !== null, answerForm: initialId !== null });
  /** First bytes of files uploaded in this session, for the content checks. */
  const heads = useRef(new Map<string, Uint8Array>());
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    if (!initialId) return;
    let alive = true;
    api.call('appeals:get', { id: initialId }).then(
      (card) => {
        if (!alive) return;
        if (card.status !== 'draft') {
          setLoad({ phase: 'failed', message: t('form.notDraft') });
          return;
        }
        setState(fromCard(card));
        setSaved({ id: card.id, version: card.version });
        setLoad({ phase: 'ready' });
      },
      (err: unknown) => {
        reportIfUnauthenticated(err);
        if (alive)
          setLoad({
            phase: 'failed',
            message: errorCode(err) === 'NOT_FOUND' ? t('form.notFound') : errorMessage(err),
          });
      },
    );
    return () => {
      alive = false;
    };
  }, [initialId, t]);

  useEffect(() => {
    if (issues.length === 0) setSummaryShown(false);
  }, [issues]);

  const clearAt = useCallback((path: string) => {
    setIssues((list) => (list.some((i) => displayField(i.field) === path) ? replaceIssuesAt(list, path, []) : list));
  }, []);

  const update = useCallback(
    <K extends keyof FormState>(key: K, value: FormState[K]) => {
      if (key === 'source') touched.current.source = true;
      if (key === 'answerForm') touched.current.answerForm = true;
      setState((s) => {
        const next = { ...s, [key]: value };
        if (key === 'form') {
          if (!touched.current.source) next.source = DEFAULT_SOURCE[next.form];
          if (!touched.current.answerForm) next.answerForm = DEFAULT_ANSWER_FORM[next.form];
        }
        return next;
      });
      setDirty(true);
      clearAt(key);
    },
    [clearAt],
  );

  const updateApplicant = useCallback(
    (key: ApplicantField | 'kind', value: string) => {
      setState((s) => ({
        ...s,
        applicant:
          key === 'kind'
            ? { ...s.applicant, kind: value === 'legal' ? 'legal' : 'person' }
            : { ...s.applicant, [key]: value },
      }));
      setDirty(true);
      clearAt(`applicant.${key}`);
    },
    [clearAt],
  );

  const setAttachments = useCallback((change: (list: Attachment[]) => Attachment[]) => {
    setState((s) => ({ ...s, attachments: change(s.attachments) }));
    setDirty(true);
  }, []);

  /** After removing a file the indices shift: per-file issues no longer point at the right row. */
  const clearAttachmentIssues = useCallback(() => {
    setIssues((list) => list.filter((i) => !displayField(i.field).startsWith('attachments')));
  }, []);

  /** Shows issues at one field (client hints on blur, upload problems). */
  const setIssuesAt = useCallback((path: string, next: ValidationIssue[]) => {
    setIssues((list) => replaceIssuesAt(list, path, next));
  }, []);

  const checkField = useCallback(
    (path: string) => setIssuesAt(path, fieldIssues(stateRef.current, path, heads.current)),
    [setIssuesAt],
  );

  const showIssues = useCallback((next: ValidationIssue[]) => {
    setIssues(next);
    setSummaryShown(true);
    setFocusRequest((n) => n + 1);
  }, []);

  const submit = useCallback(
    async (mode: 'save' | 'register') => {
      if (busy) return;
      const current = stateRef.current;
      setTopError(null);
      const local = clientIssues(current, mode === 'save' ? 'draft' : 'register', heads.current);
      const draft = toDraft(current);
      if (local.length > 0 || !draft) {
        showIssues(local);
        return;
      }
      setBusy(mode);
      const input = { id: saved.id, draft, expectedVersion: saved.version };
      try {
        if (mode === 'save') {
          const result = await api.call('appeals:save', input);
          setSaved({ id: result.id, version: result.version });
          setIssues([]);
          setSummaryShown(false);
          setDirty(false);
          touched.current = { source: true, answerForm: true };
          navigate({ screen: 'edit', id: result.id }, { silent: true });
          notify(t('form.saved'), 'success');
        } else {
          const result = await api.call('appeals:register', input);
          setDirty(false);
          const key = result.numberProvisional ? 'form.registeredProvisional' : 'form.registered';
          notify(t(key, { number: result.regNumber }), 'success');
          navigate({ screen: 'card', id: result.id });
        }
      } catch (err) {
        const found = validationIssues(err);
        if (found.length > 0) showIssues(found);
        else {
          reportIfUnauthenticated(err);
          setTopError(errorMessage(err));
        }
      } finally {
        setBusy(null);
      }
    },
    [busy, saved, showIssues, notify, t],
  );

  return {
    state,
    load,
    saved,
    issues,
    focusRequest,
    summaryShown,
    busy,
    topError,
    dirty,
    heads: heads.current,
    update,
    updateApplicant,
    setAttachments,
    clearAttachmentIssues,
    setIssuesAt,
    checkField,
    submit,
  };
}

export type CardForm = ReturnType<typeof useCardForm>;
