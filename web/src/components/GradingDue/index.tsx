// The dashboard's grading reminder for a commune officer: while the yearly grading of the
// commune's security team members is open and not final, how many members wait for a
// grade and until when, linked to the sheet. The server says whether the window is open.
import { Link } from '../Link';
import { teams } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { useI18n } from '../../lib/use-i18n';

export function GradingDue({ communeId }: { communeId: number }) {
  const { t } = useI18n();
  const sheet = useAsync((signal) => teams.grading({ commune_id: communeId }, signal), [communeId]);
  const s = sheet.data;
  // Nothing to say outside the window, once final, without members, or when the scope is not a commune.
  if (!s || !s.window_open || s.status !== 'draft' || s.members.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="grading-due-heading" id="grading-due">
      <h2 id="grading-due-heading">{t('grading.due_title', { year: String(s.year) })}</h2>
      <p>
        {t('grading.due_text', { ungraded: formatNumber(s.ungraded), until: formatDate(s.window_to) })}{' '}
        <Link href="/teams/grading">{t('grading.due_link')}</Link>
      </p>
    </section>
  );
}
