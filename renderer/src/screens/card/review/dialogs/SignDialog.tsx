import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllowedAction } from '../../../../../../shared/review/view';
import type { CertificateChoice, SignedDocument } from '../../../../../../shared/signing/schema';
import { api } from '../../../../api';
import { CertificateOption } from '../../../../components/CertificateOption';
import { errorMessage } from '../../../../lib/api-errors';
import { FileLinks } from '../FileLinks';
import { useReview } from '../review-context';
import { type Built, DialogForm } from './DialogForm';
import { DialogField } from './fields';

type Choices = Awaited<ReturnType<typeof api.call<'signing:choices'>>>;

/** What is being signed: the summary of a resolution, or an answer / a decision (a dispatch). */
function documentOf(target: AllowedAction, kindOfDispatch: (id: string) => string | undefined): SignedDocument {
  if (target.type === 'signSummary') return { kind: 'summary', resolutionId: target.resolutionId ?? '' };
  const dispatchId = target.dispatchId ?? '';
  return { kind: kindOfDispatch(dispatchId) === 'notice' ? 'decision' : 'answer', dispatchId };
}

/**
 * «Подписать» with ЭЦП (issue «ЭЦП»): the certificates of every provider found on this machine (AVEST
 * token, identification client, development keys), the password for a development key (a token asks
 * for its PIN in its own dialog), then `signing:sign` — the workstation verifies the signature before
 * it is stored.
 */
export function SignDialog({ target }: { target: AllowedAction }) {
  const { t } = useTranslation();
  const { card, view } = useReview();
  const [choices, setChoices] = useState<Choices | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<CertificateChoice | null>(null);
  const [password, setPassword] = useState('');

  useEffect(() => {
    let alive = true;
    api.call('signing:choices', {}).then(
      (c) => {
        if (!alive) return;
        setChoices(c);
        setChosen(c.certificates.find((x) => x.unusableReason === null) ?? null);
      },
      (err: unknown) => alive && setLoadError(errorMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, []);

  const document = documentOf(target, (id) => view.dispatches.find((d) => d.id === id)?.kind);
  const resolution = view.resolutions.find((r) => r.id === target.resolutionId);
  const dispatch = view.dispatches.find((d) => d.id === target.dispatchId);
  const needsPassword = chosen?.provider === 'software';

  const build = (): Built => ({
    action: { type: 'signSummary', resolutionId: target.resolutionId ?? '' },
    issues: [
      ...(chosen ? [] : [{ field: 'certificate', rule: 'required', message: t('review.sign.chooseCertificate') }]),
      ...(needsPassword && !password
        ? [{ field: 'password', rule: 'required', message: t('review.sign.passwordRequired') }]
        : []),
    ],
  });
  const send = (version: number) =>
    api.call('signing:sign', {
      appealId: card.id,
      expectedVersion: version,
      document,
      provider: chosen?.provider ?? 'software',
      certificateId: chosen?.id ?? '',
      ...(needsPassword ? { password } : {}),
    });

  return (
    <DialogForm target={target} build={build} send={send} submitLabel={t('review.form.sign')} wide>
      <div className="dialog-subject" data-testid="review-dialog-subject">
        <div className="review-subhead">{t(`review.sign.document.${document.kind}`)}</div>
        <div className="long-text">{resolution?.summary?.text ?? dispatch?.text ?? ''}</div>
        <FileLinks files={resolution?.summary?.files ?? dispatch?.files ?? []} />
      </div>
      {loadError && <div className="banner banner-error">{loadError}</div>}
      {choices && (
        <ul className="provider-states" data-testid="sign-providers">
          {choices.providers.map((p) => (
            <li
              key={p.provider}
              className={p.available ? 'ok' : 'muted'}
              data-provider={p.provider}
              data-available={p.available}
            >
              {p.label}: {p.message}
            </li>
          ))}
        </ul>
      )}
      <DialogField path="certificate" label={t('review.sign.certificate')} required>
        {choices === null && !loadError && <div className="muted">{t('app.loading')}</div>}
        {choices?.certificates.length === 0 && <div className="muted">{t('review.sign.noCertificates')}</div>}
        {choices?.certificates.map((c) => (
          <CertificateOption
            key={`${c.provider}:${c.id}`}
            c={c}
            checked={chosen?.id === c.id}
            onChoose={() => setChosen(c)}
          />
        ))}
      </DialogField>
      {needsPassword && (
        <DialogField path="password" label={t('review.sign.password')} required hint={t('review.sign.passwordHint')}>
          <input
            id="review-field-password"
            type="password"
            autoComplete="off"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-field="password"
            data-testid="review-field-password"
          />
        </DialogField>
      )}
    </DialogForm>
  );
}
