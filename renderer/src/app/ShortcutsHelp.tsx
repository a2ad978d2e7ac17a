import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal';

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [`Ctrl+N ${t('shortcuts.altNew')} Alt+N`, t('shortcuts.newAppeal')],
    ['Ctrl+F', t('shortcuts.search')],
    ['↑ ↓ PgUp PgDn Home End', t('shortcuts.move')],
    ['Enter', t('shortcuts.open')],
    ['Ctrl+Enter', t('shortcuts.register')],
    ['Ctrl+S', t('shortcuts.saveDraft')],
    ['Esc', t('shortcuts.back')],
    ['F1', t('shortcuts.help')],
  ];
  return (
    <Modal title={t('shell.shortcuts')} onClose={onClose} testId="shortcuts-help">
      <table className="shortcuts">
        <tbody>
          {rows.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
