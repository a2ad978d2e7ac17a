import { useTranslation } from 'react-i18next';
import { formatSize } from '../../../lib/format';
import { useOpenFile } from '../../../lib/use-open-file';

interface FileView {
  sha256: string;
  name: string;
  size: number;
  type: string;
}

/** Files of a resolution, result, summary or letter as links that open them. */
export function FileLinks({ files }: { files: readonly FileView[] }) {
  const { t } = useTranslation();
  const { busy, open } = useOpenFile();
  if (files.length === 0) return null;
  return (
    <ul className="review-files">
      {files.map((f) => (
        <li key={f.sha256}>
          <button
            type="button"
            className="link-button"
            disabled={busy === f.sha256}
            title={t('review.files.open', { name: f.name })}
            onClick={() => void open(f)}
            data-testid="review-file"
          >
            {f.name}
          </button>
          <span className="muted small"> {formatSize(f.size)}</span>
        </li>
      ))}
    </ul>
  );
}
