import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { Modal } from '../../components/Modal';

/** A CHANGELOG.md section (a Markdown list, items possibly wrapped) as list items. */
export function noteItems(notes: string): string[] {
  return notes
    .split(/\n(?=\s*[-*]\s)/)
    .map((item) =>
      item
        .replace(/^\s*[-*]\s+/, '')
        .replace(/\s*\n\s*/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

export function ReleaseNotesList({ notes }: { notes: string | null }) {
  const { t } = useTranslation();
  if (!notes) return <p className="muted">{t('release.noNotes')}</p>;
  return (
    <ul className="release-notes" data-testid="release-notes-list">
      {noteItems(notes).map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** Shown once per user after an update: what changed in the version now running (CHANGELOG.md). */
export function ReleaseNotesAfterUpdate() {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<{ version: string; notes: string | null } | null>(null);
  useEffect(() => {
    api.call('release:notes', {}).then(
      (r) => r.unseen && setNotes(r),
      () => undefined,
    );
  }, []);
  if (!notes) return null;
  const close = () => {
    setNotes(null);
    void api.call('release:notesSeen', {}).catch(() => undefined);
  };
  return (
    <Modal title={t('release.whatsNew', { version: notes.version })} onClose={close} testId="release-notes">
      <ReleaseNotesList notes={notes.notes} />
    </Modal>
  );
}
