// "Tệp đính kèm" on a tip page: every file with its kind, size, sender and date, a small
// preview of photos (a click opens the full photo in a new tab) and a download link.
import styles from './style.module.css';
import { CardTable } from '../CardTable';
import { tips } from '../../lib/api';
import { fileKind, formatFileSize, isPreviewable } from '../../lib/files';
import { formatDateTime } from '../../lib/format';
import type { TipFile } from '../../lib/schema';
import { useI18n } from '../../lib/use-i18n';

interface Props {
  tipId: number;
  files: readonly TipFile[];
  /** The officer holds the commune key (otherwise names and contents stay closed). */
  readable: boolean;
}

export function TipFiles({ tipId, files, readable }: Props) {
  const { t } = useI18n();
  if (files.length === 0) return <p id="tip-files-none">{t('files.none')}</p>;
  const open = (file: TipFile) => readable && file.name !== '';
  return (
    <>
      {files.some((file) => !open(file)) ? <p class="muted">{t('files.unreadable')}</p> : null}
      <CardTable
        id="tip-files"
        labelledBy="tip-files-heading"
        columns={[
          t('files.file'),
          t('files.type'),
          t('files.size'),
          t('files.author'),
          t('files.date'),
          t('files.download'),
        ]}
      >
        {files.map((file) => (
          <tr key={file.id} data-file-id={file.id}>
            <td data-label={t('files.file')}>
              {open(file) ? (
                <div class={styles.name}>
                  {isPreviewable(file.mime) ? (
                    <a
                      href={tips.fileUrl(tipId, file.id)}
                      target="_blank"
                      rel="noopener"
                      class={styles.preview}
                      aria-label={t('files.preview_label', { name: file.name })}
                    >
                      <img src={tips.fileUrl(tipId, file.id)} alt={file.name} loading="lazy" />
                    </a>
                  ) : null}
                  <span class={styles.fileName}>{file.name}</span>
                </div>
              ) : (
                <em>{t('files.unreadable_name')}</em>
              )}
            </td>
            <td data-label={t('files.type')}>
              {open(file) ? t(`files.kind_${fileKind(file.mime)}`) : t('common.none')}
            </td>
            <td data-label={t('files.size')}>{formatFileSize(file.size)}</td>
            <td data-label={t('files.author')}>{t(`files.author_${file.author}`)}</td>
            <td data-label={t('files.date')}>
              <time dateTime={file.created_at}>{formatDateTime(file.created_at)}</time>
            </td>
            <td data-label={t('files.download')}>
              {open(file) ? (
                <a
                  href={tips.fileUrl(tipId, file.id, true)}
                  download={file.name}
                  class={styles.download}
                  aria-label={t('files.download_label', { name: file.name })}
                >
                  {t('files.download')}
                </a>
              ) : (
                t('common.none')
              )}
            </td>
          </tr>
        ))}
      </CardTable>
    </>
  );
}
